package io.hallows.db.olap.impl.exec;

import java.util.Arrays;

/**
 * MIN, MAX, SINGLE_VALUE (a scalar subquery's one row: a second row is an error) and
 * ANY_VALUE: each keeps one input value per group. Longs and doubles in arrays; strings as
 * byte arrays per group (there are few groups where strings are picked).
 */
final class PickAcc extends Acc {
    private final AggCall.Fn fn;
    private final Type type;
    private long[] l = new long[16];
    private double[] d = new double[16];
    private byte[][] s = new byte[16][];
    private boolean[] seen = new boolean[16];

    PickAcc(AggCall.Fn fn, Type type) {
        this.fn = fn;
        this.type = type;
    }

    @Override
    void ensure(int g) {
        int n = grow(seen.length, g);
        if (n != seen.length) {
            l = Arrays.copyOf(l, n);
            d = Arrays.copyOf(d, n);
            s = Arrays.copyOf(s, n);
            seen = Arrays.copyOf(seen, n);
        }
    }

    /** Whether candidate {@code cmp} (candidate vs current) replaces the current value. */
    private boolean replaces(int g, int cmp) {
        if (!seen[g]) {
            return true;
        }
        return switch (fn) {
            case MIN -> cmp < 0;
            case MAX -> cmp > 0;
            case SINGLE_VALUE -> throw moreThanOneRow();
            default -> false;
        };
    }

    @Override
    void update(int[] gid, Vec arg, int n) {
        for (int i = 0; i < n; i++) {
            if (arg.isNull(i)) {
                if (fn == AggCall.Fn.SINGLE_VALUE) {
                    if (seen[gid[i]]) {
                        throw moreThanOneRow();
                    }
                    seen[gid[i]] = true;
                    markNull(gid[i]);
                }
                continue;
            }
            offer(gid[i], arg, i);
        }
    }

    private java.util.BitSet nullPicked;

    private void markNull(int g) {
        if (nullPicked == null) {
            nullPicked = new java.util.BitSet();
        }
        nullPicked.set(g);
    }

    private void offer(int g, Vec arg, int i) {
        if (arg instanceof LongVec v) {
            if (replaces(g, Long.compare(v.v[i], l[g]))) {
                l[g] = v.v[i];
                seen[g] = true;
            }
        } else if (arg instanceof DoubleVec v) {
            if (replaces(g, Double.compare(v.v[i], d[g]))) {
                d[g] = v.v[i];
                seen[g] = true;
            }
        } else {
            StrVec v = (StrVec) arg;
            int cmp = s[g] == null ? 0 : Arrays.compareUnsigned(v.data, v.off[i], v.off[i + 1], s[g], 0, s[g].length);
            if (replaces(g, cmp)) {
                s[g] = Arrays.copyOfRange(v.data, v.off[i], v.off[i + 1]);
                seen[g] = true;
            }
        }
    }

    @Override
    void merge(Acc other, int[] map, int n) {
        PickAcc o = (PickAcc) other;
        Vec theirs = o.result(n);
        for (int g = 0; g < n; g++) {
            if (!o.seen[g]) {
                continue;
            }
            if (theirs.isNull(g)) {
                if (fn == AggCall.Fn.SINGLE_VALUE) {
                    if (seen[map[g]]) {
                        throw moreThanOneRow();
                    }
                    seen[map[g]] = true;
                    markNull(map[g]);
                }
                continue;
            }
            offer(map[g], theirs, g);
        }
    }

    @Override
    Vec result(int groups) {
        boolean[] nulls = missing(seen, groups);
        if (nullPicked != null) {
            nulls = nulls == null ? new boolean[groups] : nulls;
            for (int g = nullPicked.nextSetBit(0); g >= 0 && g < groups; g = nullPicked.nextSetBit(g + 1)) {
                nulls[g] = true;
            }
        }
        if (type.isLong()) {
            return new LongVec(Arrays.copyOf(l, groups), nulls);
        }
        if (type.kind() == io.hallows.db.olap.impl.table.ColumnKind.DOUBLE) {
            return new DoubleVec(Arrays.copyOf(d, groups), nulls);
        }
        int size = 0;
        for (int g = 0; g < groups; g++) {
            size += s[g] == null ? 0 : s[g].length;
        }
        byte[] data = new byte[size];
        int[] off = new int[groups + 1];
        for (int g = 0; g < groups; g++) {
            int len = s[g] == null ? 0 : s[g].length;
            if (len > 0) {
                System.arraycopy(s[g], 0, data, off[g], len);
            }
            off[g + 1] = off[g] + len;
        }
        return new StrVec(data, off, nulls);
    }
}
