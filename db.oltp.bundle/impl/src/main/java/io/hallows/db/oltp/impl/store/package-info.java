/**
 * The MVCC store: tables of versioned rows, primary-key and secondary indexes on concurrent
 * ordered maps, transactions at three isolation levels, garbage collection of old versions, a
 * memory limit, and the redo and snapshot records the write-ahead log keeps.
 *
 * <p>{@link io.hallows.db.oltp.impl.store.Store} and {@link io.hallows.db.oltp.impl.store.Txn} are
 * the contract the SQL layer ({@code impl.sql}) is written against;
 * {@link io.hallows.db.oltp.impl.store.MvccStore} implements it.
 *
 * <h2>Design</h2>
 * <ul>
 * <li><b>Rows.</b> A row is a {@code Chain} of {@code Version}s, newest first, in a
 * {@link java.util.concurrent.ConcurrentSkipListMap} keyed by its primary key (a hidden row id
 * when the table has none), ordered by {@code Keys} (NULLs last, bytes unsigned). A secondary
 * index maps (indexed values, primary key) to the chain; an entry is added for every version
 * written and a reader keeps it only when the version it sees still has those values.</li>
 * <li><b>Snapshots.</b> A commit, under one short lock, appends its redo record to the
 * {@link io.hallows.db.oltp.impl.wal.CommitLog}, stamps its versions with the next commit
 * timestamp and only then publishes that timestamp. A snapshot is the last published timestamp;
 * it sees the versions stamped at or before it and its own transaction's writes of earlier
 * statements. Readers take no lock and write nothing shared.</li>
 * <li><b>Writes.</b> A write pushes its version over the chain's head with a compare-and-set;
 * an uncommitted head belongs to its writer until it ends, so a second writer gets
 * {@link io.hallows.db.oltp.impl.store.WaitFor} ({@code Deadlocks} refuses with 40P01 a wait that
 * would close a cycle). READ COMMITTED takes a snapshot per statement; a statement re-run after a
 * {@code WaitFor} keeps its snapshot, and a row changed since is re-checked on its newest version
 * (PostgreSQL's EvalPlanQual). The higher levels take one snapshot, at the first statement, and
 * refuse (40001) to write a row changed since. SERIALIZABLE adds validation at commit (see
 * {@code MvccStore}). Unique keys are claimed by the push (primary key) or by adding the index
 * entry and then looking for another live holder (secondary indexes).</li>
 * <li><b>Garbage.</b> Each version's size is estimated and reserved against the memory limit
 * (53200 beyond it; deletions always pass). The horizon is the oldest running snapshot: a write
 * trims its own row below it, {@code collectGarbage} trims every row, retires rows whose newest
 * version is an old deletion, and drops index entries no version carries.</li>
 * <li><b>Records.</b> {@code Redo} encodes DDL, each transaction's writes (puts of whole rows and
 * deletes of keys, cut into parts when big) and checkpoint rows, with a format byte;
 * {@code Recovery} applies them as committed versions. DDL is applied at once under the commit
 * lock and logged; if the log refuses it, it is undone.</li>
 * </ul>
 */
package io.hallows.db.oltp.impl.store;
