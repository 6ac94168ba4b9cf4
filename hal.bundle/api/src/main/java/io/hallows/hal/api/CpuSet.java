package io.hallows.hal.api;

import java.util.BitSet;
import java.util.stream.IntStream;

/** An immutable set of cpu numbers, written as a Linux cpu list: {@code 0-1}, {@code 1}, {@code 0,2-3}. */
public final class CpuSet {
    /** The highest cpu number accepted, as in the kernel's default {@code CONFIG_NR_CPUS} limit. */
    public static final int MAX_CPU = 4095;
    private static final CpuSet EMPTY = new CpuSet(new BitSet());

    private final BitSet cpus;

    private CpuSet(BitSet cpus) {
        this.cpus = cpus;
    }

    /** @throws IllegalArgumentException saying which part of {@code text} is not a cpu list */
    public static CpuSet parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty cpu list (expected e.g. 0-1 or 1)");
        }
        BitSet cpus = new BitSet();
        for (String range : text.split(",", -1)) {
            String r = range.trim();
            int dash = r.indexOf('-');
            try {
                int from = Integer.parseInt(dash < 0 ? r : r.substring(0, dash).trim());
                int to = dash < 0 ? from : Integer.parseInt(r.substring(dash + 1).trim());
                if (from < 0 || to < from || to > MAX_CPU) {
                    throw new IllegalArgumentException("'" + r + "' is not a cpu range in '" + text + "' (cpus are 0 to " + MAX_CPU + ")");
                }
                cpus.set(from, to + 1);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + r + "' is not a cpu number or range in '" + text + "' (expected e.g. 0-1 or 1)");
            }
        }
        return new CpuSet(cpus);
    }

    public static CpuSet of(int... cpus) {
        BitSet set = new BitSet();
        for (int cpu : cpus) {
            if (cpu < 0 || cpu > MAX_CPU) {
                throw new IllegalArgumentException("cpu " + cpu + " is out of range 0 to " + MAX_CPU);
            }
            set.set(cpu);
        }
        return new CpuSet(set);
    }

    /** Cpus {@code 0} to {@code count - 1}. */
    public static CpuSet first(int count) {
        BitSet set = new BitSet();
        set.set(0, count);
        return new CpuSet(set);
    }

    public static CpuSet empty() {
        return EMPTY;
    }

    public boolean contains(int cpu) {
        return cpu >= 0 && cpus.get(cpu);
    }

    public boolean containsAll(CpuSet other) {
        return missing(other).isEmpty();
    }

    /** The cpus of {@code other} that are not in this set. */
    public CpuSet missing(CpuSet other) {
        BitSet missing = (BitSet) other.cpus.clone();
        missing.andNot(cpus);
        return new CpuSet(missing);
    }

    public CpuSet intersection(CpuSet other) {
        BitSet both = (BitSet) cpus.clone();
        both.and(other.cpus);
        return new CpuSet(both);
    }

    public CpuSet union(CpuSet other) {
        BitSet all = (BitSet) cpus.clone();
        all.or(other.cpus);
        return new CpuSet(all);
    }

    public boolean isEmpty() {
        return cpus.isEmpty();
    }

    public int size() {
        return cpus.cardinality();
    }

    /** The highest cpu number in the set, or -1 when it is empty. */
    public int last() {
        return cpus.length() - 1;
    }

    public IntStream stream() {
        return cpus.stream();
    }

    /** The set as the bytes of a Linux {@code cpu_set_t} mask of {@code bytes} bytes (cpu 0 is bit 0 of byte 0). */
    public byte[] toMask(int bytes) {
        if (last() >= bytes * 8) {
            throw new IllegalArgumentException("cpu " + last() + " does not fit a mask of " + bytes + " bytes");
        }
        byte[] mask = new byte[bytes];
        byte[] raw = cpus.toByteArray();
        System.arraycopy(raw, 0, mask, 0, raw.length);
        return mask;
    }

    /** The set a Linux {@code cpu_set_t} mask describes. */
    public static CpuSet fromMask(byte[] mask) {
        return new CpuSet(BitSet.valueOf(mask));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CpuSet c && c.cpus.equals(cpus);
    }

    @Override
    public int hashCode() {
        return cpus.hashCode();
    }

    /** The canonical cpu list: ranges collapsed, ascending; empty text for the empty set. */
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
