package io.hallows.db.oltp.impl.wal;

import java.util.concurrent.CompletableFuture;

/**
 * The log the store appends its commits to. {@link #append} is cheap (a copy into the log's
 * buffer) and is called in commit order, under the store's commit lock; durability is awaited
 * separately, so that one force covers many commits.
 */
public interface CommitLog {
    /**
     * Appends one record and returns its log sequence number: the log position just after it.
     * Records appended are replayed in this order at recovery (once durable).
     *
     * @throws io.hallows.sql.api.SqlException 58030 (io_error) when the log cannot be written; the
     *     caller must then refuse the commit
     */
    long append(byte[] record);

    /**
     * Completes when every record up to {@code lsn} is on disk (forced); fails with an
     * {@link java.io.IOException} cause if the force failed (the database then stops accepting commits).
     */
    CompletableFuture<Void> durable(long lsn);

    /** The position after the last appended record. */
    long position();
}
