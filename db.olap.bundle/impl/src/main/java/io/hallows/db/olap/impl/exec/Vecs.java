package io.hallows.db.olap.impl.exec;

import java.util.List;

/** Making vectors: concatenation, constants, empties. */
public final class Vecs {
    private Vecs() {}

    public static Vec concat(List<Batch> parts, int c, Type type, int total) {
        boolean anyNull = false;
        for (Batch b : parts) {
            anyNull |= b.col(c).nulls != null;
        }
        boolean[] nulls = anyNull ? new boolean[total] : null;
        int p = 0;
        if (type.isLong()) {
            long[] out = new long[total];
            for (Batch b : parts) {
                LongVec v = (LongVec) b.col(c);
                System.arraycopy(v.v, 0, out, p, b.n());
                copyNulls(v, nulls, p, b.n());
                p += b.n();
            }
            return new LongVec(out, nulls);
        }
        if (type.kind() == io.hallows.db.olap.impl.table.ColumnKind.DOUBLE) {
            double[] out = new double[total];
            for (Batch b : parts) {
                DoubleVec v = (DoubleVec) b.col(c);
                System.arraycopy(v.v, 0, out, p, b.n());
                copyNulls(v, nulls, p, b.n());
                p += b.n();
            }
            return new DoubleVec(out, nulls);
        }
        long size = 0;
        for (Batch b : parts) {
            StrVec v = (StrVec) b.col(c);
            size += v.off[b.n()] - v.off[0];
        }
        byte[] data = new byte[Math.toIntExact(size)];
        int[] off = new int[total + 1];
        int d = 0;
        for (Batch b : parts) {
            StrVec v = (StrVec) b.col(c);
            int base = v.off[0];
            int len = v.off[b.n()] - base;
            System.arraycopy(v.data, base, data, d, len);
            for (int i = 0; i < b.n(); i++) {
                off[p + i + 1] = d + v.off[i + 1] - base;
            }
            copyNulls(v, nulls, p, b.n());
            d += len;
            p += b.n();
        }
        return new StrVec(data, off, nulls);
    }

    private static void copyNulls(Vec v, boolean[] nulls, int at, int n) {
        if (v.nulls != null) {
            System.arraycopy(v.nulls, 0, nulls, at, n);
        }
    }

    /** {@code n} NULLs of {@code type}. */
    public static Vec nulls(Type type, int n) {
        boolean[] m = new boolean[n];
        java.util.Arrays.fill(m, true);
        if (type.isLong()) {
            return new LongVec(new long[n], m);
        }
        if (type.kind() == io.hallows.db.olap.impl.table.ColumnKind.DOUBLE) {
            return new DoubleVec(new double[n], m);
        }
        return new StrVec(new byte[0], new int[n + 1], m);
    }

    /** {@code n} copies of one value: a Long, Double, byte[] (UTF-8) or null. */
    public static Vec constant(Type type, Object value, int n) {
        if (value == null) {
            return nulls(type, n);
        }
        if (type.isLong()) {
            long[] a = new long[n];
            java.util.Arrays.fill(a, (Long) value);
            return new LongVec(a, null);
        }
        if (type.kind() == io.hallows.db.olap.impl.table.ColumnKind.DOUBLE) {
            double[] a = new double[n];
            java.util.Arrays.fill(a, (Double) value);
            return new DoubleVec(a, null);
        }
        byte[] s = (byte[]) value;
        byte[] data = new byte[s.length * n];
        int[] off = new int[n + 1];
        for (int i = 0; i < n; i++) {
            System.arraycopy(s, 0, data, i * s.length, s.length);
            off[i + 1] = (i + 1) * s.length;
        }
        return new StrVec(data, off, null);
    }

    /** An empty batch of {@code types}. */
    public static Batch empty(List<Type> types) {
        Vec[] cols = new Vec[types.size()];
        for (int c = 0; c < cols.length; c++) {
            cols[c] = nulls(types.get(c), 0);
        }
        return new Batch(cols, 0);
    }

    /** Row {@code i} of {@code v} as a Long, Double, String or null (for explain, errors and tests). */
    public static Object value(Vec v, int i) {
        if (v.isNull(i)) {
            return null;
        }
        if (v instanceof LongVec l) {
            return l.v[i];
        }
        if (v instanceof DoubleVec d) {
            return d.v[i];
        }
        return ((StrVec) v).string(i);
    }
}
