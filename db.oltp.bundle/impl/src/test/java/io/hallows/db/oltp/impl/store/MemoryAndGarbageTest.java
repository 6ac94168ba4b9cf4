package io.hallows.db.oltp.impl.store;

import static io.hallows.db.oltp.impl.store.Fixtures.col;
import static io.hallows.db.oltp.impl.store.Fixtures.fails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallows.sql.api.SqlException;
import io.hallows.sql.api.SqlType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The memory limit (53200, and nothing else breaks) and garbage collection of old versions. */
class MemoryAndGarbageTest {
    private static final long MIB = 1024 * 1024;

    @Test
    void aWriteBeyondTheLimitFailsAndTheStoreGoesOn() {
        MvccStore store = new MvccStore(new MemoryLog(), MIB);
        Fixtures.join(store.createTable(new TableDef("blobs", List.of(new ColumnDef("id", SqlType.INT4, -1, -1, true),
                col("data", SqlType.TEXT)), List.of(0)), false));
        Table blobs = store.table("blobs").orElseThrow();
        String kib = "x".repeat(1024);
        int committed = 0;
        SqlException full = null;
        while (full == null) {
            Txn t = store.begin(Isolation.READ_COMMITTED);
            t.startStatement();
            try {
                t.insert(blobs, new Object[] {committed, kib});
                t.commit(true).join();
                committed++;
            } catch (SqlException e) {
                t.rollback();
                full = e;
            }
        }
        assertEquals("53200", full.sqlState());
        assertEquals("out of memory: the database holds 1 MiB, limit 1 MiB (db.memoryLimit)", full.getMessage());
        assertTrue(committed > 500 && committed < 1024, "rows: " + committed);
        assertTrue(store.memoryUsed() <= store.memoryLimit());

        Txn reader = store.begin(Isolation.READ_COMMITTED);
        reader.startStatement();
        assertEquals(kib, reader.get(blobs, new Object[] {0}).values()[1]);
        reader.commit(true).join();

        Txn deleter = store.begin(Isolation.READ_COMMITTED);
        deleter.startStatement();
        for (int i = 0; i < 100; i++) {
            deleter.delete(blobs, deleter.get(blobs, new Object[] {i}), v -> true);
        }
        deleter.commit(true).join();
        long before = store.memoryUsed();
        assertTrue(store.collectGarbage() >= 100);
        assertTrue(store.memoryUsed() < before - 100 * 1024, store.memoryUsed() + " vs " + before);
        Fixtures.insertCommitted(store, blobs, new Object[] {-1, kib});
    }

    @Test
    void anOldSnapshotKeepsItsVersionsUntilItEnds() {
        MvccStore store = new MvccStore(new MemoryLog(), 1L << 30);
        Table t = Fixtures.intTable(store, "test");
        Fixtures.insertCommitted(store, t, new Object[] {1, 0}, new Object[] {2, 0});
        Txn old = store.begin(Isolation.REPEATABLE_READ);
        old.startStatement();
        setValues(store, t, 50);
        assertEquals(0, store.collectGarbage(), "the old snapshot still sees the first version");
        assertEquals(52, store.stats().versions());
        assertEquals(0, old.get(t, new Object[] {1}).values()[1]);
        old.commit(true).join();

        long used = store.memoryUsed();
        assertEquals(50, store.collectGarbage());
        assertEquals(2, store.stats().versions());
        assertTrue(store.memoryUsed() < used);
        assertEquals(Map.of(1, 50, 2, 0), Fixtures.contents(store, t));
    }

    @Test
    void writesTrimTheirRowWhenNoSnapshotNeedsTheOldVersions() {
        MvccStore store = new MvccStore(new MemoryLog(), 1L << 30);
        Table t = Fixtures.intTable(store, "test");
        Fixtures.insertCommitted(store, t, new Object[] {1, 0});
        setValues(store, t, 1000);
        assertTrue(store.stats().versions() < 100, "versions: " + store.stats().versions());
    }

    @Test
    void deletedRowsLeaveTheIndexesOnceCollected() {
        MvccStore store = new MvccStore(new MemoryLog(), 1L << 30);
        Table t = Fixtures.intTable(store, "test");
        Fixtures.join(store.createIndex(new IndexDef("test_value", "test", List.of(1), false), false));
        Fixtures.insertCommitted(store, t, new Object[] {1, 10}, new Object[] {2, 20});
        Txn d = store.begin(Isolation.READ_COMMITTED);
        d.startStatement();
        d.delete(t, d.get(t, new Object[] {1}), v -> true);
        d.update(t, d.get(t, new Object[] {2}), v -> true, v -> new Object[] {v[0], 21});
        d.commit(true).join();
        store.collectGarbage();
        TableState state = (TableState) t;
        assertEquals(1, state.layout().primary().size());
        assertEquals(1, state.layout().secondaries().get(0).entries.size(), "the entries of value 10 and 20 are gone");
        assertEquals(1, store.stats().liveRows());
        assertFalse(store.stats().versions() > 1);
        Fixtures.insertCommitted(store, t, new Object[] {1, 11});
        assertEquals(Map.of(1, 11, 2, 21), Fixtures.contents(store, t));
    }

    @Test
    void aCommittedRowIsNotCountedTwiceWhenRolledBackWritesAreUndone() {
        MvccStore store = new MvccStore(new MemoryLog(), 1L << 30);
        Table t = Fixtures.intTable(store, "test");
        long empty = store.memoryUsed();
        Txn w = store.begin(Isolation.READ_COMMITTED);
        w.startStatement();
        w.insert(t, new Object[] {1, 1});
        w.insert(t, new Object[] {2, 2});
        w.rollback();
        assertEquals(empty, store.memoryUsed());
        assertEquals(0, store.stats().versions());
        fails("25P02", () -> w.insert(t, new Object[] {3, 3}));
    }

    /** Sets row 1's value to 1, 2, … {@code last}, each in its own transaction. */
    private static void setValues(Store store, Table t, int last) {
        for (int i = 1; i <= last; i++) {
            int value = i;
            Txn w = store.begin(Isolation.READ_COMMITTED);
            w.startStatement();
            w.update(t, w.get(t, new Object[] {1}), v -> true, v -> new Object[] {v[0], value});
            w.commit(true).join();
        }
    }
}
