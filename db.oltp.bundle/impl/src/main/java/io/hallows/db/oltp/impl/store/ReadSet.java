package io.hallows.db.oltp.impl.store;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * What a SERIALIZABLE transaction read: keys looked up (present or not), key ranges of an index,
 * and whole tables scanned. {@link #overlaps} tells whether a committed write touched any of it.
 */
final class ReadSet {
    private record RangeRead(TableState table, int[] columns, Object[] low, Object[] high) {
        boolean contains(Object[] values) {
            Object[] k = Keys.project(values, columns, new Object[0]);
            return Keys.compare(low, k) <= 0 && Keys.compare(k, high) <= 0;
        }
    }

    private final Map<TableState, TreeSet<Object[]>> points = new IdentityHashMap<>();
    private final Map<TableState, Boolean> scans = new IdentityHashMap<>();
    private final List<RangeRead> ranges = new ArrayList<>();

    void point(TableState table, Object[] key) {
        points.computeIfAbsent(table, t -> new TreeSet<>(Keys.ORDER)).add(key.clone());
    }

    void scan(TableState table) {
        scans.put(table, Boolean.TRUE);
    }

    void range(TableState table, int[] columns, Object[] low, Object[] high) {
        ranges.add(new RangeRead(table, columns, low, high));
    }

    boolean isEmpty() {
        return points.isEmpty() && scans.isEmpty() && ranges.isEmpty();
    }

    /** True when {@code w} wrote a row this transaction read, or a row into a range it read. */
    boolean overlaps(Write w) {
        TableState t = w.table();
        if (scans.containsKey(t)) {
            return true;
        }
        TreeSet<Object[]> keys = points.get(t);
        if (keys != null && keys.contains(w.version().chain.key)) {
            return true;
        }
        for (RangeRead r : ranges) {
            if (r.table == t && (inRange(r, w.before()) || inRange(r, w.version().values))) {
                return true;
            }
        }
        return false;
    }

    private static boolean inRange(RangeRead r, Object[] values) {
        return values != null && r.contains(values);
    }
}
