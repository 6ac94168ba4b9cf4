package io.hallows.db.oltp.impl.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallows.db.oltp.impl.wal.CommitLog;
import io.hallows.sql.api.SqlType;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Commit notifications: after the commit is durable, only for watched tables, never for rollbacks. */
class CommitWatchersTest {
    /** A log whose forces complete only when the test says so. */
    private static final class HeldLog implements CommitLog {
        private final MemoryLog records = new MemoryLog();
        private final List<CompletableFuture<Void>> pending = new CopyOnWriteArrayList<>();

        @Override
        public long append(byte[] record) {
            return records.append(record);
        }

        @Override
        public CompletableFuture<Void> durable(long lsn) {
            CompletableFuture<Void> f = new CompletableFuture<>();
            pending.add(f);
            return f;
        }

        @Override
        public long position() {
            return records.position();
        }

        void forceAll() {
            pending.forEach(f -> f.complete(null));
            pending.clear();
        }
    }

    private final HeldLog log = new HeldLog();
    private final List<Set<String>> heard = new CopyOnWriteArrayList<>();
    private final java.util.concurrent.atomic.AtomicInteger ids = new java.util.concurrent.atomic.AtomicInteger();
    private MvccStore store;
    private Table a;
    private Table b;
    private Table c;

    @BeforeEach
    void setUp() {
        store = new MvccStore(log, 1L << 30);
        a = table("Alpha");
        b = table("beta");
        c = table("gamma");
    }

    /** {@code create table <name> (id int4 primary key, value int4)}; DDL waits for its force too. */
    private Table table(String name) {
        CompletableFuture<Void> created = store.createTable(new TableDef(name, List.of(new ColumnDef("id", SqlType.INT4, -1, -1, true),
                Fixtures.col("value", SqlType.INT4)), List.of(0)), false);
        log.forceAll();
        created.join();
        return store.table(name).orElseThrow();
    }

    private CompletableFuture<Void> write(boolean sync, Table... tables) {
        Txn t = store.begin(Isolation.READ_COMMITTED);
        t.startStatement();
        for (Table table : tables) {
            t.insert(table, new Object[] {ids.incrementAndGet(), 1});
        }
        return t.commit(sync);
    }

    @Test
    void aWatcherHearsOfACommitToItsTablesOnlyOnceItIsDurable() throws Exception {
        AutoCloseable watch = store.watchers().add(Set.of("ALPHA", "beta"), heard::add);
        CompletableFuture<Void> committed = write(true, a, c);
        assertTrue(heard.isEmpty(), "not before the log force");
        log.forceAll();
        committed.join();
        assertEquals(List.of(Set.of("alpha", "gamma")), heard);

        write(true, c);
        log.forceAll();
        assertEquals(1, heard.size(), "gamma alone is not watched");

        watch.close();
        write(true, b);
        log.forceAll();
        assertEquals(1, heard.size(), "closed: no more notifications");
    }

    @Test
    void rolledBackAndReadOnlyTransactionsAreNotHeard() {
        store.watchers().add(Set.of("alpha"), heard::add);
        Txn t = store.begin(Isolation.READ_COMMITTED);
        t.startStatement();
        t.insert(a, new Object[] {1, 1});
        t.rollback();
        Txn r = store.begin(Isolation.READ_COMMITTED);
        r.startStatement();
        assertFalse(r.scan(a).hasNext());
        r.commit(true).join();
        log.forceAll();
        assertTrue(heard.isEmpty());
    }

    @Test
    void withoutSynchronousCommitTheWatcherHearsAtOnce() {
        store.watchers().add(Set.of("beta"), heard::add);
        write(false, b).join();
        assertEquals(List.of(Set.of("beta")), heard);
    }
}
