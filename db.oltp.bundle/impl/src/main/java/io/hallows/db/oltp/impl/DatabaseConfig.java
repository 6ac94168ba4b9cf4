package io.hallows.db.oltp.impl;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * The database's settings, from its configuration (PID {@value #PID}, in the stack file), each
 * checked with an error naming the setting and the value.
 *
 * @param directory the folder name in the stack's data area
 * @param memoryLimit bytes the tables may hold ({@code memoryLimit}, e.g. {@code 2g}; default 25% of the heap)
 * @param synchronousCommit whether a commit waits for its log force ({@code synchronousCommit}, default true)
 * @param checkpointLogBytes log size after which a checkpoint is written ({@code checkpoint.logSize}, default 256m)
 * @param checkpointInterval time after which a checkpoint is written ({@code checkpoint.interval}, default 5m)
 * @param maxSessions sessions at once ({@code maxSessions}, default 512)
 */
public record DatabaseConfig(String directory, long memoryLimit, boolean synchronousCommit, long checkpointLogBytes,
        Duration checkpointInterval, int maxSessions) {
    /** The configuration PID. */
    public static final String PID = "io.hallows.db.oltp";

    /** Reads the settings from a component's properties; unknown keys are ignored (DS adds its own). */
    public static DatabaseConfig from(Map<String, ?> properties) {
        long heap = Runtime.getRuntime().maxMemory();
        String directory = text(properties, "directory", "oltp");
        if (!directory.matches("[a-z][a-z0-9.-]*")) {
            throw new IllegalArgumentException("directory: '" + directory + "' is not a folder name of lower-case letters, digits, '.' and '-'");
        }
        long memory = bytes(properties, "memoryLimit", heap == Long.MAX_VALUE ? 1L << 30 : heap / 4);
        boolean sync = Boolean.parseBoolean(text(properties, "synchronousCommit", "true"));
        long logBytes = bytes(properties, "checkpoint.logSize", 256L << 20);
        Duration interval = duration(properties, "checkpoint.interval", Duration.ofMinutes(5));
        int sessions = (int) Math.min(Integer.MAX_VALUE, number(properties, "maxSessions", 512));
        if (sessions < 1) {
            throw new IllegalArgumentException("maxSessions: must be at least 1, not " + sessions);
        }
        return new DatabaseConfig(directory, memory, sync, logBytes, interval, sessions);
    }

    private static String text(Map<String, ?> p, String key, String fallback) {
        Object v = p.get(key);
        return v == null ? fallback : v.toString().strip();
    }

    private static long number(Map<String, ?> p, String key, long fallback) {
        String v = text(p, key, Long.toString(fallback));
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + ": '" + v + "' is not a whole number");
        }
    }

    /** A size such as {@code 512m}, {@code 2g}, {@code 65536} (bytes), at least 1 MiB. */
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
            if (n <= 0 || n > Long.MAX_VALUE / unit || n * unit < (1L << 20)) {
                throw new NumberFormatException();
            }
            return n * unit;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + ": '" + v + "' is not a size of at least 1m (as 512m or 2g)");
        }
    }

    /** A duration such as {@code 30s}, {@code 5m}, {@code 1h}, {@code 500ms}, between 1 s and 24 h. */
    static Duration duration(Map<String, ?> p, String key, Duration fallback) {
        Object raw = p.get(key);
        if (raw == null) {
            return fallback;
        }
        String v = raw.toString().strip().toLowerCase(Locale.ROOT);
        try {
            Duration d;
            if (v.endsWith("ms")) {
                d = Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
            } else if (v.endsWith("s")) {
                d = Duration.ofSeconds(Long.parseLong(v.substring(0, v.length() - 1)));
            } else if (v.endsWith("m")) {
                d = Duration.ofMinutes(Long.parseLong(v.substring(0, v.length() - 1)));
            } else if (v.endsWith("h")) {
                d = Duration.ofHours(Long.parseLong(v.substring(0, v.length() - 1)));
            } else {
                throw new NumberFormatException();
            }
            if (d.compareTo(Duration.ofSeconds(1)) < 0 || d.compareTo(Duration.ofHours(24)) > 0) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + ": '" + v + "' is not a duration between 1s and 24h (as 30s, 5m, 1h)");
        }
    }
}
