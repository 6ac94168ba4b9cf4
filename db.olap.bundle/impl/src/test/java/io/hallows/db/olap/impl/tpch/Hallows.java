package io.hallows.db.olap.impl.tpch;

import io.hallows.db.olap.impl.engine.QueryContext;
import io.hallows.db.olap.impl.engine.QueryEngine;
import io.hallows.db.olap.impl.engine.QueryResult;
import io.hallows.db.olap.impl.table.Catalog;
import io.hallows.db.olap.impl.table.ColumnDef;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Runs a query on the engine under test and reads its answer. Each query gets a child allocator of
 * its own, closed after the result: a query that leaves vectors behind fails there.
 */
final class Hallows {
    /**
     * A query's memory limit: the SF 0.1 tables take about 100 MB, so a query that needs more than
     * this is broken, and fails here quickly rather than taking the machine's memory.
     */
    static final long QUERY_MEMORY = 2L << 30;
    /** Two workers, two morsels at once: the parallel paths are the ones that break. */
    static final int PARALLELISM = 2;
    private static final ForkJoinPool WORKERS = new ForkJoinPool(PARALLELISM);

    private Hallows() {}

    /** A new engine. */
    static QueryEngine engine() {
        return new io.hallows.db.olap.impl.engine.VectorEngine();
    }

    /**
     * The engine's answer to {@code sql}, query {@code name}; fails if the query fails (the message
     * names it) or leaves memory allocated once closed.
     */
    static Answer answer(String name, QueryEngine engine, String sql, Catalog catalog, BufferAllocator root) {
        BufferAllocator allocator = root.newChildAllocator(name, 0, QUERY_MEMORY);
        Answer answer;
        try (QueryResult result = engine.execute(sql, catalog, new QueryContext(allocator, WORKERS, PARALLELISM, () -> false))) {
            answer = read(result);
        } catch (RuntimeException e) {
            AssertionError failed = new AssertionError(name + " fails on Hallows: " + e, e);
            try {
                allocator.close();
            } catch (IllegalStateException leak) {
                failed.addSuppressed(leak);
            }
            throw failed;
        }
        long left = allocator.getAllocatedMemory();
        if (left != 0) {
            // The allocator stays open: closing it would only throw Arrow's own, longer report.
            throw new AssertionError(name + ": " + left + " bytes still allocated after the result was closed");
        }
        allocator.close();
        return answer;
    }

    static Answer read(QueryResult result) {
        List<ColumnDef> defs = result.columns();
        List<String> names = new ArrayList<>();
        defs.forEach(d -> names.add(d.name()));
        List<List<Object>> rows = new ArrayList<>();
        for (VectorSchemaRoot batch = result.next(); batch != null; batch = result.next()) {
            if (batch.getFieldVectors().size() != defs.size()) {
                throw new AssertionError("a batch of " + batch.getFieldVectors().size() + " vectors for " + defs.size() + " columns " + names);
            }
            for (int r = 0; r < batch.getRowCount(); r++) {
                List<Object> row = new ArrayList<>(defs.size());
                for (int c = 0; c < defs.size(); c++) {
                    row.add(value(defs.get(c), batch.getVector(c), r));
                }
                rows.add(row);
            }
        }
        return new Answer(names, rows);
    }

    /** One value of a result vector as {@link Answer} wants it; DECIMAL's scale is in its column. */
    static Object value(ColumnDef def, FieldVector v, int row) {
        if (v.isNull(row)) {
            return null;
        }
        return switch (v) {
            case IntVector i -> (long) i.get(row);
            case BigIntVector b -> switch (def.kind()) {
                case DECIMAL -> BigDecimal.valueOf(b.get(row), def.scale());
                default -> b.get(row);
            };
            case Float8Vector f -> f.get(row);
            case VarCharVector s -> new String(s.get(row), StandardCharsets.UTF_8);
            case DateDayVector d -> LocalDate.ofEpochDay(d.get(row));
            case BitVector b -> b.get(row) != 0;
            default -> throw new AssertionError("column " + def.name() + " (" + def.kind() + ") comes as an unexpected " + v.getClass().getSimpleName());
        };
    }
}
