package io.hallows.db.olap.impl.exec;

/** Hashing and comparing rows by key columns, for hash joins and hash aggregation. */
public final class Keys {
    /**
     * Multiplier between key columns: an odd constant with well-spread bits, so that composite
     * keys such as (partkey, suppkey) do not collide the way {@code 31 * a + b} does.
     */
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private Keys() {}

    /** Murmur3's 64-bit finalizer: spreads key bits over the whole hash. */
    public static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }

    /** The hash of every row's keys (NULL hashes as a value, for IS NOT DISTINCT FROM keys). */
    public static long[] hash(Vec[] keys, int n) {
        long[] h = new long[n];
        for (Vec k : keys) {
            if (k instanceof LongVec l) {
                long[] v = l.v;
                for (int i = 0; i < n; i++) {
                    h[i] = (h[i] + v[i]) * GOLDEN;
                }
            } else if (k instanceof DoubleVec d) {
                double[] v = d.v;
                for (int i = 0; i < n; i++) {
                    h[i] = (h[i] + Double.doubleToLongBits(v[i] == 0 ? 0 : v[i])) * GOLDEN;
                }
            } else {
                StrVec s = (StrVec) k;
                for (int i = 0; i < n; i++) {
                    h[i] = (h[i] + s.hash(i)) * GOLDEN;
                }
            }
            if (k.nulls != null) {
                for (int i = 0; i < n; i++) {
                    if (k.nulls[i]) {
                        h[i] += 0x9e3779b97f4a7c15L;
                    }
                }
            }
        }
        for (int i = 0; i < n; i++) {
            h[i] = mix(h[i]);
        }
        return h;
    }

    /** Whether row {@code i} of {@code a} and row {@code j} of {@code b} have equal keys (NULL equals NULL). */
    public static boolean equal(Vec[] a, int i, Vec[] b, int j) {
        for (int c = 0; c < a.length; c++) {
            Vec x = a[c];
            Vec y = b[c];
            boolean xn = x.isNull(i);
            if (xn != y.isNull(j)) {
                return false;
            }
            if (xn) {
                continue;
            }
            boolean same;
            if (x instanceof LongVec l) {
                same = l.v[i] == ((LongVec) y).v[j];
            } else if (x instanceof DoubleVec d) {
                same = d.v[i] == ((DoubleVec) y).v[j];
            } else {
                same = StrVec.equal((StrVec) x, i, (StrVec) y, j);
            }
            if (!same) {
                return false;
            }
        }
        return true;
    }

    /**
     * Rows where a key that must not be NULL is NULL ({@code nullSafe[c]} false): they never
     * match in a join. Null when there are none.
     */
    public static boolean[] nullKeys(Vec[] keys, boolean[] nullSafe, int n) {
        boolean[] out = null;
        for (int c = 0; c < keys.length; c++) {
            if (keys[c].nulls == null || nullSafe[c]) {
                continue;
            }
            for (int i = 0; i < n; i++) {
                if (keys[c].nulls[i]) {
                    if (out == null) {
                        out = new boolean[n];
                    }
                    out[i] = true;
                }
            }
        }
        return out;
    }
}
