package io.hallows.db.oltp.impl.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.hallows.sql.api.SqlException;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Snapshots, statements and the transaction lifecycle. */
class TransactionTest {
    private MvccStore store;
    private Table test;

    @BeforeEach
    void setUp() {
        store = new MvccStore(new MemoryLog(), 1L << 30);
        test = Fixtures.intTable(store, "test");
        Fixtures.insertCommitted(store, test, new Object[] {1, 10});
    }

    @Test
    void repeatableReadTakesItsSnapshotAtItsFirstStatement() {
        Txn rr = store.begin(Isolation.REPEATABLE_READ);
        Fixtures.insertCommitted(store, test, new Object[] {2, 20});
        rr.startStatement();
        assertEquals(20, rr.get(test, new Object[] {2}).values()[1]);
        Fixtures.insertCommitted(store, test, new Object[] {3, 30});
        rr.startStatement();
        assertNull(rr.get(test, new Object[] {3}));
        rr.commit(true).join();
    }

    @Test
    void rollingBackAStatementKeepsTheEarlierOnes() {
        Txn t = store.begin(Isolation.READ_COMMITTED);
        t.startStatement();
        t.insert(test, new Object[] {2, 20});
        t.startStatement();
        t.insert(test, new Object[] {3, 30});
        t.update(test, t.get(test, new Object[] {1}), v -> true, v -> new Object[] {1, 11});
        t.rollbackStatement();
        t.startStatement();
        assertNull(t.get(test, new Object[] {3}));
        assertEquals(10, t.get(test, new Object[] {1}).values()[1]);
        t.commit(true).join();
        assertEquals(java.util.Map.of(1, 10, 2, 20), Fixtures.contents(store, test));
    }

    @Test
    void writesToATableDroppedMeanwhileAreNotCommitted() {
        Txn t = store.begin(Isolation.READ_COMMITTED);
        t.startStatement();
        t.insert(test, new Object[] {2, 20});
        Fixtures.join(store.dropTable("test", false));
        Fixtures.intTable(store, "test");
        CompletionException e = org.junit.jupiter.api.Assertions.assertThrows(CompletionException.class, () -> t.commit(true).join());
        assertEquals("40001", ((SqlException) e.getCause()).sqlState());
        assertFalse(t.active());
        assertEquals(java.util.Map.of(), Fixtures.contents(store, store.table("test").orElseThrow()));
    }

    @Test
    void statsCountTransactionsAndRows() {
        Txn open = store.begin(Isolation.SERIALIZABLE);
        Txn t = store.begin(Isolation.READ_COMMITTED);
        t.startStatement();
        t.insert(test, new Object[] {2, 20});
        t.commit(true).join();
        Txn r = store.begin(Isolation.READ_COMMITTED);
        r.rollback();
        r.rollback();
        StoreStats s = store.stats();
        assertEquals(List.of(2L, 1L, 1, 2L, 2L, 1), List.of(s.commits(), s.rollbacks(), s.tables(), s.liveRows(),
                s.versions(), s.activeTransactions()));
        assertEquals(store.memoryUsed(), s.memoryUsed());
        open.rollback();
    }
}
