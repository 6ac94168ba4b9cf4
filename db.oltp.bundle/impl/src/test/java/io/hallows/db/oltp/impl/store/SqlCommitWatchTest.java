package io.hallows.db.oltp.impl.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.hallows.db.oltp.impl.sql.OltpSqlEngine;
import io.hallows.db.oltp.impl.sql.SqlOptions;
import io.hallows.sql.api.QueryOutcome;
import io.hallows.sql.api.Session;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Commit notifications for what SQL sessions write: one per committed transaction, named as SQL folds them. */
class SqlCommitWatchTest {
    private final MvccStore store = new MvccStore(new MemoryLog(), 1L << 30);
    private final ExecutorService executor = Executors.newSingleThreadExecutor();
    private final Session session = new OltpSqlEngine(store, executor, SqlOptions.defaults()).open("test", Map.of());
    private final List<Set<String>> heard = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    private void sql(String text) throws Exception {
        QueryOutcome o = session.query(text).get(10, TimeUnit.SECONDS);
        assertNull(o.error(), text);
    }

    @Test
    void committedStatementsAndTransactionsAreHeardOnceRollbacksAndReadsNot() throws Exception {
        sql("create table Products (id int primary key, name text)");
        sql("create table orders (id int primary key)");
        store.watchers().add(Set.of("products"), heard::add);
        sql("insert into Products values (1, 'a'), (2, 'b')");
        assertEquals(List.of(Set.of("products")), heard);
        sql("begin; update products set name = 'c' where id = 1; insert into orders values (1); commit");
        assertEquals(Set.of("products", "orders"), heard.get(1));
        sql("begin; delete from products; rollback");
        sql("select * from products");
        sql("insert into orders values (2)");
        assertEquals(2, heard.size(), heard.toString());
    }
}
