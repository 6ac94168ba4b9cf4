package io.hallows.db.oltp.impl.store;

import static io.hallows.db.oltp.impl.store.Isolation.READ_COMMITTED;
import static io.hallows.db.oltp.impl.store.Isolation.SERIALIZABLE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The Hermitage cases (github.com/ept/hermitage, postgres.md) at the store's API: each case runs
 * at every level and expects what PostgreSQL does there. Setup: {@code test(id, value)} holding
 * (1, 10) and (2, 20). A blocked statement is resumed once the transaction it waits for ended.
 */
class HermitageTest {
    private Store store;
    private Table test;

    @BeforeEach
    void setUp() {
        store = new MvccStore(new MemoryLog(), 1L << 30);
        test = Fixtures.intTable(store, "test");
        Fixtures.insertCommitted(store, test, new Object[] {1, 10}, new Object[] {2, 20});
    }

    private Client client(Isolation level) {
        return new Client(store, test, level);
    }

    private Map<Integer, Integer> now() {
        return Fixtures.contents(store, test);
    }

    /** G0: the second writer waits; at READ COMMITTED it then writes over, above it fails. */
    @ParameterizedTest
    @EnumSource(Isolation.class)
    void g0DirtyWriteIsPrevented(Isolation level) {
        Client t1 = client(level);
        Client t2 = client(level);
        t1.set(1, 11).succeeds();
        Client.Stmt blocked = t2.set(1, 12).blocks();
        t1.set(2, 21).succeeds();
        t1.commit();
        if (level != READ_COMMITTED) {
            blocked.resume().failsWith("40001");
            assertEquals(Map.of(1, 11, 2, 21), now());
            return;
        }
        blocked.resume().succeeds();
        assertEquals(Map.of(1, 11, 2, 21), now());
        t2.set(2, 22).succeeds();
        t2.commit();
        assertEquals(Map.of(1, 12, 2, 22), now());
    }

    @ParameterizedTest
    @EnumSource(Isolation.class)
    void g1aAbortedReadIsPrevented(Isolation level) {
        Client t1 = client(level);
        Client t2 = client(level);
        t1.set(1, 101).succeeds();
        assertEquals(Map.of(1, 10, 2, 20), t2.selectAll());
        t1.abort();
        assertEquals(Map.of(1, 10, 2, 20), t2.selectAll());
        t2.commit();
    }

    @ParameterizedTest
    @EnumSource(Isolation.class)
    void g1bIntermediateReadIsPrevented(Isolation level) {
        Client t1 = client(level);
        Client t2 = client(level);
        t1.set(1, 101).succeeds();
        assertEquals(Map.of(1, 10, 2, 20), t2.selectAll());
        t1.set(1, 11).succeeds();
        t1.commit();
        assertEquals(level == READ_COMMITTED ? Map.of(1, 11, 2, 20) : Map.of(1, 10, 2, 20), t2.selectAll());
        t2.commit();
    }

    /** G1c; at SERIALIZABLE each read the other's row before its write, so the second commit is refused. */
    @ParameterizedTest
    @EnumSource(Isolation.class)
    void g1cCircularInformationFlowIsPrevented(Isolation level) {
        Client t1 = client(level);
        Client t2 = client(level);
        t1.set(1, 11).succeeds();
        t2.set(2, 22).succeeds();
        assertEquals(20, t1.selectId(2));
        assertEquals(10, t2.selectId(1));
        t1.commit();
        if (level == SERIALIZABLE) {
            t2.commitFails("40001");
        } else {
            t2.commit();
        }
    }

    @Test
    void otvObservedTransactionVanishesIsPrevented() {
        Client t1 = client(READ_COMMITTED);
        Client t2 = client(READ_COMMITTED);
        Client t3 = client(READ_COMMITTED);
        t1.set(1, 11).succeeds();
        t1.set(2, 19).succeeds();
        Client.Stmt blocked = t2.set(1, 12).blocks();
        t1.commit();
        assertEquals(11, t3.selectId(1));
        blocked.resume().succeeds();
        t2.set(2, 18).succeeds();
        assertEquals(19, t3.selectId(2));
        t2.commit();
        assertEquals(18, t3.selectId(2));
        assertEquals(12, t3.selectId(1));
        t3.commit();
    }

    /** PMP: allowed at READ COMMITTED (the second read sees the insert), prevented above. */
    @ParameterizedTest
    @EnumSource(Isolation.class)
    void pmpPredicateManyPreceders(Isolation level) {
        Client t1 = client(level);
        Client t2 = client(level);
        assertEquals(Map.of(), t1.select(v -> v == 30));
        t2.insert(3, 30).succeeds();
        t2.commit();
        assertEquals(level == READ_COMMITTED ? Map.of(3, 30) : Map.of(), t1.select(v -> v % 3 == 0));
        t1.commit();
    }

    /** PMP for write predicates: at READ COMMITTED the delete re-checks and deletes nothing; above it fails. */
    @ParameterizedTest
    @EnumSource(Isolation.class)
    void pmpForWritePredicates(Isolation level) {
        Client t1 = client(level);
        Client t2 = client(level);
        t1.updateWhere(v -> true, v -> v + 10).succeeds();
        Client.Stmt blocked = t2.deleteWhere(v -> v == 20).blocks();
        t1.commit();
        if (level != READ_COMMITTED) {
            blocked.resume().failsWith("40001");
            return;
        }
        blocked.resume().succeeds();
        assertEquals(Map.of(1, 20), t2.select(v -> v == 20), "the row updated to 20 is not deleted, as in PostgreSQL");
        t2.commit();
        assertEquals(Map.of(1, 20, 2, 30), now());
    }

