package io.hallows.hal.impl.sysfs;

import io.hallows.hal.api.CpuSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Tolerant reads of sysfs attributes: a file that is missing, unreadable (some attributes fail
 * with EINVAL on read) or holds text that does not parse counts as absent, so one odd attribute
 * never costs the whole answer.
 */
public final class SysfsFiles {
    private SysfsFiles() {
    }

    /** The file's text, trimmed; empty when it cannot be read. */
    public static Optional<String> text(Path file) {
        try {
            return Optional.of(Files.readString(file).strip());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    public static OptionalInt integer(Path file) {
        OptionalLong value = number(file);
        return value.isPresent() && value.getAsLong() == (int) value.getAsLong()
                ? OptionalInt.of((int) value.getAsLong()) : OptionalInt.empty();
    }

    public static OptionalLong number(Path file) {
        Optional<String> text = text(file);
        try {
            return text.isPresent() ? OptionalLong.of(Long.parseLong(text.get())) : OptionalLong.empty();
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** A cpu list such as {@code 0-3,8}; an empty file is the empty set (a node without cpus). */
    public static Optional<CpuSet> cpuList(Path file) {
        Optional<String> text = text(file);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        if (text.get().isEmpty()) {
            return Optional.of(CpuSet.empty());
        }
        try {
            return Optional.of(CpuSet.parse(text.get()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * The entries of {@code dir} whose names match {@code name} (group 1, when present, must be a
     * number: entries are then sorted by it, so {@code cpu10} comes after {@code cpu9}); empty when
     * {@code dir} cannot be listed.
     */
    public static List<Path> entries(Path dir, Pattern name) {
        List<Path> found = new ArrayList<>();
        try (Stream<Path> list = Files.list(dir)) {
            list.filter(p -> name.matcher(p.getFileName().toString()).matches()).forEach(found::add);
        } catch (IOException e) {
            return List.of();
        }
        found.sort(Comparator.comparingLong((Path p) -> index(p, name)).thenComparing(Path::getFileName));
        return found;
    }

    /** The number captured by group 1 of {@code name} in the entry's name, or 0 when there is none. */
    public static long index(Path entry, Pattern name) {
        Matcher m = name.matcher(entry.getFileName().toString());
        if (m.matches() && m.groupCount() >= 1 && m.group(1) != null) {
            try {
                return Long.parseLong(m.group(1));
            } catch (NumberFormatException e) {
                return Long.MAX_VALUE; // too many digits: sorts last
            }
        }
        return 0;
    }

    /** Whether {@code entry} resolves under {@code root/devices/virtual}: no physical device behind it. */
    public static boolean isVirtual(Path root, Path entry) {
        try {
            return entry.toRealPath().startsWith(root.toRealPath().resolve("devices").resolve("virtual"));
        } catch (IOException e) {
            return false;
        }
    }
}
