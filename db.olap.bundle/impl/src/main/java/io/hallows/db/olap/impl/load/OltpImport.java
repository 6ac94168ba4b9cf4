package io.hallows.db.olap.impl.load;

import io.hallows.db.olap.impl.table.ColumnDef;
import io.hallows.db.olap.impl.table.Table;
import io.hallows.db.olap.impl.table.TableBuilder;
import io.hallows.sql.api.Result;
import io.hallows.sql.api.Session;
import io.hallows.sql.api.SqlEngine;
import io.hallows.sql.api.SqlException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import org.apache.arrow.memory.BufferAllocator;

/**
 * {@code INSERT INTO t SELECT …} with the SELECT run by the OLTP database (database
 * {@code hallows}, through its embedded SQL API, as user {@code olap}): its rows become new chunks
 * of {@code t}. The OLTP result arrives whole (its API returns a statement's rows at once), so one
 * import is bounded by what the OLTP database can hand over in memory.
 */
public final class OltpImport {
    private OltpImport() {}

    /**
     * Runs {@code select} on {@code oltp} and builds its rows as a table of {@code columns}; result
     * column {@code i} fills column {@code targets.get(i)}, the others are NULL.
     *
     * @param onCancel told how to cancel the OLTP statement while it runs (and told null after)
     * @throws SqlException the OLTP database's error, a value the column cannot take (naming the
     *     row and column), or 57014 when cancelled
     */
    public static Table load(SqlEngine oltp, String select, String table, List<ColumnDef> columns, List<Integer> targets,
            BufferAllocator allocator, Consumer<Runnable> onCancel) {
        Result result;
        try (Session session = oltp.open("olap", Map.of("application_name", "olap INSERT … SELECT"))) {
            onCancel.accept(session::cancel);
            result = await(session.execute(select));
        } finally {
            onCancel.accept(null);
        }
        if (result.columns().size() != targets.size()) {
            throw new SqlException("42601", "INSERT has " + targets.size() + " target columns but the SELECT returns "
                    + result.columns().size());
        }
        boolean[] filled = new boolean[columns.size()];
        targets.forEach(t -> filled[t] = true);
        try (TableBuilder b = new TableBuilder(table, columns, allocator)) {
            long row = 0;
            for (Object[] values : result.rows()) {
                row++;
                for (int c = 0; c < columns.size(); c++) {
                    int i = targets.indexOf(c);
                    try {
                        ColumnValues.setValue(b, c, columns.get(c), filled[c] ? values[i] : null);
                    } catch (ColumnValues.BadValue e) {
                        throw new SqlException(e.sqlState(), e.getMessage(), 0,
                                "INSERT INTO " + table + ", row " + row + ", column " + columns.get(c).name(), null, null);
                    }
                }
                b.endRow();
            }
            return b.build();
        }
    }

    private static Result await(CompletableFuture<Result> future) {
        try {
            return future.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof SqlException s ? s : new SqlException("XX000", "the OLTP database failed: " + e.getCause(), 0,
                    null, null, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SqlException("57014", "canceling statement: interrupted");
        }
    }
}
