package io.hallows.basilisk.server;

import java.util.Set;
import java.util.function.Consumer;

/** Commit notifications ({@code Database.watch}); {@link #NONE} when there is no database. */
@FunctionalInterface
interface TableWatch {
    TableWatch NONE = (tables, changed) -> () -> { };

    /** As {@code io.hallows.db.oltp.api.Database#watch}. */
    AutoCloseable watch(Set<String> tables, Consumer<Set<String>> changed);
}
