package io.hallows.db.olap.impl.sql;

import io.hallows.db.olap.impl.engine.QueryResult;
import io.hallows.db.olap.impl.table.Schemas;
import java.io.IOException;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.VectorUnloader;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.ipc.message.ArrowRecordBatch;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * A query's result as an {@link ArrowReader} for the embedded API: each batch the engine produces
 * is moved (not copied) into the reader's root. Closing it closes the result, the query's allocator
 * and its snapshot of the tables.
 */
final class QueryReader extends ArrowReader {
    private final QueryResult result;
    private final Runnable cancel;
    private final AutoCloseable[] resources;

    /**
     * @param cancel tells the engine to stop (run first when the reader is closed)
     * @param resources closed after the result, in order (the query's allocator, its snapshot)
     */
    QueryReader(BufferAllocator allocator, QueryResult result, Runnable cancel, AutoCloseable... resources) {
        super(allocator);
        this.result = result;
        this.cancel = cancel;
        this.resources = resources;
    }

    @Override
    public boolean loadNextBatch() throws IOException {
        prepareLoadNextBatch();
        VectorSchemaRoot batch = result.next();
        if (batch == null) {
            return false;
        }
        ArrowRecordBatch moved = new VectorUnloader(batch).getRecordBatch();
        loadRecordBatch(moved); // closes it: the reader's root holds the buffers now
        return true;
    }

    @Override
    public long bytesRead() {
        return 0;
    }

    @Override
    protected void closeReadSource() throws IOException {
        cancel.run();
        try {
            result.close();
        } finally {
            for (AutoCloseable r : resources) {
                try {
                    r.close();
                } catch (Exception e) {
                    throw new IOException("closing a query: " + e.getMessage(), e);
                }
            }
        }
    }

    @Override
    protected Schema readSchema() {
        return Schemas.of(result.columns());
    }
}
