package io.hallows.db.olap.impl.table;

import java.util.Collection;
import java.util.Optional;

/** The tables the planner can see, read at the start of each query. Thread-safe. */
public interface Catalog {
    /** The table called {@code name} (lower case), if any. */
    Optional<Table> table(String name);

    /** Every table. */
    Collection<Table> tables();
}
