package io.hallows.db.olap.impl.table;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
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
 * Builds a {@link Table} row by row into chunks of {@link Chunk#MAX_ROWS}: set each column of a row
 * with the setter of its kind (or {@link #setNull}), then {@link #endRow()}. Statistics are
 * computed as each chunk is sealed. Not thread-safe. If building fails, {@link #close()} frees
 * every vector made so far; after {@link #build()} the vectors belong to the table.
 */
public final class TableBuilder implements AutoCloseable {
    private final String name;
    private final List<ColumnDef> columns;
    private final BufferAllocator allocator;
    private final List<Chunk> chunks = new ArrayList<>();
    private VectorSchemaRoot current;
    private int row;
    private boolean built;

    public TableBuilder(String name, List<ColumnDef> columns, BufferAllocator allocator) {
        this.name = name;
        this.columns = List.copyOf(columns);
        this.allocator = allocator;
    }

    /** INT, BIGINT, DATE (days) or DECIMAL (unscaled) column {@code c} of the current row. */
    public void setLong(int c, long v) {
        FieldVector vector = vector(c);
        switch (columns.get(c).kind()) {
            case INT -> ((IntVector) vector).setSafe(row, Math.toIntExact(v));
            case BIGINT, DECIMAL -> ((BigIntVector) vector).setSafe(row, v);
            case DATE -> ((DateDayVector) vector).setSafe(row, Math.toIntExact(v));
            default -> throw kindMismatch(c, "an integer");
        }
    }

    public void setDouble(int c, double v) {
        if (columns.get(c).kind() != ColumnKind.DOUBLE) {
            throw kindMismatch(c, "a double");
        }
        ((Float8Vector) vector(c)).setSafe(row, v);
    }

    public void setString(int c, String v) {
        if (columns.get(c).kind() != ColumnKind.VARCHAR) {
            throw kindMismatch(c, "a string");
        }
        ((VarCharVector) vector(c)).setSafe(row, v.getBytes(StandardCharsets.UTF_8));
    }

    public void setBoolean(int c, boolean v) {
        if (columns.get(c).kind() != ColumnKind.BOOLEAN) {
            throw kindMismatch(c, "a boolean");
        }
        ((BitVector) vector(c)).setSafe(row, v ? 1 : 0);
    }

    public void setNull(int c) {
        if (!columns.get(c).nullable()) {
            throw new IllegalArgumentException("column " + columns.get(c).name() + " of " + name + " is NOT NULL");
        }
        FieldVector v = vector(c);
        if (v.getValueCapacity() <= row) {
            v.reAlloc();
        }
        v.setNull(row);
    }

    /** Ends the current row; a full chunk is sealed. */
    public void endRow() {
        row++;
        if (row == Chunk.MAX_ROWS) {
            seal();
        }
    }

    /** The table, owning every chunk built. */
    public Table build() {
        if (current != null) {
            seal();
        }
        built = true;
        return new Table(name, columns, chunks);
    }

    private FieldVector vector(int c) {
        if (current == null) {
            current = VectorSchemaRoot.create(Schemas.of(columns), allocator);
            current.allocateNew();
            row = 0;
        }
        return current.getVector(c);
    }

    private void seal() {
        current.setRowCount(row);
        chunks.add(new Chunk(current, ChunkStats.of(current, columns)));
        current = null;
        row = 0;
    }

    private IllegalArgumentException kindMismatch(int c, String what) {
        ColumnDef d = columns.get(c);
        return new IllegalArgumentException("column " + d.name() + " of " + name + " is " + d.kind() + ", not " + what);
    }

    @Override
    public void close() {
        if (!built) {
            chunks.forEach(ch -> ch.vectors().close());
            chunks.clear();
            if (current != null) {
                current.close();
                current = null;
            }
        }
    }
}
