package io.hallows.db.oltp.impl.store;

import io.hallows.sql.api.SqlException;

/**
 * The waits-for graph: each transaction waits for at most one other ({@code waitingFor}). An
 * edge is added under one lock after checking that it closes no cycle, so the graph stays acyclic
 * and a deadlock is refused (40P01) by the transaction that would have closed it. Edges to ended
 * transactions are dead; a transaction's edge is cleared when it starts its next statement.
 */
final class Deadlocks {
    private static final int MAX_DEPTH = 100_000;
    private final Object lock = new Object();
    private final Runnable onDeadlock;

    Deadlocks(Runnable onDeadlock) {
        this.onDeadlock = onDeadlock;
    }

    /** The WaitFor of {@code waiter} on {@code holder}, or 40P01 when the wait would close a cycle. */
    WaitFor waitFor(MvccTxn waiter, MvccTxn holder) {
        synchronized (lock) {
            int depth = 0;
            for (MvccTxn t = holder; t != null && t.active() && depth < MAX_DEPTH; t = t.waitingFor(), depth++) {
                if (t == waiter) {
                    waiter.waitingFor(null);
                    onDeadlock.run();
                    throw new SqlException("40P01", "deadlock detected", 0,
                            "transaction " + waiter.id() + " waits for transaction " + holder.id()
                                    + ", which waits (directly or not) for transaction " + waiter.id() + ".",
                            "Retry the transaction.", null);
                }
            }
            waiter.waitingFor(holder);
        }
        return new WaitFor(holder.ended().copy());
    }
}
