package io.hallows.bench.olap;

import io.hallows.db.olap.impl.engine.QueryContext;
import io.hallows.db.olap.impl.engine.QueryEngine;
import io.hallows.db.olap.impl.engine.QueryResult;
import io.hallows.db.olap.impl.load.TpchLoader;
import io.hallows.db.olap.impl.table.Catalog;
import io.hallows.db.olap.impl.table.Chunk;
import io.hallows.db.olap.impl.table.Table;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ForkJoinPool;
import java.util.function.BooleanSupplier;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * The Hallows engine in process, as the OLAP component runs it but without the framework: one
 * {@code VectorEngine}, the tables in Arrow vectors of a root allocator, each query with a child
 * allocator of its own, and its morsels on a {@link ForkJoinPool} with as many workers as the
 * parallelism asked for (the stack's {@code olap} partition runs them on its own workers). A query
 * past its memory limit fails (and is reported) instead of taking the machine's memory.
 */
final class HallowsSide implements Side {
    /** The engine's entry point; looked up by name so that the harness builds whatever the installed artifact holds. */
    static final String ENGINE_CLASS = "io.hallows.db.olap.impl.engine.VectorEngine";

    private final BufferAllocator root = new RootAllocator();
    private final Map<String, Table> tables = new LinkedHashMap<>();
    private final Catalog catalog;
    private final QueryEngine engine;
    private final long timeoutNanos;
    private final long queryMemory;
    private int parallelism = 1;
    private ForkJoinPool workers = new ForkJoinPool(1);

    HallowsSide(QueryEngine engine, TblFiles files, long timeoutNanos, long queryMemory) throws IOException {
        this.engine = engine;
        this.timeoutNanos = timeoutNanos;
        this.queryMemory = queryMemory;
        for (String name : TpchLoader.tableNames()) {
            tables.put(name, files.load(name, root));
        }
        catalog = new Catalog() {
            @Override
            public Optional<Table> table(String name) {
                return Optional.ofNullable(tables.get(name));
            }

            @Override
            public Collection<Table> tables() {
                return tables.values();
            }
        };
    }

    /**
     * Per table, its row count then the sum of each integer-backed column (INT, BIGINT, DATE in
     * days, DECIMAL unscaled), in column order: what {@link DuckDbSide#checksums} computes on its
     * side, to show both hold the same rows.
     */
    Map<String, List<Long>> checksums() {
        Map<String, List<Long>> sums = new LinkedHashMap<>();
        for (Table t : tables.values()) {
            List<Long> row = new ArrayList<>(List.of(t.rowCount()));
            for (int c = 0; c < t.columns().size(); c++) {
                if (DuckDbSide.summed(t.columns().get(c))) {
                    long sum = 0;
                    for (Chunk chunk : t.chunks()) {
                        FieldVector v = chunk.vectors().getVector(c);
                        for (int r = 0; r < chunk.rowCount(); r++) {
                            sum += v instanceof BigIntVector b ? b.get(r) : ((BaseFixedWidthVector) v).getDataBuffer().getInt(4L * r);
                        }
                    }
                    row.add(sum);
                }
            }
            sums.put(t.name(), row);
        }
        return sums;
    }

    /** A new engine, or an exception saying why there is none in the installed artifact. */
    static QueryEngine engine() throws ReflectiveOperationException {
        return (QueryEngine) Class.forName(ENGINE_CLASS).getConstructor().newInstance();
    }

    @Override
    public String name() {
        return "Hallows";
    }

    @Override
    public void threads(int n) {
        workers.shutdown();
        workers = new ForkJoinPool(n);
        parallelism = n;
    }

    @Override
    public long run(String sql) {
        long rows = 0;
        try (BufferAllocator allocator = root.newChildAllocator("query", 0, queryMemory);
                QueryResult result = engine.execute(sql, catalog, context(allocator))) {
            for (VectorSchemaRoot batch = result.next(); batch != null; batch = result.next()) {
                rows += batch.getRowCount();
            }
        }
        return rows;
    }

    @Override
    public String explainAnalyze(String sql) {
        try (BufferAllocator allocator = root.newChildAllocator("explain", 0, queryMemory)) {
            return engine.explain(sql, catalog, context(allocator), true);
        }
    }

    /** A query past the timeout is cancelled through the engine's own flag (it fails with 57014). */
    private QueryContext context(BufferAllocator allocator) {
        long deadline = System.nanoTime() + timeoutNanos;
        BooleanSupplier cancelled = () -> System.nanoTime() - deadline > 0;
        return new QueryContext(allocator, workers, parallelism, cancelled);
    }

    @Override
    public void close() {
        workers.shutdown();
        tables.values().forEach(t -> t.chunks().forEach(c -> c.vectors().close()));
        root.close();
    }
}
