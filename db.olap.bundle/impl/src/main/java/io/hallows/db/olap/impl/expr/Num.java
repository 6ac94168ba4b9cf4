package io.hallows.db.olap.impl.expr;

import io.hallows.db.olap.impl.exec.DoubleVec;
import io.hallows.db.olap.impl.exec.LongVec;
import io.hallows.db.olap.impl.exec.Type;
import io.hallows.db.olap.impl.exec.Vec;
import io.hallows.db.olap.impl.table.ColumnKind;

/** Numeric conversions between scaled longs and doubles, on whole vectors. */
final class Num {
    static final long[] POW10 = new long[19];

    static {
        POW10[0] = 1;
        for (int i = 1; i < POW10.length; i++) {
            POW10[i] = POW10[i - 1] * 10;
        }
    }

    private Num() {}

    static int scale(Type t) {
        return t.kind() == ColumnKind.DECIMAL ? t.scale() : 0;
    }

    /** {@code v} (a long type of scale {@code from}) at scale {@code to} ≥ from. */
    static long[] upscale(Vec v, int from, int to, int n) {
        long[] a = ((LongVec) v).v;
        if (from == to) {
            return a;
        }
        long f = POW10[to - from];
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            out[i] = a[i] * f;
        }
        return out;
    }

    /** {@code v} of type {@code t} as doubles. */
    static double[] doubles(Vec v, Type t, int n) {
        if (v instanceof DoubleVec d) {
            return d.v;
        }
        long[] a = ((LongVec) v).v;
        double[] out = new double[n];
        int s = scale(t);
        if (s == 0) {
            for (int i = 0; i < n; i++) {
                out[i] = a[i];
            }
        } else {
            double f = POW10[s];
            for (int i = 0; i < n; i++) {
                out[i] = a[i] / f;
            }
        }
        return out;
    }

    /** Divides by 10^k rounding half away from zero, as PostgreSQL rounds numerics. */
    static long downscale(long x, int k) {
        if (k == 0) {
            return x;
        }
        long f = POW10[k];
        long q = x / f;
        long r = x % f;
        if (Math.abs(r) * 2 >= f) {
            q += x < 0 ? -1 : 1;
        }
        return q;
    }
}
