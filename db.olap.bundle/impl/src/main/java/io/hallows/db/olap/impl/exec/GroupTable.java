package io.hallows.db.olap.impl.exec;

import java.util.List;

/**
 * Groups by key: open addressing (linear probing) from key hash to a dense group number, with the
 * keys kept in growable columns. With no key columns there is exactly one group, 0. One per lane.
 */
final class GroupTable {
    private final KeyColumn[] keys;
    private final Memory memory;
    private final long bytesPerGroup;
    private int[] slots = new int[64]; // group + 1; 0 = empty
    private long[] hashes = new long[32];
    private int groups;

    GroupTable(List<Type> keyTypes, Memory memory, long bytesPerGroup) {
        this.keys = new KeyColumn[keyTypes.size()];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = KeyColumn.of(keyTypes.get(i));
        }
        this.memory = memory;
        this.bytesPerGroup = bytesPerGroup + 12L + 8L * keys.length;
        if (keys.length == 0) {
            groups = 1;
        }
    }

    int groups() {
        return groups;
    }

    /** The group of every row, new groups made as needed. */
    int[] groupsOf(Vec[] keyVecs, int n) {
        int[] out = new int[n];
        if (keys.length == 0) {
            return out;
        }
        long[] h = Keys.hash(keyVecs, n);
        boolean singleLong = keys.length == 1 && keys[0] instanceof KeyColumn.Longs && keyVecs[0].nulls == null && !keys[0].anyNull;
        for (int i = 0; i < n; i++) {
            long hi = h[i];
            int mask = slots.length - 1;
            int s = (int) hi & mask;
            while (true) {
                int g = slots[s] - 1;
                if (g < 0) {
                    g = add(keyVecs, i, hi);
                    slots[s] = g + 1;
                    if (groups * 2 > slots.length) {
                        rehash();
                    }
                    out[i] = g;
                    break;
                }
                if (hashes[g] == hi && (singleLong
                        ? ((KeyColumn.Longs) keys[0]).v[g] == ((LongVec) keyVecs[0]).v[i]
                        : same(g, keyVecs, i))) {
                    out[i] = g;
                    break;
                }
                s = (s + 1) & mask;
            }
        }
        return out;
    }

    private boolean same(int g, Vec[] keyVecs, int i) {
        for (int c = 0; c < keys.length; c++) {
            if (!keys[c].same(g, keyVecs[c], i)) {
                return false;
            }
        }
        return true;
    }

    private int add(Vec[] keyVecs, int i, long h) {
        int g = groups++;
        if (g == hashes.length) {
            memory.reserve(bytesPerGroup * g);
            hashes = java.util.Arrays.copyOf(hashes, g * 2);
        }
        hashes[g] = h;
        for (int c = 0; c < keys.length; c++) {
            keys[c].add(g, keyVecs[c], i);
        }
        return g;
    }

    private void rehash() {
        int[] bigger = new int[slots.length * 2];
        int mask = bigger.length - 1;
        for (int g = 0; g < groups; g++) {
            int s = (int) hashes[g] & mask;
            while (bigger[s] != 0) {
                s = (s + 1) & mask;
            }
            bigger[s] = g + 1;
        }
        slots = bigger;
    }

    /** The keys of the first {@code groups()} groups. */
    Vec[] keyVecs() {
        Vec[] out = new Vec[keys.length];
        for (int c = 0; c < keys.length; c++) {
            out[c] = keys[c].vec(groups);
        }
        return out;
    }
}
