package io.hallows.db.olap.impl.engine;

import io.hallows.db.olap.impl.exec.Arrows;
import io.hallows.db.olap.impl.exec.Batch;
import io.hallows.db.olap.impl.exec.Memory;
import io.hallows.db.olap.impl.table.Chunk;
import io.hallows.db.olap.impl.table.ColumnDef;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.OutOfMemoryException;
import org.apache.arrow.vector.VectorSchemaRoot;

/** A computed result handed out as Arrow batches of at most {@link Chunk#MAX_ROWS} rows. */
final class VectorResult implements QueryResult {
    private final List<ColumnDef> columns;
    private final List<Batch> batches;
    private final BufferAllocator allocator;
    private final Memory memory;
    private VectorSchemaRoot current;
    private int batch;
    private int row;

    VectorResult(List<ColumnDef> columns, List<Batch> batches, BufferAllocator allocator, Memory memory) {
        this.columns = List.copyOf(columns);
        this.batches = batches;
        this.allocator = allocator;
        this.memory = memory;
    }

    @Override
    public List<ColumnDef> columns() {
        return columns;
    }

    @Override
    public VectorSchemaRoot next() {
        release();
        while (batch < batches.size() && row >= batches.get(batch).n()) {
            batch++;
            row = 0;
        }
        if (batch >= batches.size()) {
            return null;
        }
        Batch b = batches.get(batch);
        int count = Math.min(Chunk.MAX_ROWS, b.n() - row);
        try {
            current = Arrows.write(b, row, count, columns, allocator);
        } catch (OutOfMemoryException e) {
            close();
            throw Memory.overLimit(allocator);
        }
        row += count;
        return current;
    }

    private void release() {
        if (current != null) {
            current.close();
            current = null;
        }
    }

    @Override
    public void close() {
        release();
        batch = batches.size();
        memory.close();
    }
}
