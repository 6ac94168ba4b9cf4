package io.hallows.db.oltp.impl.store;

import static io.hallows.db.oltp.impl.store.Isolation.READ_COMMITTED;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A wait that would close a cycle of waits is refused with 40P01; the other transaction then goes on. */
class DeadlockTest {
    private MvccStore store;
    private Table test;

    @BeforeEach
    void setUp() {
        store = new MvccStore(new MemoryLog(), 1L << 30);
        test = Fixtures.intTable(store, "test");
        Fixtures.insertCommitted(store, test, new Object[] {1, 10}, new Object[] {2, 20}, new Object[] {3, 30});
    }

    @Test
    void twoTransactionsWaitingForEachOther() {
        Client t1 = new Client(store, test, READ_COMMITTED);
        Client t2 = new Client(store, test, READ_COMMITTED);
        t1.set(1, 11).succeeds();
        t2.set(2, 22).succeeds();
        Client.Stmt waiting = t1.set(2, 12).blocks();
        t2.set(1, 21).failsWith("40P01");
        waiting.resume().succeeds();
        t1.commit();
        assertEquals(Map.of(1, 11, 2, 12, 3, 30), Fixtures.contents(store, test));
        assertEquals(1, store.stats().deadlocks());
    }

    @Test
    void aCycleOfThree() {
        Client t1 = new Client(store, test, READ_COMMITTED);
        Client t2 = new Client(store, test, READ_COMMITTED);
        Client t3 = new Client(store, test, READ_COMMITTED);
        t1.set(1, 11).succeeds();
        t2.set(2, 22).succeeds();
        t3.set(3, 33).succeeds();
        Client.Stmt w1 = t1.set(2, 12).blocks();
        Client.Stmt w2 = t2.set(3, 23).blocks();
        t3.set(1, 31).failsWith("40P01");
        w2.resume().succeeds();
        t2.commit();
        w1.resume().succeeds();
        t1.commit();
        assertEquals(Map.of(1, 11, 2, 12, 3, 23), Fixtures.contents(store, test));
    }

    @Test
    void aTransactionThatStoppedWaitingClosesNoCycle() {
        Client t1 = new Client(store, test, READ_COMMITTED);
        Client t2 = new Client(store, test, READ_COMMITTED);
        t1.set(1, 11).succeeds();
        t2.set(1, 21).blocks();
        t2.set(2, 22).succeeds();
        t1.set(2, 12).blocks();
        assertEquals(0, store.stats().deadlocks());
    }
}
