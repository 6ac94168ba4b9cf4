package io.hallows.db.oltp.impl.store;

import java.util.Collection;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The store: its catalog, its transactions and its DDL. DDL is not transactional here: each
 * operation takes effect at once, is logged, and its future completes when it is durable (a
 * documented difference from PostgreSQL). Names are lower-case.
 */
public interface Store {
    /** Starts a transaction. */
    Txn begin(Isolation isolation);

    Optional<Table> table(String name);

    Collection<Table> tables();

    /** Creates a table (42P07 if it exists and not {@code ifNotExists}). */
    CompletableFuture<Void> createTable(TableDef def, boolean ifNotExists);

    /** Drops a table and its indexes (42P01 if absent and not {@code ifExists}). */
    CompletableFuture<Void> dropTable(String name, boolean ifExists);

    /** Builds an index over the live rows (23505 when a unique one finds a duplicate; nothing is then kept). */
    CompletableFuture<Void> createIndex(IndexDef def, boolean ifNotExists);

    /** Makes {@code columns} the table's primary key: NOT NULL, unique (42P16 if it has one already). */
    CompletableFuture<Void> addPrimaryKey(String table, java.util.List<Integer> columns);

    /**
     * Appends {@code column} to the table, NULL in every row (23502 for NOT NULL when it has rows;
     * 42701 when it exists, unless {@code ifNotExists}).
     */
    default CompletableFuture<Void> addColumn(String table, ColumnDef column, boolean ifNotExists) {
        return CompletableFuture.failedFuture(new io.hallows.sql.api.SqlException("0A000", "ADD COLUMN is not supported by this store"));
    }

    /** Removes a column and its values (42703 when there is none, unless {@code ifExists}; 2BP01 when a key or index uses it). */
    default CompletableFuture<Void> dropColumn(String table, String column, boolean ifExists) {
        return CompletableFuture.failedFuture(new io.hallows.sql.api.SqlException("0A000", "DROP COLUMN is not supported by this store"));
    }

    /** Removes every row of the tables, in {@code txn} (visible to others when it commits). */
    void truncate(Txn txn, Collection<Table> tables);

    /** Removes versions no snapshot can see any more; returns how many. */
    long collectGarbage();

    /** Bytes the tables hold now (estimated) and the limit. */
    long memoryUsed();

    long memoryLimit();
}
