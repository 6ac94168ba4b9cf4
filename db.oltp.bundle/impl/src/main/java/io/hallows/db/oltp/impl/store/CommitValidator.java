package io.hallows.db.oltp.impl.store;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;

/**
 * SERIALIZABLE's backward validation: while a serializable transaction runs, the store keeps the
 * writes of every commit; at its own commit, a serializable transaction is refused when a
 * transaction that committed after its snapshot wrote something it read. All methods run under
 * the store's commit lock.
 */
final class CommitValidator {
    private record Committed(long ts, List<Write> writes) {
    }

    private final ArrayDeque<Committed> recent = new ArrayDeque<>();
    private int running;

    void serializableStarted() {
        running++;
    }

    void serializableEnded() {
        running--;
        if (running == 0) {
            recent.clear();
        }
    }

    /** Keeps a commit's writes while a serializable transaction might have to validate against them. */
    void committed(long ts, List<Write> writes) {
        if (running > 0 && !writes.isEmpty()) {
            recent.addLast(new Committed(ts, writes));
        }
    }

    /** Forgets the commits every running serializable transaction's snapshot already includes. */
    void forgetUpTo(long oldestSnapshot) {
        while (!recent.isEmpty() && recent.peekFirst().ts <= oldestSnapshot) {
            recent.pollFirst();
        }
    }

    /** True when a commit after {@code snapshot} wrote something {@code reads} covers. */
    boolean conflicts(ReadSet reads, long snapshot) {
        if (reads.isEmpty()) {
            return false;
        }
        for (Iterator<Committed> it = recent.descendingIterator(); it.hasNext();) {
            Committed c = it.next();
            if (c.ts <= snapshot) {
                return false;
            }
            for (Write w : c.writes) {
                if (reads.overlaps(w)) {
                    return true;
                }
            }
        }
        return false;
    }
}
