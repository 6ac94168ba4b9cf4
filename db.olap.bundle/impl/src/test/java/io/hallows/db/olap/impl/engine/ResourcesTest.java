package io.hallows.db.olap.impl.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallows.db.olap.impl.table.Catalog;
import io.hallows.db.olap.impl.table.Chunk;
import io.hallows.db.olap.impl.table.ColumnDef;
import io.hallows.db.olap.impl.table.ColumnKind;
import io.hallows.db.olap.impl.table.Table;
import io.hallows.db.olap.impl.table.TableBuilder;
import io.hallows.sql.api.SqlException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A table of several chunks: morsel-parallel runs give the serial answer; the memory limit and
 * cancellation stop a query with their SQLSTATEs and leave the query's allocator at zero.
 */
class ResourcesTest {
    private static final int ROWS = Chunk.MAX_ROWS * 3 + 1000;
    private static BufferAllocator tables;
    private static Catalog catalog;
    private static ExecutorService workers;

    @BeforeAll
    static void load() {
        tables = new RootAllocator();
        List<ColumnDef> cols = List.of(new ColumnDef("id", ColumnKind.BIGINT, 0, 0, false),
                new ColumnDef("grp", ColumnKind.INT, 0, 0, false),
                new ColumnDef("val", ColumnKind.DECIMAL, 12, 2, true));
        try (TableBuilder b = new TableBuilder("t", cols, tables)) {
            for (int i = 0; i < ROWS; i++) {
                b.setLong(0, i);
                b.setLong(1, i % 1000);
                if (i % 7 == 0) {
                    b.setNull(2);
                } else {
                    b.setLong(2, i % 10_000);
                }
                b.endRow();
            }
            catalog = Tpch.of(Map.of("t", b.build()));
        }
        workers = Executors.newFixedThreadPool(3);
    }

    @AfterAll
    static void free() {
        workers.shutdownNow();
        catalog.tables().forEach(t -> t.chunks().forEach(c -> c.vectors().close()));
        tables.close();
    }

    private static final String GROUPS = "select grp, count(*), count(val), sum(val), min(val), max(val) from t group by grp order by grp";
    private static final String JOIN = "select count(*), sum(x.val) from t x join (select grp, max(id) as m from t group by grp) y on x.id = y.m";

    @Test
    void parallelRunsGiveTheSerialAnswer() {
        try (BufferAllocator mem = new RootAllocator()) {
            for (String sql : List.of(GROUPS, JOIN, "select id from t where val > 99.9 order by val desc, id limit 20")) {
                var serial = Results.run(new VectorEngine(), sql, catalog, new QueryContext(mem, workers, 1, () -> false));
                var parallel = Results.run(new VectorEngine(), sql, catalog, new QueryContext(mem, workers, 3, () -> false));
                assertEquals(serial, parallel, sql);
                assertTrue(!serial.isEmpty());
            }
            assertEquals(0, mem.getAllocatedMemory());
        }
    }

    @Test
    void overTheMemoryLimitFailsWith53200AndFreesEverything() {
        try (BufferAllocator root = new RootAllocator(); BufferAllocator limited = root.newChildAllocator("query", 0, 256 * 1024)) {
            SqlException e = assertThrows(SqlException.class, () -> Results.run(new VectorEngine(),
                    "select id, count(*) from t group by id", catalog, new QueryContext(limited, workers, 2, () -> false)));
            assertEquals("53200", e.sqlState());
            assertTrue(e.getMessage().contains("OLAP memory limit"), e.getMessage());
            assertEquals(0, limited.getAllocatedMemory());
            // The engine keeps working within the limit.
            assertEquals(1000, Results.run(new VectorEngine(), "select grp, count(*) from t group by grp", catalog,
                    new QueryContext(limited, workers, 2, () -> false)).size());
            assertEquals(0, limited.getAllocatedMemory());
        }
    }

    @Test
    void cancelStopsWith57014AndFreesEverything() {
        for (int parallelism : new int[] {1, 3}) {
            try (BufferAllocator mem = new RootAllocator()) {
                AtomicInteger polls = new AtomicInteger();
                QueryContext ctx = new QueryContext(mem, workers, parallelism, () -> polls.incrementAndGet() > 2);
                SqlException e = assertThrows(SqlException.class, () -> Results.run(new VectorEngine(), GROUPS, catalog, ctx));
                assertEquals("57014", e.sqlState());
                assertTrue(polls.get() > 2);
                assertEquals(0, mem.getAllocatedMemory());
            }
        }
    }
}
