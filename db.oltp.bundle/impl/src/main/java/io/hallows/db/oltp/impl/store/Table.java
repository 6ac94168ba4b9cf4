package io.hallows.db.oltp.impl.store;

import java.util.List;

/** A table of the store, as the SQL layer sees it. */
public interface Table {
    /** The definition now (after DDL, a new {@code Table} object may replace this one). */
    TableDef def();

    /** Its indexes, the primary key's first when it has one. */
    List<IndexDef> indexes();

    /** Live rows, approximately (for planning and statistics). */
    long approximateRows();
}
