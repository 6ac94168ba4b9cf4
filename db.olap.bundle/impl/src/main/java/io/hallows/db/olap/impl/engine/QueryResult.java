package io.hallows.db.olap.impl.engine;

import io.hallows.db.olap.impl.table.ColumnDef;
import java.util.List;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * The rows of a running or finished query, batch by batch. Not thread-safe. Closing it frees every
 * vector it allocated (the query's allocator returns to zero).
 */
public interface QueryResult extends AutoCloseable {
    /** The result's columns. */
    List<ColumnDef> columns();

    /**
     * The next batch, or null when there are no more. The batch belongs to the result and is valid
     * until the next call or {@link #close()}.
     *
     * @throws io.hallows.sql.api.SqlException when the query fails or is cancelled
     */
    VectorSchemaRoot next();

    @Override
    void close();
}
