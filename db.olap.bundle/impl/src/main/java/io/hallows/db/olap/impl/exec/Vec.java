package io.hallows.db.olap.impl.exec;

/**
 * One column of a {@link Batch} on the heap: a primitive array (longer than the batch is allowed)
 * and a null mask ({@code null} when no value is null). Vectors are never modified once made, so
 * operators and expressions may share them between batches and threads.
 */
public abstract sealed class Vec permits LongVec, DoubleVec, StrVec {
    /** True at the rows that are NULL; null when none is. */
    public final boolean[] nulls;

    protected Vec(boolean[] nulls) {
        this.nulls = nulls;
    }

    public final boolean isNull(int i) {
        return nulls != null && nulls[i];
    }

    /**
     * The rows {@code rows[0..count)} of this vector in that order; a row of {@code -1} is NULL
     * (the missing side of an outer join).
     */
    public abstract Vec gather(int[] rows, int count);

    /** Heap bytes of {@code n} rows, for memory accounting. */
    public abstract long bytes(int n);

    /** The null mask of {@link #gather}. */
    protected final boolean[] gatherNulls(int[] rows, int count) {
        boolean[] out = null;
        for (int i = 0; i < count; i++) {
            int r = rows[i];
            if (r < 0 || (nulls != null && nulls[r])) {
                if (out == null) {
                    out = new boolean[count];
                }
                out[i] = true;
            }
        }
        return out;
    }

    /** The union of two null masks (either may be null). */
    public static boolean[] orNulls(boolean[] a, boolean[] b, int n) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        boolean[] out = new boolean[n];
        for (int i = 0; i < n; i++) {
            out[i] = a[i] | b[i];
        }
        return out;
    }
}
