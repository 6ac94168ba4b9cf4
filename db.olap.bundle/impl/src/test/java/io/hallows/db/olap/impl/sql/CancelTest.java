package io.hallows.db.olap.impl.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallows.db.olap.impl.engine.QueryContext;
import io.hallows.db.olap.impl.engine.QueryEngine;
import io.hallows.db.olap.impl.engine.QueryResult;
import io.hallows.db.olap.impl.store.TableStore;
import io.hallows.db.olap.impl.table.Catalog;
import io.hallows.db.olap.impl.table.ColumnDef;
import io.hallows.db.olap.impl.table.ColumnKind;
import io.hallows.sql.api.QueryOutcome;
import io.hallows.sql.api.Session;
import io.hallows.sql.api.SqlException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A client's cancel reaches the running query through its context, and the query's memory is freed. */
class CancelTest {
    @TempDir
    Path dir;

    /** Holds 1 MiB of the query's memory and runs until its context says it is cancelled. */
    static final class Endless implements QueryEngine {
        final CountDownLatch running = new CountDownLatch(1);

        @Override
        public QueryResult execute(String sql, Catalog catalog, QueryContext context) {
            ArrowBuf held = context.allocator().buffer(1 << 20);
            return new QueryResult() {
                @Override
                public List<ColumnDef> columns() {
                    return List.of(new ColumnDef("x", ColumnKind.INT, 0, 0, false));
                }

                @Override
                public VectorSchemaRoot next() {
                    running.countDown();
                    while (!context.cancelled().getAsBoolean()) {
                        Thread.onSpinWait();
                    }
                    throw new SqlException("57014", "canceling statement due to user request");
                }

                @Override
                public void close() {
                    held.close();
                }
            };
        }

        @Override
        public String explain(String sql, Catalog catalog, QueryContext context, boolean analyze) {
            return "";
        }
    }

    @Test
    void aCancelledQueryStopsWithItsSqlStateAndReleasesItsMemory() throws Exception {
        ExecutorService executor = Executors.newSingleThreadExecutor();
        Endless endless = new Endless();
        try (BufferAllocator root = new RootAllocator(64L << 20); TableStore store = TableStore.open(dir, root, p -> {})) {
            OlapEngine engine = new OlapEngine(store, endless, root, executor, 2, 8, () -> null);
            Session session = engine.open("test", Map.of());
            var outcome = session.query("select x from forever; select 1");
            assertTrue(endless.running.await(10, TimeUnit.SECONDS));
            assertEquals(1 << 20, root.getAllocatedMemory());
            session.cancel();
            QueryOutcome o = outcome.get(10, TimeUnit.SECONDS);
            assertNotNull(o.error());
            assertEquals("57014", o.error().sqlState());
            assertTrue(o.results().isEmpty(), "the statement after the cancelled one did not run");
            assertEquals(0, root.getAllocatedMemory());
            // the cancel ended with its statement: the next one runs
            assertEquals("SET", session.query("SET application_name = 'x'").get(10, TimeUnit.SECONDS).results().get(0).commandTag());
            session.close();
        } finally {
            executor.shutdownNow();
        }
    }
}
