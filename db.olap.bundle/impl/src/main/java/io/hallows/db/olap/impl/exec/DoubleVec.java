package io.hallows.db.olap.impl.exec;

/** DOUBLE values. */
public final class DoubleVec extends Vec {
    public final double[] v;

    public DoubleVec(double[] v, boolean[] nulls) {
        super(nulls);
        this.v = v;
    }

    @Override
    public DoubleVec gather(int[] rows, int count) {
        double[] out = new double[count];
        for (int i = 0; i < count; i++) {
            int r = rows[i];
            out[i] = r < 0 ? 0 : v[r];
        }
        return new DoubleVec(out, gatherNulls(rows, count));
    }

    @Override
    public long bytes(int n) {
        return 8L * n + (nulls == null ? 0 : n);
    }
}
