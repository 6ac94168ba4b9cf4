package io.hallows.db.olap.impl.exec;

import java.util.List;

/**
 * Rows flowing between operators: one {@link Vec} per column, {@code n} rows. Immutable.
 *
 * @param cols the columns
 * @param n the number of rows
 */
public record Batch(Vec[] cols, int n) {
    public Vec col(int c) {
        return cols[c];
    }

    /** The rows {@code rows[0..count)} of every column. */
    public Batch gather(int[] rows, int count) {
        Vec[] out = new Vec[cols.length];
        for (int c = 0; c < cols.length; c++) {
            out[c] = cols[c].gather(rows, count);
        }
        return new Batch(out, count);
    }

    public long bytes() {
        long b = 0;
        for (Vec v : cols) {
            b += v.bytes(n);
        }
        return b;
    }

    /** One batch with the rows of {@code parts} in order, typed as {@code types}. */
    public static Batch concat(List<Batch> parts, List<Type> types) {
        int total = 0;
        for (Batch b : parts) {
            total += b.n;
        }
        if (parts.size() == 1) {
            return parts.get(0);
        }
        Vec[] out = new Vec[types.size()];
        for (int c = 0; c < out.length; c++) {
            out[c] = Vecs.concat(parts, c, types.get(c), total);
        }
        return new Batch(out, total);
    }
}
