package io.hallows.kernel.impl.partition;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;

/** A set of cpus written as a Linux cpu list: {@code 0-1}, {@code 1}, {@code 0,2-3}. */
public record CpuList(BitSet cpus) {
    private static final Path ONLINE = Path.of("/sys/devices/system/cpu/online");

    /** @throws IllegalArgumentException saying what in {@code text} is not a cpu list */
    public static CpuList parse(String text) {
        BitSet cpus = new BitSet();
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty cpu list (expected e.g. 0-1 or 1)");
        }
        for (String range : text.split(",")) {
            String r = range.trim();
            int dash = r.indexOf('-');
            try {
                int from = Integer.parseInt(dash < 0 ? r : r.substring(0, dash).trim());
                int to = dash < 0 ? from : Integer.parseInt(r.substring(dash + 1).trim());
                if (from < 0 || to < from || to > 4095) {
                    throw new IllegalArgumentException("'" + r + "' is not a cpu range in '" + text + "'");
                }
                cpus.set(from, to + 1);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + r + "' is not a cpu number or range in '" + text + "' (expected e.g. 0-1 or 1)");
            }
        }
        return new CpuList(cpus);
    }

    /** The cpus online on this machine, from sysfs; all processors the JVM sees where sysfs is absent. */
    public static CpuList online() {
        try {
            return parse(Files.readString(ONLINE).trim());
        } catch (IOException | IllegalArgumentException e) {
            BitSet all = new BitSet();
            all.set(0, Runtime.getRuntime().availableProcessors());
            return new CpuList(all);
        }
    }

    public boolean containsAll(CpuList other) {
        BitSet missing = (BitSet) other.cpus.clone();
        missing.andNot(cpus);
        return missing.isEmpty();
    }

    /** The cpus of {@code other} that are not in this set. */
    public CpuList missing(CpuList other) {
        BitSet missing = (BitSet) other.cpus.clone();
        missing.andNot(cpus);
        return new CpuList(missing);
    }

    public CpuList intersection(CpuList other) {
        BitSet both = (BitSet) cpus.clone();
        both.and(other.cpus);
        return new CpuList(both);
    }

    public boolean isEmpty() {
        return cpus.isEmpty();
    }

    public int size() {
        return cpus.cardinality();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CpuList c && c.cpus.equals(cpus);
    }

    @Override
    public int hashCode() {
        return cpus.hashCode();
    }

    /** The canonical cpu list: ranges collapsed, ascending. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        for (int from = cpus.nextSetBit(0); from >= 0; ) {
            int to = cpus.nextClearBit(from) - 1;
            if (!out.isEmpty()) {
                out.append(',');
            }
            out.append(from);
            if (to > from) {
                out.append('-').append(to);
            }
            from = cpus.nextSetBit(to + 1);
        }
        return out.toString();
    }
}
