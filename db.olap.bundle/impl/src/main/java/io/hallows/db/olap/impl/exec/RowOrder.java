package io.hallows.db.olap.impl.exec;

import java.util.List;

/** Compares rows of one batch by sort keys, and sorts row numbers (no boxing). */
final class RowOrder {
    private final Vec[] cols;
    private final boolean[] desc;
    private final boolean[] nullsFirst;
    private final int n;

    RowOrder(Batch b, List<Sort.Key> keys) {
        n = b.n();
        cols = new Vec[keys.size()];
        desc = new boolean[keys.size()];
        nullsFirst = new boolean[keys.size()];
        for (int k = 0; k < cols.length; k++) {
            cols[k] = b.col(keys.get(k).column());
            desc[k] = keys.get(k).descending();
            nullsFirst[k] = keys.get(k).nullsFirst();
        }
    }

    int compare(int a, int b) {
        for (int k = 0; k < cols.length; k++) {
            Vec v = cols[k];
            boolean an = v.isNull(a);
            boolean bn = v.isNull(b);
            int c;
            if (an || bn) {
                if (an == bn) {
                    continue;
                }
                return an == nullsFirst[k] ? -1 : 1;
            }
            if (v instanceof LongVec l) {
                c = Long.compare(l.v[a], l.v[b]);
            } else if (v instanceof DoubleVec d) {
                c = Double.compare(d.v[a], d.v[b]);
            } else {
                c = StrVec.compare((StrVec) v, a, (StrVec) v, b);
            }
            if (c != 0) {
                return desc[k] ? -c : c;
            }
        }
        return 0;
    }

    /** Every row number in order (stable). */
    int[] sorted(Exec ex) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        ex.memory().reserve(8L * n);
        mergeSort(a, new int[n], 0, n, ex);
        return a;
    }

    private void mergeSort(int[] a, int[] tmp, int from, int to, Exec ex) {
        if (to - from <= 32) {
            for (int i = from + 1; i < to; i++) {
                int x = a[i];
                int j = i - 1;
                while (j >= from && compare(a[j], x) > 0) {
                    a[j + 1] = a[j];
                    j--;
                }
                a[j + 1] = x;
            }
            return;
        }
        if (to - from > 65_536) {
            ex.checkCancelled();
        }
        int mid = (from + to) >>> 1;
        mergeSort(a, tmp, from, mid, ex);
        mergeSort(a, tmp, mid, to, ex);
        if (compare(a[mid - 1], a[mid]) <= 0) {
            return;
        }
        System.arraycopy(a, from, tmp, from, to - from);
        int i = from;
        int j = mid;
        for (int k = from; k < to; k++) {
            if (j >= to || i < mid && compare(tmp[i], tmp[j]) <= 0) {
                a[k] = tmp[i++];
            } else {
                a[k] = tmp[j++];
            }
        }
    }

    /** The first {@code k} row numbers in order: a sorted buffer of k, each row inserted by binary search. */
    int[] top(int k, Exec ex) {
        int[] buf = new int[k];
        int size = 0;
        for (int r = 0; r < n; r++) {
            if ((r & 0xFFFF) == 0) {
                ex.checkCancelled();
            }
            if (size == k && compare(r, buf[k - 1]) >= 0) {
                continue;
            }
            int lo = 0;
            int hi = size;
            while (lo < hi) { // first position whose row sorts after r: keeps equal rows in input order
                int m = (lo + hi) >>> 1;
                if (compare(buf[m], r) <= 0) {
                    lo = m + 1;
                } else {
                    hi = m;
                }
            }
            int move = Math.min(size, k - 1) - lo;
            if (move > 0) {
                System.arraycopy(buf, lo, buf, lo + 1, move);
            }
            buf[lo] = r;
            size = Math.min(size + 1, k);
        }
        return java.util.Arrays.copyOf(buf, size);
    }
}
