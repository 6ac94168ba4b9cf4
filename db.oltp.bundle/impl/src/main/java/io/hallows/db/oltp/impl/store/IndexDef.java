package io.hallows.db.oltp.impl.store;

import java.util.List;

/**
 * A secondary index (the primary key is an index too, named {@code <table>_pkey}).
 *
 * @param name lower-case name, unique among the store's indexes
 * @param table the table's name
 * @param columns indexes into the table's columns, in key order
 * @param unique true when two live rows may not share a key (NULLs never collide, as in PostgreSQL)
 */
public record IndexDef(String name, String table, List<Integer> columns, boolean unique) {
    public IndexDef {
        columns = List.copyOf(columns);
    }
}
