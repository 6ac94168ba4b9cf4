package io.hallows.db.oltp.impl.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.hallows.sql.api.SqlException;
import io.hallows.sql.api.SqlType;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.function.Executable;

/** Helpers shared by the store's tests: table definitions, committed inserts, reading a whole table. */
final class Fixtures {
    private Fixtures() {
    }

    static ColumnDef col(String name, SqlType type) {
        return new ColumnDef(name, type, -1, -1, false);
    }

    /** {@code create table <name> (id int4 primary key, value int4)}. */
    static Table intTable(Store store, String name) {
        TableDef def = new TableDef(name, List.of(new ColumnDef("id", SqlType.INT4, -1, -1, true),
                col("value", SqlType.INT4)), List.of(0));
        join(store.createTable(def, false));
        return store.table(name).orElseThrow();
    }

    static void join(CompletableFuture<Void> f) {
        f.join();
    }

    static void insertCommitted(Store store, Table t, Object[]... rows) {
        Txn txn = store.begin(Isolation.READ_COMMITTED);
        txn.startStatement();
        for (Object[] r : rows) {
            txn.insert(t, r);
        }
        join(txn.commit(true));
    }

    /** id → value of every row a new transaction sees in an (id, value) table. */
    static TreeMap<Integer, Integer> contents(Store store, Table t) {
        Txn txn = store.begin(Isolation.REPEATABLE_READ);
        txn.startStatement();
        TreeMap<Integer, Integer> m = new TreeMap<>();
        for (Iterator<Row> it = txn.scan(t); it.hasNext();) {
            Object[] v = it.next().values();
            m.put((Integer) v[0], (Integer) v[1]);
        }
        txn.rollback();
        return m;
    }

    static List<Object[]> rows(Iterator<Row> it) {
        List<Object[]> out = new ArrayList<>();
        it.forEachRemaining(r -> out.add(r.values()));
        return out;
    }

    static SqlException fails(String sqlState, Executable e) {
        SqlException x = assertThrows(SqlException.class, e);
        assertEquals(sqlState, x.sqlState(), x.getMessage());
        return x;
    }
}
