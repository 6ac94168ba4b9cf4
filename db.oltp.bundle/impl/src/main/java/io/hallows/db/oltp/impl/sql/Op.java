package io.hallows.db.oltp.impl.sql;

/** A compiled relational operator: it pushes its rows into a sink (no per-row iterator objects). */
@FunctionalInterface
interface Op {
    /** Sends the rows to {@code out} until there are no more or {@code out} returns false. */
    void run(Exec ex, Sink out);

    /** Takes rows; returns false to stop the producer early (LIMIT). */
    @FunctionalInterface
    interface Sink {
        boolean accept(Object[] row);
    }
}
