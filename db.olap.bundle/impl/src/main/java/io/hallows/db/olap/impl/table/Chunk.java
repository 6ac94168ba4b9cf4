package io.hallows.db.olap.impl.table;

import java.util.List;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * An immutable slice of a table's rows (up to {@link #MAX_ROWS}), one Arrow vector per column in
 * the table's column order, with statistics per column. The table owns the vectors: readers never
 * modify or close them.
 *
 * @param vectors the columns' vectors
 * @param stats one per column, in column order
 */
public record Chunk(VectorSchemaRoot vectors, List<ColumnStats> stats) {
    /** Rows per chunk when a table is loaded: big enough to amortise per-chunk work, small enough for morsels. */
    public static final int MAX_ROWS = 1 << 17;

    public Chunk {
        stats = List.copyOf(stats);
        if (stats.size() != vectors.getFieldVectors().size()) {
            throw new IllegalArgumentException(stats.size() + " statistics for " + vectors.getFieldVectors().size() + " columns");
        }
    }

    public int rowCount() {
        return vectors.getRowCount();
    }
}
