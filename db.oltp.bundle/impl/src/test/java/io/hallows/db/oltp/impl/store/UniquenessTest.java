package io.hallows.db.oltp.impl.store;

import static io.hallows.db.oltp.impl.store.Fixtures.col;
import static io.hallows.db.oltp.impl.store.Fixtures.fails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallows.sql.api.SqlException;
import io.hallows.sql.api.SqlType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Primary keys and unique indexes hold across concurrent transactions (23505), as in PostgreSQL. */
class UniquenessTest {
    private MvccStore store;
    private Table test;
    private Table people;

    @BeforeEach
    void setUp() {
        store = new MvccStore(new MemoryLog(), 1L << 30);
        test = Fixtures.intTable(store, "test");
        Fixtures.join(store.createTable(new TableDef("people", List.of(col("name", SqlType.TEXT), col("email", SqlType.TEXT)),
                List.of()), false));
        Fixtures.join(store.createIndex(new IndexDef("people_email", "people", List.of(1), true), false));
        people = store.table("people").orElseThrow();
    }

    @Test
    void aSecondConcurrentInsertOfTheSameKeyWaitsThenFails() {
        Txn t2 = secondInserterWaitingFor(test, new Object[] {5, 50}, new Object[] {5, 51}, true);
        fails("23505", () -> t2.insert(test, new Object[] {5, 51}));
    }

    @Test
    void aSecondConcurrentInsertSucceedsWhenTheFirstRollsBack() {
        Txn t2 = secondInserterWaitingFor(test, new Object[] {5, 50}, new Object[] {5, 51}, false);
        t2.insert(test, new Object[] {5, 51});
        t2.commit(true).join();
        assertEquals(51, Fixtures.contents(store, test).get(5));
    }

    @Test
    void aKeyDeletedInTheSameTransactionMayBeInsertedAgain() {
        Fixtures.insertCommitted(store, test, new Object[] {1, 10});
        Txn t = begin();
        assertTrue(t.delete(test, t.get(test, new Object[] {1}), v -> true));
        t.insert(test, new Object[] {1, 11});
        fails("23505", () -> t.insert(test, new Object[] {1, 12}));
    }

    @Test
    void aSerializableInsertOfAKeyCommittedAfterItsSnapshotIsASerializationFailure() {
        Txn t1 = store.begin(Isolation.SERIALIZABLE);
        t1.startStatement();
        Fixtures.insertCommitted(store, test, new Object[] {7, 70});
        fails("40001", () -> t1.insert(test, new Object[] {7, 71}));
    }

    @Test
    void aUniqueIndexWaitsForAConcurrentInsertThenFails() {
        Txn t2 = secondInserterWaitingFor(people, new Object[] {"ann", "a@x"}, new Object[] {"bob", "a@x"}, true);
        SqlException e = fails("23505", () -> t2.insert(people, new Object[] {"bob", "a@x"}));
        assertTrue(e.getMessage().contains("people_email"), e.getMessage());
        t2.insert(people, new Object[] {"bob", "b@x"});
        t2.commit(true).join();
        assertEquals(2, Fixtures.rows(begin().scan(people)).size(), "the refused insert left nothing");
    }

    @Test
    void aUniqueIndexAllowsManyNullsAndAKeyFreedByAnUpdate() {
        Fixtures.insertCommitted(store, people, new Object[] {"ann", null}, new Object[] {"bob", null},
                new Object[] {"cid", "c@x"});
        Txn t = begin();
        t.update(people, findByName(t, "cid"), v -> true, v -> new Object[] {v[0], "c2@x"});
        t.insert(people, new Object[] {"dan", "c@x"});
        t.commit(true).join();
        fails("23505", () -> Fixtures.insertCommitted(store, people, new Object[] {"eve", "c2@x"}));
        Fixtures.insertCommitted(store, people, new Object[] {"fay", null});
    }

    private Row findByName(Txn t, String name) {
        for (var it = t.scan(people); it.hasNext();) {
            Row r = it.next();
            if (name.equals(r.values()[0])) {
                return r;
            }
        }
        throw new AssertionError(name);
    }

    @Test
    void concurrentInsertersNeverDuplicateAKey() throws Exception {
        Set<Integer> won = ConcurrentHashMap.newKeySet();
        onSixteenThreads((random, n) -> {
            int key = random.nextInt(200);
            if (insertOnce(key) && !won.add(key)) {
                throw new AssertionError("key " + key + " inserted twice");
            }
        });
        assertEquals(won, new HashSet<>(Fixtures.contents(store, test).keySet()));
    }

    @Test
    void concurrentInsertersNeverDuplicateAUniqueIndexKey() throws Exception {
        onSixteenThreads((random, n) -> {
            String email = random.nextInt(100) + "@x";
            while (insertOnce(people, new Object[] {"n" + n, email}) == null) {
                Thread.onSpinWait();
            }
        });
        Txn t = begin();
        List<Object> emails = Fixtures.rows(t.scan(people)).stream().map(v -> v[1]).toList();
        assertEquals(new HashSet<>(emails).size(), emails.size(), "a unique email was inserted twice");
        assertTrue(emails.size() > 50, "rows: " + emails.size());
    }

    /** Runs {@code step} 300 times on each of 16 threads, each with its own seeded random. */
    private static void onSixteenThreads(BiConsumer<SplittableRandom, Integer> step) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<?>> fs = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                long seed = i;
                fs.add(pool.submit(() -> {
                    SplittableRandom random = new SplittableRandom(seed);
                    for (int n = 0; n < 300; n++) {
                        step.accept(random, n);
                    }
                }));
            }
            for (Future<?> f : fs) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private boolean insertOnce(int key) {
        Boolean done;
        while ((done = insertOnce(test, new Object[] {key, key})) == null) {
            Thread.onSpinWait();
        }
        return done;
    }

    /**
     * Inserts {@code row} in its own transaction: true when it committed, false on 23505, null
     * when refused as a deadlock (two inserters of one key may each find the other's entry).
     */
    private Boolean insertOnce(Table table, Object[] row) {
        Txn t = begin();
        while (true) {
            t.startStatement();
            try {
                t.insert(table, row);
                t.commit(true).join();
                return true;
            } catch (WaitFor w) {
                t.rollbackStatement();
                w.released().join();
            } catch (SqlException e) {
                t.rollback();
                if (e.sqlState().equals("40P01")) {
                    return null;
                }
                assertEquals("23505", e.sqlState());
                return false;
            }
        }
    }

    /**
     * T1 inserts {@code first}; T2's insert of {@code second} must wait; T1 commits or rolls
     * back; returns T2, its wait over, at the start of its next statement.
     */
    private Txn secondInserterWaitingFor(Table table, Object[] first, Object[] second, boolean commitFirst) {
        Txn t1 = begin();
        Txn t2 = begin();
        t1.insert(table, first);
        WaitFor w = assertThrows(WaitFor.class, () -> t2.insert(table, second));
        t2.rollbackStatement();
        if (commitFirst) {
            t1.commit(true).join();
        } else {
            t1.rollback();
        }
        assertTrue(w.released().isDone());
        t2.startStatement();
        return t2;
    }

    private Txn begin() {
        Txn t = store.begin(Isolation.READ_COMMITTED);
        t.startStatement();
        return t;
    }
}
