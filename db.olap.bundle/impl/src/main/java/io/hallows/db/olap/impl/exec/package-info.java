/**
 * Vectorized execution: batches of heap vectors ({@link io.hallows.db.olap.impl.exec.Batch}),
 * physical operators ({@link io.hallows.db.olap.impl.exec.Node}: scan with chunk skipping, filter,
 * project, hash join, hash aggregate, sort/top-N/limit, values, union) and the morsel runner
 * ({@link io.hallows.db.olap.impl.exec.Exec}). Heap state is reserved in the query's Arrow
 * allocator ({@link io.hallows.db.olap.impl.exec.Memory}), so the OLAP memory limit covers it.
 */
package io.hallows.db.olap.impl.exec;
