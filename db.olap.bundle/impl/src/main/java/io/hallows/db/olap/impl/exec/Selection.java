package io.hallows.db.olap.impl.exec;

/** The rows where a boolean vector is true (not false, not NULL). */
public final class Selection {
    private Selection() {}

    /** Fills {@code out} with the selected row numbers and returns how many there are. */
    public static int of(LongVec cond, int n, int[] out) {
        int k = 0;
        long[] v = cond.v;
        boolean[] nulls = cond.nulls;
        if (nulls == null) {
            for (int i = 0; i < n; i++) {
                out[k] = i;
                k += (int) v[i];
            }
        } else {
            for (int i = 0; i < n; i++) {
                out[k] = i;
                k += nulls[i] ? 0 : (int) v[i];
            }
        }
        return k;
    }
}
