package io.hallows.db.olap.impl.expr;

import io.hallows.db.olap.impl.exec.DoubleVec;
import io.hallows.db.olap.impl.exec.LongVec;
import io.hallows.db.olap.impl.exec.StrVec;
import io.hallows.db.olap.impl.exec.Vec;

/** Row-wise selection between two vectors of one type. */
final class Blend {
    private Blend() {}

    /** Row i from {@code part} where {@code pick[i] == k}, else from {@code base}. */
    static Vec blend(Vec base, Vec part, int[] pick, int k, int n) {
        boolean[] nulls = new boolean[n];
        boolean anyNull = false;
        for (int i = 0; i < n; i++) {
            nulls[i] = pick[i] == k ? part.isNull(i) : base.isNull(i);
            anyNull |= nulls[i];
        }
        boolean[] m = anyNull ? nulls : null;
        if (base instanceof LongVec a) {
            long[] out = new long[n];
            long[] p = ((LongVec) part).v;
            for (int i = 0; i < n; i++) {
                out[i] = pick[i] == k ? p[i] : a.v[i];
            }
            return new LongVec(out, m);
        }
        if (base instanceof DoubleVec a) {
            double[] out = new double[n];
            double[] p = ((DoubleVec) part).v;
            for (int i = 0; i < n; i++) {
                out[i] = pick[i] == k ? p[i] : a.v[i];
            }
            return new DoubleVec(out, m);
        }
        StrVec a = (StrVec) base;
        StrVec p = (StrVec) part;
        int size = 0;
        for (int i = 0; i < n; i++) {
            size += pick[i] == k ? p.length(i) : a.length(i);
        }
        byte[] data = new byte[size];
        int[] off = new int[n + 1];
        int d = 0;
        for (int i = 0; i < n; i++) {
            StrVec s = pick[i] == k ? p : a;
            int len = s.length(i);
            System.arraycopy(s.data, s.off[i], data, d, len);
            d += len;
            off[i + 1] = d;
        }
        return new StrVec(data, off, m);
    }
}
