/**
 * The MVCC store: tables of versioned rows, primary-key and secondary indexes on concurrent
 * ordered maps, transactions at three isolation levels, garbage collection of old versions, a
 * memory limit, and the redo and snapshot records the write-ahead log keeps.
 *
 * <p>{@link io.hallows.db.oltp.impl.store.Store} and {@link io.hallows.db.oltp.impl.store.Txn} are
 * the contract the SQL layer ({@code impl.sql}) is written against.
 */
package io.hallows.db.oltp.impl.store;
