package io.hallows.db.olap.impl.exec;

/** INT, BIGINT, DECIMAL (unscaled), DATE (days) and BOOLEAN (0/1) values as longs. */
public final class LongVec extends Vec {
    public final long[] v;

    public LongVec(long[] v, boolean[] nulls) {
        super(nulls);
        this.v = v;
    }

    @Override
    public LongVec gather(int[] rows, int count) {
        long[] out = new long[count];
        for (int i = 0; i < count; i++) {
            int r = rows[i];
            out[i] = r < 0 ? 0 : v[r];
        }
        return new LongVec(out, gatherNulls(rows, count));
    }

    @Override
    public long bytes(int n) {
        return 8L * n + (nulls == null ? 0 : n);
    }
}
