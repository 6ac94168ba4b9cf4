package io.hallows.db.olap.impl.engine;

import io.hallows.db.olap.impl.exec.Batch;
import io.hallows.db.olap.impl.exec.Exec;
import io.hallows.db.olap.impl.exec.Memory;
import io.hallows.db.olap.impl.exec.Node;
import io.hallows.db.olap.impl.plan.PhysicalPlanner;
import io.hallows.db.olap.impl.plan.Planner;
import io.hallows.db.olap.impl.table.Catalog;
import io.hallows.db.olap.impl.table.ColumnDef;
import io.hallows.sql.api.SqlException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.arrow.memory.OutOfMemoryException;

/**
 * The OLAP engine: {@link Planner} (Calcite) makes an optimized logical plan,
 * {@link PhysicalPlanner} turns it into vectorized operators, and {@link Exec} runs them by
 * morsels on the context's workers. The whole result is computed by {@link #execute} (counted
 * against the query's memory limit) and handed out as Arrow batches. Thread-safe and stateless.
 */
public final class VectorEngine implements QueryEngine {
    private final Planner planner = new Planner();

    public VectorEngine() {}

    /** A plan ready to run and its result columns. */
    private record Prepared(Node root, List<ColumnDef> columns) {}

    private Prepared prepare(String sql, Catalog catalog) {
        Planner.Logical logical = planner.plan(sql, catalog);
        Node root = new PhysicalPlanner(logical.rexBuilder(), logical.rel().getCluster().getMetadataQuery()).compile(logical.rel());
        List<ColumnDef> columns = new ArrayList<>();
        var fields = logical.rel().getRowType().getFieldList();
        for (int i = 0; i < root.types().size(); i++) {
            String name = i < logical.names().size() ? logical.names().get(i) : fields.get(i).getName();
            columns.add(root.types().get(i).column(name.toLowerCase(Locale.ROOT), fields.get(i).getType().isNullable()));
        }
        return new Prepared(root, columns);
    }

    @Override
    public QueryResult execute(String sql, Catalog catalog, QueryContext context) {
        Prepared p = prepare(sql, catalog);
        Memory memory = new Memory(context.allocator());
        List<Batch> batches = run(p.root(), context, memory);
        return new VectorResult(p.columns(), batches, context.allocator(), memory);
    }

    @Override
    public String explain(String sql, Catalog catalog, QueryContext context, boolean analyze) {
        long t0 = System.nanoTime();
        Prepared p = prepare(sql, catalog);
        long planned = System.nanoTime();
        if (!analyze) {
            return p.root().explain(false);
        }
        try (Memory memory = new Memory(context.allocator())) {
            List<Batch> out = run(p.root(), context, memory);
            long rows = 0;
            for (Batch b : out) {
                rows += b.n();
            }
            long done = System.nanoTime();
            return p.root().explain(true) + String.format(Locale.ROOT, "Planning time: %.3f ms%nExecution time: %.3f ms (%d rows)%n",
                    (planned - t0) / 1e6, (done - planned) / 1e6, rows);
        }
    }

    /** Every result batch in order; on failure everything reserved is released. */
    private static List<Batch> run(Node root, QueryContext context, Memory memory) {
        try {
            Exec ex = new Exec(context, memory);
            ex.checkCancelled();
            Batch all = ex.collect(root.open(ex), root.types());
            return all.n() == 0 ? List.of() : List.of(all);
        } catch (OutOfMemoryException | OutOfMemoryError e) {
            memory.close();
            throw Memory.overLimit(context.allocator());
        } catch (RuntimeException | Error e) {
            memory.close();
            if (e instanceof SqlException) {
                throw e;
            }
            if (e.getCause() instanceof OutOfMemoryException) {
                throw Memory.overLimit(context.allocator());
            }
            throw new SqlException("XX000", "the OLAP engine failed: " + e, 0, null, null, e);
        }
    }
}
