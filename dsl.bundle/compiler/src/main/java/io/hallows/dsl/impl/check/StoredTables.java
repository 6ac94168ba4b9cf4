package io.hallows.dsl.impl.check;

import java.util.Set;

/**
 * The OLTP tables an operation reads, for a streaming route's {@code Route.tables()}.
 *
 * <p>Placeholder of the routes branch: stored models are bk-data's part, which replaces this class
 * with the real analysis (the lead keeps that version when merging). Until then no operation reads
 * a table, and a streaming route sends its result on connect only.
 */
public final class StoredTables {
    private StoredTables() {
    }

    /** The tables (lower case) that {@code op} of {@code checked} reads, directly or through the operations it calls. */
    public static Set<String> read(CheckedModule checked, Symbol.Op op) {
        return Set.of();
    }
}
