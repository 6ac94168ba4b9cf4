package io.hallows.db.olap.impl.exec;

import java.util.ArrayList;
import java.util.List;

/**
 * ORDER BY with OFFSET and LIMIT (either may be absent; without keys it is only a limit). Sorts
 * row numbers with a stable merge sort over the key columns; with a small limit only the first
 * rows are kept in a bounded insertion buffer (top-N) instead of sorting everything.
 */
public final class Sort extends Node {
    /** One sort key: column, direction and where NULLs go. */
    public record Key(int column, boolean descending, boolean nullsFirst) {}

    private final List<Key> keys;
    private final long offset;
    private final long fetch; // -1: all

    public Sort(Node input, List<Key> keys, long offset, long fetch) {
        super(input.types(), List.of(input));
        this.keys = List.copyOf(keys);
        this.offset = offset;
        this.fetch = fetch;
    }

    @Override
    public String describe() {
        StringBuilder s = new StringBuilder(keys.isEmpty() ? "Limit" : fetch >= 0 ? "TopN" : "Sort");
        if (!keys.isEmpty()) {
            s.append(" [");
            for (int i = 0; i < keys.size(); i++) {
                Key k = keys.get(i);
                s.append(i == 0 ? "" : ", ").append('$').append(k.column()).append(k.descending() ? " DESC" : " ASC")
                        .append(k.nullsFirst() ? " NULLS FIRST" : " NULLS LAST");
            }
            s.append(']');
        }
        if (offset > 0) {
            s.append(" offset ").append(offset);
        }
        if (fetch >= 0) {
            s.append(" limit ").append(fetch);
        }
        return s.toString();
    }

    @Override
    public Flow open(Exec ex) {
        Node input = inputs().get(0);
        if (keys.isEmpty()) {
            return limit(ex, input.open(ex));
        }
        Batch all = ex.collect(input.open(ex), input.types());
        long t = System.nanoTime();
        int n = all.n();
        RowOrder order = new RowOrder(all, keys);
        int[] rows;
        long wanted = fetch < 0 ? n : Math.min(n, offset + fetch);
        if (wanted < n && wanted <= 1024) {
            rows = order.top((int) wanted, ex);
        } else {
            rows = order.sorted(ex);
        }
        int from = (int) Math.min(offset, rows.length);
        int to = (int) Math.min(rows.length, wanted);
        int[] slice = java.util.Arrays.copyOfRange(rows, from, to);
        Batch out = all.gather(slice, slice.length);
        spent(t);
        return ready(split(out));
    }

    /** LIMIT/OFFSET without order: the first rows in flow order, reading no more morsels than needed. */
    private Flow limit(Exec ex, Flow in) {
        List<Batch> out = new ArrayList<>();
        long skip = offset;
        long left = fetch < 0 ? Long.MAX_VALUE : fetch;
        for (int i = 0; i < in.morsels() && left > 0; i++) {
            ex.checkCancelled();
            Batch b = in.morsel(i);
            if (b == null || b.n() == 0) {
                continue;
            }
            int from = (int) Math.min(skip, b.n());
            skip -= from;
            int count = (int) Math.min(left, b.n() - from);
            if (count <= 0) {
                continue;
            }
            int[] rows = new int[count];
            for (int r = 0; r < count; r++) {
                rows[r] = from + r;
            }
            out.add(from == 0 && count == b.n() ? b : b.gather(rows, count));
            left -= count;
        }
        return ready(out);
    }
}
