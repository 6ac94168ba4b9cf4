package io.hallows.db.olap.impl.table;

import java.util.List;

/**
 * A table as queries see it: its columns and its chunks at one moment. Loading more rows makes a
 * new {@code Table} (the catalog swaps it in); a running query keeps the one it started with.
 *
 * @param name lower-case name
 * @param columns the columns in order
 * @param chunks the rows
 */
public record Table(String name, List<ColumnDef> columns, List<Chunk> chunks) {
    public Table {
        columns = List.copyOf(columns);
        chunks = List.copyOf(chunks);
    }

    public long rowCount() {
        long n = 0;
        for (Chunk c : chunks) {
            n += c.rowCount();
        }
        return n;
    }
}
