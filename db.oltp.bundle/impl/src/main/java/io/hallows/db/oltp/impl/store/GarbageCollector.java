package io.hallows.db.oltp.impl.store;

import java.util.Map;

/**
 * Drops what no snapshot at or after the horizon (the oldest running snapshot) can see: the
 * versions below each row's newest one committed at or before it, rows whose newest such
 * version is a deletion (retired, then removed from the index), and secondary index entries no
 * remaining version carries.
 */
final class GarbageCollector {
    private GarbageCollector() {
    }

    /** Collects {@code table}; returns how many versions were dropped. */
    static long collect(TableState table, long horizon, MemoryMeter meter) {
        TableState.Layout l = table.layout();
        long dropped = 0;
        for (Chain c : l.primary().values()) {
            dropped += c.trim(horizon, meter);
            Version h = c.head();
            if (h == null) {
                if (c.retire(null)) {
                    l.primary().remove(c.key, c);
                }
            } else if (h.deleted() && h.committed() && h.ts <= horizon && h.next == null && c.retire(h)) {
                l.primary().remove(c.key, c);
                meter.release(h.bytes, 1);
                dropped++;
            }
        }
        for (SecondaryIndex s : l.secondaries()) {
            for (Map.Entry<Object[], Chain> e : s.entries.entrySet()) {
                Chain c = e.getValue();
                if (!carries(s, e.getKey(), c) && s.entries.remove(e.getKey(), c) && carries(s, e.getKey(), c)) {
                    // A writer pushed a version with this key between the look and the removal.
                    s.entries.put(e.getKey(), c);
                }
            }
        }
        return dropped;
    }

    private static boolean carries(SecondaryIndex s, Object[] entryKey, Chain c) {
        return c.head() != Chain.RETIRED && s.anyVersionMatches(entryKey, c);
    }
}
