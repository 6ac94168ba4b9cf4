package io.hallows.db.oltp.impl.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.hallows.sql.api.SqlException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.function.IntPredicate;
import java.util.function.IntUnaryOperator;

/**
 * One client of the Hermitage cases: a transaction over {@code test(id int primary key, value
 * int)}, with the statements of the cases as methods. A write statement returns a {@link Stmt},
 * which may be blocked (the store threw {@link WaitFor}) and is then resumed as the SQL layer
 * would: after its wait completes, the statement runs again.
 */
final class Client {
    private final Txn txn;
    private final Table test;

    Client(Store store, Table test, Isolation isolation) {
        this.txn = store.begin(isolation);
        this.test = test;
    }

    /** {@code select * from test where <filter on value>}. */
    Map<Integer, Integer> select(IntPredicate valueFilter) {
        txn.startStatement();
        Map<Integer, Integer> m = new TreeMap<>();
        for (Iterator<Row> it = txn.scan(test); it.hasNext();) {
            Object[] v = it.next().values();
            if (valueFilter.test((Integer) v[1])) {
                m.put((Integer) v[0], (Integer) v[1]);
            }
        }
        return m;
    }

    Map<Integer, Integer> selectAll() {
        return select(v -> true);
    }

    /** {@code select value from test where id = ?}, or null. */
    Integer selectId(int id) {
        txn.startStatement();
        Row r = txn.get(test, new Object[] {id});
        return r == null ? null : (Integer) r.values()[1];
    }

    /** {@code update test set value = f(value) where id = ?}. */
    Stmt update(int id, IntUnaryOperator f) {
        return new Stmt(t -> {
            Row r = t.get(test, new Object[] {id});
            if (r != null) {
                t.update(test, r, v -> v[0].equals(id), v -> new Object[] {v[0], f.applyAsInt((Integer) v[1])});
            }
        });
    }

    Stmt set(int id, int value) {
        return update(id, v -> value);
    }

    /** {@code update test set value = f(value) where <filter on value>}. */
    Stmt updateWhere(IntPredicate valueFilter, IntUnaryOperator f) {
        return new Stmt(t -> {
            for (Row r : matching(t, valueFilter)) {
                t.update(test, r, v -> valueFilter.test((Integer) v[1]), v -> new Object[] {v[0], f.applyAsInt((Integer) v[1])});
            }
        });
    }

    /** {@code delete from test where <filter on value>}. */
    Stmt deleteWhere(IntPredicate valueFilter) {
        return new Stmt(t -> {
            for (Row r : matching(t, valueFilter)) {
                t.delete(test, r, v -> valueFilter.test((Integer) v[1]));
            }
        });
    }

    Stmt insert(int id, int value) {
        return new Stmt(t -> t.insert(test, new Object[] {id, value}));
    }

    private List<Row> matching(Txn t, IntPredicate valueFilter) {
        List<Row> rows = new ArrayList<>();
        for (Iterator<Row> it = t.scan(test); it.hasNext();) {
            Row r = it.next();
            if (valueFilter.test((Integer) r.values()[1])) {
                rows.add(r);
            }
        }
        return rows;
    }

    void commit() {
        txn.commit(true).join();
    }

    /** Commits, expecting the commit to be refused with {@code sqlState}. */
    void commitFails(String sqlState) {
        try {
            txn.commit(true).join();
            fail("the commit succeeded; expected " + sqlState);
        } catch (CompletionException e) {
            assertEquals(sqlState, ((SqlException) e.getCause()).sqlState());
        }
        assertTrue(!txn.active(), "a refused commit rolls back");
    }

    void abort() {
        txn.rollback();
    }

    /** A write statement; it runs at once. */
    final class Stmt {
        private final Consumer<Txn> body;
        private WaitFor blockedOn;
        private SqlException error;

        Stmt(Consumer<Txn> body) {
            this.body = body;
            run();
        }

        private void run() {
            txn.startStatement();
            blockedOn = null;
            try {
                body.accept(txn);
            } catch (WaitFor w) {
                txn.rollbackStatement();
                blockedOn = w;
            } catch (SqlException e) {
                error = e;
                txn.rollback();
            }
        }

        /** Asserts that the statement waits for another transaction (and that its wait has not ended). */
        Stmt blocks() {
            assertNotNull(blockedOn, error == null ? "the statement did not block" : "failed: " + error.getMessage());
            assertTrue(!blockedOn.released().isDone(), "the wait has ended already");
            return this;
        }

        /** After the transaction waited for ended: the wait is over and the statement runs again. */
        Stmt resume() {
            assertNotNull(blockedOn, "the statement was not blocked");
            assertTrue(blockedOn.released().isDone(), "the transaction waited for has not ended");
            run();
            return this;
        }

        void succeeds() {
            assertNull(error, () -> "failed: " + error.getMessage());
            assertNull(blockedOn, "blocked");
        }

        void failsWith(String sqlState) {
            assertNotNull(error, "the statement succeeded; expected " + sqlState);
            assertEquals(sqlState, error.sqlState(), error.getMessage());
        }
    }
}
