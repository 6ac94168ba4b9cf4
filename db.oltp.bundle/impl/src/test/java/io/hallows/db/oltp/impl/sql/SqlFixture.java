package io.hallows.db.oltp.impl.sql;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.hallows.sql.api.QueryOutcome;
import io.hallows.sql.api.Result;
import io.hallows.sql.api.Session;
import io.hallows.sql.api.SqlException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** An engine over {@link MemStore} on a one-thread executor, and helpers that wait for results. */
final class SqlFixture implements AutoCloseable {
    final MemStore store = new MemStore();
    final ExecutorService executor = Executors.newSingleThreadExecutor();
    final OltpSqlEngine engine;
    final Session session;

    SqlFixture() {
        this(SqlOptions.defaults());
    }

    SqlFixture(SqlOptions options) {
        engine = new OltpSqlEngine(store, executor, options);
        session = engine.open("test", Map.of());
    }

    static <T> T await(java.util.concurrent.CompletableFuture<T> f) {
        try {
            return f.get(10, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof SqlException s) {
                throw s;
            }
            throw new AssertionError(e.getCause());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    QueryOutcome query(Session s, String sql) {
        return await(s.query(sql));
    }

    /** Runs a simple query that must succeed; returns its last result. */
    Result ok(String sql) {
        QueryOutcome o = query(session, sql);
        if (o.error() != null) {
            throw new AssertionError(sql + " failed: " + o.error().sqlState() + " " + o.error().getMessage(), o.error());
        }
        return o.results().get(o.results().size() - 1);
    }

    /** The rows of a query, as lists. */
    List<List<Object>> rows(String sql) {
        List<List<Object>> out = new ArrayList<>();
        for (Object[] r : ok(sql).rows()) {
            out.add(Arrays.asList(r));
        }
        return out;
    }

    Object value(String sql) {
        return rows(sql).get(0).get(0);
    }

    /** Runs a simple query that must fail; returns the error. */
    SqlException error(String sql) {
        QueryOutcome o = query(session, sql);
        assertNotNull(o.error(), "expected an error from " + sql);
        return o.error();
    }

    void none(QueryOutcome o) {
        assertNull(o.error());
    }

    @Override
    public void close() {
        session.close();
        executor.shutdown();
    }
}