    /** P4: allowed at READ COMMITTED (the second update overwrites), prevented above. */
    @ParameterizedTest
    @EnumSource(Isolation.class)
    void p4LostUpdate(Isolation level) {
        Client t1 = client(level);
        Client t2 = client(level);
        assertEquals(10, t1.selectId(1));
        assertEquals(10, t2.selectId(1));
        t1.set(1, 11).succeeds();
        Client.Stmt blocked = t2.set(1, 11).blocks();
        t1.commit();
        if (level == READ_COMMITTED) {
            blocked.resume().succeeds();
            t2.commit();
        } else {
            blocked.resume().failsWith("40001");
        }
    }

    /** G-single: allowed at READ COMMITTED (the second read sees the new value), prevented above. */
    @ParameterizedTest
    @EnumSource(Isolation.class)
    void gSingleReadSkew(Isolation level) {
        Client t1 = client(level);
        Client t2 = client(level);
        assertEquals(10, t1.selectId(1));
        assertEquals(10, t2.selectId(1));
        assertEquals(20, t2.selectId(2));
        t2.set(1, 12).succeeds();
        t2.set(2, 18).succeeds();
        t2.commit();
        assertEquals(level == READ_COMMITTED ? 18 : 20, t1.selectId(2));
        t1.commit();
    }

    @ParameterizedTest
    @EnumSource(value = Isolation.class, names = {"REPEATABLE_READ", "SERIALIZABLE"})
    void gSingleWithPredicateDependenciesIsPreventedAboveReadCommitted(Isolation level) {
        Client t1 = client(level);
        Client t2 = client(level);
        assertEquals(Map.of(1, 10), t1.select(v -> v % 5 == 0 && v < 20));
        t2.updateWhere(v -> v == 10, v -> 12).succeeds();
        t2.commit();
        assertEquals(Map.of(), t1.select(v -> v % 3 == 0));
        t1.commit();
    }

    @ParameterizedTest
    @EnumSource(value = Isolation.class, names = {"REPEATABLE_READ", "SERIALIZABLE"})
    void gSingleWithWritePredicateFailsAboveReadCommitted(Isolation level) {
        Client t1 = client(level);
        Client t2 = client(level);
        assertEquals(10, t1.selectId(1));
        assertEquals(Map.of(1, 10, 2, 20), t2.selectAll());
        t2.set(1, 12).succeeds();
        t2.set(2, 18).succeeds();
        t2.commit();
        t1.deleteWhere(v -> v == 20).failsWith("40001");
    }

    /** G2-item: allowed below SERIALIZABLE, where the second commit is refused. */
    @ParameterizedTest
    @EnumSource(Isolation.class)
    void g2ItemWriteSkew(Isolation level) {
        Client t1 = client(level);
        Client t2 = client(level);
        for (Client c : new Client[] {t1, t2}) {
            assertEquals(10, c.selectId(1));
            assertEquals(20, c.selectId(2));
        }
        t1.set(1, 11).succeeds();
        t2.set(2, 21).succeeds();
        t1.commit();
        commitUnlessSerializable(t2, level);
        assertEquals(level == SERIALIZABLE ? Map.of(1, 11, 2, 20) : Map.of(1, 11, 2, 21), now());
    }

    /** G2 (predicate anti-dependency cycle): allowed below SERIALIZABLE, where the second commit is refused. */
    @ParameterizedTest
    @EnumSource(Isolation.class)
    void g2AntiDependencyCycle(Isolation level) {
        Client t1 = client(level);
        Client t2 = client(level);
        assertEquals(Map.of(), t1.select(v -> v % 3 == 0));
        assertEquals(Map.of(), t2.select(v -> v % 3 == 0));
        t1.insert(3, 30).succeeds();
        t2.insert(4, 42).succeeds();
        t1.commit();
        commitUnlessSerializable(t2, level);
        assertEquals(level == SERIALIZABLE ? Map.of(3, 30) : Map.of(3, 30, 4, 42), client(level).select(v -> v % 3 == 0));
    }

    private static void commitUnlessSerializable(Client c, Isolation level) {
        if (level == SERIALIZABLE) {
            c.commitFails("40001");
        } else {
            c.commit();
        }
    }

    /** Fekete et al.'s read-only anomaly: T3 saw T2's write, so T1 (ordered before T2) may not commit. */
    @Test
    void g2WithTwoAntiDependencyEdgesIsPreventedAtSerializable() {
        Client t1 = client(SERIALIZABLE);
        assertEquals(Map.of(1, 10, 2, 20), t1.selectAll());
        Client t2 = client(SERIALIZABLE);
        t2.update(2, v -> v + 5).succeeds();
        t2.commit();
        Client t3 = client(SERIALIZABLE);
        assertEquals(Map.of(1, 10, 2, 25), t3.selectAll());
        t3.commit();
        t1.set(1, 0).succeeds();
        t1.commitFails("40001");
        assertEquals(Map.of(1, 10, 2, 25), now());
    }

    /** A reader takes its place before the writers that committed after its snapshot: nothing to refuse. */
    @Test
    void aReadOnlySerializableTransactionCommitsAtItsSnapshot() {
        Client reader = client(SERIALIZABLE);
        Client writer = client(SERIALIZABLE);
        assertEquals(10, reader.selectId(1));
        writer.set(1, 11).succeeds();
        writer.commit();
        assertEquals(20, reader.selectId(2));
        reader.commit();
    }

    /** The same reads in a transaction that also writes: it must come after the writer, which it did not see. */
    @Test
    void aSerializableWriterThatReadAStaleRowIsRefused() {
        Client t1 = client(SERIALIZABLE);
        Client writer = client(SERIALIZABLE);
        assertEquals(10, t1.selectId(1));
        writer.set(1, 11).succeeds();
        writer.commit();
        t1.set(2, 30).succeeds();
        t1.commitFails("40001");
    }
}
