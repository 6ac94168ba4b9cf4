package io.hallows.db.oltp.impl.store;

import java.util.List;

/**
 * A table's definition.
 *
 * @param name lower-case name
 * @param columns its columns, in order
 * @param primaryKey indexes into {@code columns} of the primary key, empty when it has none
 */
public record TableDef(String name, List<ColumnDef> columns, List<Integer> primaryKey) {
    public TableDef {
        columns = List.copyOf(columns);
        primaryKey = List.copyOf(primaryKey);
    }
}
