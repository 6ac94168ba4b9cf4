package io.hallows.db.oltp.impl.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallows.sql.api.SqlException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The bank invariant under SERIALIZABLE: 16 threads move money between 1,000 accounts, each
 * retrying a statement after a {@link WaitFor} and the whole transfer after 40001 or 40P01, while
 * auditors sum every balance. Every audit and the end state show the same total.
 */
class BankInvariantTest {
    private static final int ACCOUNTS = 1000;
    private static final int THREADS = 16;
    private static final int TRANSFERS_PER_THREAD = 400;
    private static final int INITIAL = 1000;

    @Test
    void transfersKeepTheTotal() throws Exception {
        MvccStore store = new MvccStore(new MemoryLog(), 1L << 30);
        Table accounts = Fixtures.intTable(store, "accounts");
        Object[][] rows = new Object[ACCOUNTS][];
        for (int i = 0; i < ACCOUNTS; i++) {
            rows[i] = new Object[] {i, INITIAL};
        }
        Fixtures.insertCommitted(store, accounts, rows);
        long total = (long) ACCOUNTS * INITIAL;

        ExecutorService pool = Executors.newFixedThreadPool(THREADS + 1);
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong retries = new AtomicLong();
        ConcurrentLinkedQueue<Long> audits = new ConcurrentLinkedQueue<>();
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                long seed = t;
                workers.add(pool.submit(() -> {
                    SplittableRandom random = new SplittableRandom(seed);
                    for (int i = 0; i < TRANSFERS_PER_THREAD; i++) {
                        int from = random.nextInt(ACCOUNTS);
                        int to = (from + 1 + random.nextInt(ACCOUNTS - 1)) % ACCOUNTS;
                        int amount = 1 + random.nextInt(50);
                        while (!transfer(store, accounts, from, to, amount)) {
                            retries.incrementAndGet();
                        }
                    }
                }));
            }
            Future<?> auditor = pool.submit(() -> {
                while (running.get()) {
                    audits.add(sum(store, accounts));
                }
            });
            for (Future<?> w : workers) {
                w.get(60, TimeUnit.SECONDS);
            }
            running.set(false);
            auditor.get(10, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(total, sum(store, accounts));
        assertTrue(!audits.isEmpty());
        audits.forEach(a -> assertEquals(total, a, "an audit saw money appear or vanish"));
        StoreStats stats = store.stats();
        assertTrue(stats.commits() >= THREADS * TRANSFERS_PER_THREAD, stats.toString());
        assertEquals(0, stats.activeTransactions());
    }

    /** One transfer; false when it was refused (40001, 40P01) and must be retried. */
    private static boolean transfer(Store store, Table accounts, int from, int to, int amount) {
        Txn txn = store.begin(Isolation.SERIALIZABLE);
        try {
            // As an application that reads the balances, then writes the amounts it computed.
            int[] balances = new int[2];
            statement(txn, () -> {
                balances[0] = (Integer) txn.get(accounts, new Object[] {from}).values()[1];
                balances[1] = (Integer) txn.get(accounts, new Object[] {to}).values()[1];
            });
            statement(txn, () -> set(txn, accounts, from, balances[0] - amount));
            statement(txn, () -> set(txn, accounts, to, balances[1] + amount));
            txn.commit(true).join();
            return true;
        } catch (CompletionException e) {
            return refused(e.getCause());
        } catch (SqlException e) {
            txn.rollback();
            return refused(e);
        }
    }

    private static boolean refused(Throwable e) {
        String state = ((SqlException) e).sqlState();
        assertTrue(state.equals("40001") || state.equals("40P01"), state);
        return false;
    }

    private static void set(Txn txn, Table accounts, int id, int balance) {
        Row r = txn.get(accounts, new Object[] {id});
        txn.update(accounts, r, v -> true, v -> new Object[] {v[0], balance});
    }

    /** Runs a statement as the SQL layer would: after a WaitFor, undo it, wait, run it again. */
    private static void statement(Txn txn, Runnable body) {
        while (true) {
            txn.startStatement();
            try {
                body.run();
                return;
            } catch (WaitFor w) {
                txn.rollbackStatement();
                w.released().join();
            }
        }
    }

    private static long sum(Store store, Table accounts) {
        Txn txn = store.begin(Isolation.SERIALIZABLE);
        txn.startStatement();
        long s = 0;
        int n = 0;
        for (Iterator<Row> it = txn.scan(accounts); it.hasNext(); n++) {
            s += (Integer) it.next().values()[1];
        }
        txn.commit(true).join();
        assertEquals(ACCOUNTS, n);
        return s;
    }
}
