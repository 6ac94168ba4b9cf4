package io.hallows.db.oltp.impl.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Garbage collection runs while writers move rows between index keys, delete and re-insert them,
 * and readers check, through the primary key and a secondary index, that every snapshot holds
 * exactly the rows and the total it should.
 */
class ConcurrentGarbageTest {
    private static final int ROWS = 200;
    private static final int TOTAL = ROWS * 100;

    @Test
    void snapshotsStayWholeWhileTheCollectorRuns() throws Exception {
        MvccStore store = new MvccStore(new MemoryLog(), 1L << 30);
        Table t = Fixtures.intTable(store, "test");
        IndexDef byValue = new IndexDef("test_value", "test", List.of(1), false);
        Fixtures.join(store.createIndex(byValue, false));
        Object[][] rows = new Object[ROWS][];
        for (int i = 0; i < ROWS; i++) {
            rows[i] = new Object[] {i, 100};
        }
        Fixtures.insertCommitted(store, t, rows);

        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong checks = new AtomicLong();
        AtomicLong collected = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<?>> writers = new ArrayList<>();
        List<Future<?>> others = new ArrayList<>();
        try {
            for (int w = 0; w < 3; w++) {
                long seed = w;
                writers.add(pool.submit(() -> {
                    SplittableRandom random = new SplittableRandom(seed);
                    for (int n = 0; n < 3000; n++) {
                        moveOrReinsert(store, t, random);
                    }
                }));
            }
            others.add(pool.submit(() -> {
                while (running.get()) {
                    collected.addAndGet(store.collectGarbage());
                }
            }));
            for (int r = 0; r < 2; r++) {
                others.add(pool.submit(() -> {
                    while (running.get()) {
                        check(store, t, byValue);
                        checks.incrementAndGet();
                    }
                }));
            }
            for (Future<?> f : writers) {
                f.get(60, TimeUnit.SECONDS);
            }
            running.set(false);
            for (Future<?> f : others) {
                f.get(10, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        check(store, t, byValue);
        assertTrue(checks.get() > 0 && collected.get() > 0, checks + " checks, " + collected + " collected");
        store.collectGarbage();
        assertEquals(ROWS, store.stats().versions(), "one version per row once nothing old is running");
    }

    /**
     * Moves an amount between two rows, moves a row between its two keys ({@code i} and {@code
     * i + ROWS}: the old key's chain ends in a deletion the collector retires), or deletes a row
     * and inserts it again.
     */
    private static void moveOrReinsert(Store store, Table t, SplittableRandom random) {
        int a = random.nextInt(ROWS);
        int b = (a + 1 + random.nextInt(ROWS - 1)) % ROWS;
        Txn txn = store.begin(Isolation.REPEATABLE_READ);
        try {
            txn.startStatement();
            Row ra = row(txn, t, a);
            int choice = random.nextInt(4);
            if (choice == 0) {
                txn.delete(t, ra, v -> true);
                txn.startStatement();
                txn.insert(t, ra.values().clone());
            } else if (choice == 1) {
                txn.update(t, ra, v -> true, v -> new Object[] {((Integer) v[0] + ROWS) % (2 * ROWS), v[1]});
            } else {
                int amount = random.nextInt(10);
                Row rb = row(txn, t, b);
                txn.update(t, ra, v -> true, v -> new Object[] {v[0], (Integer) v[1] - amount});
                txn.update(t, rb, v -> true, v -> new Object[] {v[0], (Integer) v[1] + amount});
            }
            txn.commit(true).join();
        } catch (WaitFor | io.hallows.sql.api.SqlException e) {
            txn.rollback();
        }
    }

    private static void check(Store store, Table t, IndexDef byValue) {
        Txn txn = store.begin(Isolation.REPEATABLE_READ);
        txn.startStatement();
        assertEquals(TOTAL, sum(txn.scan(t)), "scan");
        assertEquals(TOTAL, sum(txn.range(t, byValue, null, true, null, true)), "secondary index");
        long viaKeys = 0;
        for (int i = 0; i < ROWS; i++) {
            viaKeys += (Integer) row(txn, t, i).values()[1];
        }
        assertEquals(TOTAL, viaKeys, "primary key");
        txn.rollback();
    }

    /** Row {@code i}, under either of its keys. */
    private static Row row(Txn txn, Table t, int i) {
        Row r = txn.get(t, new Object[] {i});
        return r != null ? r : txn.get(t, new Object[] {i + ROWS});
    }

    private static long sum(Iterator<Row> it) {
        long s = 0;
        int n = 0;
        for (; it.hasNext(); n++) {
            s += (Integer) it.next().values()[1];
        }
        assertEquals(ROWS, n, "rows");
        return s;
    }
}
