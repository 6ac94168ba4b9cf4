package io.hallows.db.olap.impl.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.hallows.db.olap.impl.table.Catalog;
import io.hallows.db.olap.impl.table.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The 22 TPC-H queries at scale 0.01, single-threaded and with 2 lanes, against the answers
 * Trino ships with its generator (rounded as Trino printed them; the exact comparison with DuckDB
 * is in the tpch package). Every query's memory is back to zero once its result is closed.
 */
class TpchQueriesTest {
    private static BufferAllocator tables;
    private static BufferAllocator queries;
    private static Catalog catalog;
    private static ExecutorService workers;

    @BeforeAll
    static void load() {
        tables = new RootAllocator();
        queries = new RootAllocator();
        catalog = Tpch.catalog(0.01, tables);
        workers = Executors.newFixedThreadPool(2);
    }

    @AfterAll
    static void free() {
        workers.shutdownNow();
        for (Table t : catalog.tables()) {
            t.chunks().forEach(c -> c.vectors().close());
        }
        tables.close();
        queries.close();
    }

    static List<Integer> numbers() {
        List<Integer> n = new ArrayList<>();
        for (int i = 1; i <= 22; i++) {
            n.add(i);
        }
        return n;
    }

    @ParameterizedTest(name = "Q{0}")
    @MethodSource("numbers")
    void matchesTrinosAnswer(int q) {
        for (int parallelism : new int[] {1, 2}) {
            List<List<String>> rows = Results.run(new VectorEngine(), Tpch.query(q), catalog,
                    new QueryContext(queries, workers, parallelism, () -> false));
            Results.assertMatches(Tpch.expected(q), rows, "Q" + q + " parallelism " + parallelism);
            assertEquals(0, queries.getAllocatedMemory(), "memory left after Q" + q);
        }
    }
}
