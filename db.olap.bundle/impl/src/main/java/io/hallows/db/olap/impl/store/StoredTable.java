package io.hallows.db.olap.impl.store;

import io.hallows.db.olap.impl.table.Chunk;
import io.hallows.db.olap.impl.table.Table;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A table of the store with a count of its users: the store's own reference, plus one per query
 * snapshot that sees it. A replaced or dropped table's vectors are closed when its last user is done,
 * so a running query never reads released memory.
 */
final class StoredTable {
    final Table table;
    final long fileBytes;
    private final AtomicInteger users = new AtomicInteger(1);

    StoredTable(Table table, long fileBytes) {
        this.table = table;
        this.fileBytes = fileBytes;
    }

    /** Adds a user; false when the table was already closed (the caller looks it up again). */
    boolean acquire() {
        while (true) {
            int n = users.get();
            if (n == 0) {
                return false;
            }
            if (users.compareAndSet(n, n + 1)) {
                return true;
            }
        }
    }

    /** Removes a user; the last one closes the table's vectors. */
    void release() {
        int n = users.decrementAndGet();
        if (n == 0) {
            for (Chunk c : table.chunks()) {
                c.vectors().close();
            }
        } else if (n < 0) {
            throw new IllegalStateException("table " + table.name() + " released more often than acquired");
        }
    }
}
