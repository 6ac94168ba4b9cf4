package io.hallows.db.oltp.impl.store;

import java.util.Iterator;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * A transaction. Not thread-safe: one statement at a time. Failures are {@link
 * io.hallows.sql.api.SqlException}s with PostgreSQL's SQLSTATEs (23505 unique violation, 23502
 * not null, 40001 serialization failure, 40P01 deadlock, 53200 memory limit); after one, the
 * caller rolls the transaction back. A write that must wait throws {@link WaitFor}.
 */
public interface Txn {
    /** The transaction's id, unique in this store's life. */
    long id();

    Isolation isolation();

    /**
     * Marks the start of a statement: READ COMMITTED takes a new snapshot; every level records
     * the point {@link #rollbackStatement()} returns to. A statement sees the writes of the
     * transaction's earlier statements, not its own (so an update through an index meets each
     * row once); call this before every statement, the first included.
     */
    void startStatement();

    /** Undoes this statement's writes (after a {@link WaitFor}); earlier statements' stay. */
    void rollbackStatement();

    /** The rows of {@code table} visible to this transaction, in no particular order. */
    Iterator<Row> scan(Table table);

    /** The visible row with primary key {@code key} (one value per key column), or null. */
    Row get(Table table, Object[] key);

    /**
     * The visible rows of {@code index} whose key lies between {@code low} and {@code high} (each
     * a prefix of the index's columns, or null for unbounded), in key order. NULLs sort after
     * every value (as PostgreSQL's default {@code NULLS LAST}), so an unbounded high end includes
     * the rows whose key is NULL: the caller's predicate filters them.
     */
    Iterator<Row> range(Table table, IndexDef index, Object[] low, boolean lowInclusive, Object[] high, boolean highInclusive);

    /**
     * Inserts a row (values in column order, already of the columns' types). The store keeps
     * {@code values} as the row's version: do not modify the array afterwards.
     */
    void insert(Table table, Object[] values);

    /**
     * Updates {@code row}. READ COMMITTED: if another transaction committed a newer version
     * since the read, {@code stillMatches} is tested on that version and {@code change} applied
     * to it (PostgreSQL's re-check); the higher levels fail with 40001 instead.
     *
     * {@code change} returns a new array (the store keeps it); the row it is given must not be modified.
     *
     * @return the new values, or null when the row is gone or no longer matches (nothing written)
     */
    Object[] update(Table table, Row row, Predicate<Object[]> stillMatches, UnaryOperator<Object[]> change);

    /** Deletes {@code row}, with the same rules as {@link #update}. @return false when nothing was deleted */
    boolean delete(Table table, Row row, Predicate<Object[]> stillMatches);

    /**
     * Commits. The writes become visible to later snapshots at once, in commit order; the future
     * completes when the commit is durable ({@code sync}) or at once (asynchronous commit), and
     * fails with 40001 when SERIALIZABLE validation refuses it (the transaction is then rolled back).
     */
    CompletableFuture<Void> commit(boolean sync);

    /** Rolls back; harmless when already ended. */
    void rollback();

    /** True until commit or rollback. */
    boolean active();
}
