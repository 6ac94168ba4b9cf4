package io.hallows.db.oltp.impl.store;

import java.util.concurrent.CompletableFuture;

/**
 * Thrown by a write that must wait for another transaction (one that changed the same row and
 * has not ended). Nothing blocks: the SQL layer undoes the statement ({@link
 * Txn#rollbackStatement()}) and runs it again once {@link #released()} completes. A wait that
 * would close a cycle is not thrown: the store throws SQLSTATE {@code 40P01} (deadlock) instead.
 */
public final class WaitFor extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient CompletableFuture<Void> released;

    public WaitFor(CompletableFuture<Void> released) {
        super("waiting for another transaction", null, false, false);
        this.released = released;
    }

    /**
     * Completes when the transaction waited for has committed or rolled back; it completes on
     * that transaction's thread, so run the statement again with an asynchronous continuation.
     */
    public CompletableFuture<Void> released() {
        return released;
    }
}
