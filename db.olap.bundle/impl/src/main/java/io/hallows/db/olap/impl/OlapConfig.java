package io.hallows.db.olap.impl;

import java.util.Locale;
import java.util.Map;

/**
 * The OLAP database's settings, from its configuration (PID {@value #PID}, in the stack file), each
 * checked with an error naming the setting and the value.
 *
 * @param directory the folder name in the stack's data area ({@code directory}, default {@code olap})
 * @param memoryLimit bytes of Arrow memory all queries and loads may hold together ({@code memoryLimit},
 *     e.g. {@code 2g}; default 2g). Mapped table files are not counted: the page cache holds them.
 * @param parallelism morsels of one query that may run at once ({@code parallelism}, default 2: the
 *     olap partition's workers)
 * @param maxSessions sessions at once ({@code maxSessions}, default 64)
 */
public record OlapConfig(String directory, long memoryLimit, int parallelism, int maxSessions) {
    /** The configuration PID. */
    public static final String PID = "io.hallows.db.olap";

    /** Reads the settings from a component's properties; unknown keys are ignored (DS adds its own). */
    public static OlapConfig from(Map<String, ?> properties) {
        String directory = text(properties, "directory", "olap");
        if (!directory.matches("[a-z][a-z0-9.-]*")) {
            throw new IllegalArgumentException("directory: '" + directory + "' is not a folder name of lower-case letters, digits, '.' and '-'");
        }
        long memory = bytes(properties, "memoryLimit", 2L << 30);
        int parallelism = (int) number(properties, "parallelism", 2, 1, 256);
        int sessions = (int) number(properties, "maxSessions", 64, 1, 100_000);
        return new OlapConfig(directory, memory, parallelism, sessions);
    }

    private static String text(Map<String, ?> p, String key, String fallback) {
        Object v = p.get(key);
        return v == null ? fallback : v.toString().strip();
    }

    private static long number(Map<String, ?> p, String key, long fallback, long min, long max) {
        String v = text(p, key, Long.toString(fallback));
        try {
            long n = Long.parseLong(v);
            if (n < min || n > max) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + ": '" + v + "' is not a whole number from " + min + " to " + max);
        }
    }

    /** A size such as {@code 512m}, {@code 2g}, {@code 65536} (bytes), at least 16 MiB. */
    static long bytes(Map<String, ?> p, String key, long fallback) {
        String v = text(p, key, Long.toString(fallback)).toLowerCase(Locale.ROOT);
        long unit = switch (v.isEmpty() ? ' ' : v.charAt(v.length() - 1)) {
            case 'k' -> 1L << 10;
            case 'm' -> 1L << 20;
            case 'g' -> 1L << 30;
            default -> 1;
        };
        String digits = unit == 1 ? v : v.substring(0, v.length() - 1);
        try {
            long n = Long.parseLong(digits.strip());
            if (n <= 0 || n > Long.MAX_VALUE / unit || n * unit < (16L << 20)) {
                throw new NumberFormatException();
            }
            return n * unit;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + ": '" + v + "' is not a size of at least 16m (as 512m or 2g)");
        }
    }
}
