/**
 * The query engine: Calcite planning over the {@link io.hallows.db.olap.impl.table.Catalog} and
 * execution by vectorized operators over Arrow vectors, morsel-parallel on the partition's workers.
 *
 * <p>{@link io.hallows.db.olap.impl.engine.VectorEngine} is the entry point. How a query runs:
 * <ol>
 *   <li>Planning ({@code plan}): Babel parser with PostgreSQL's settings, validation, subqueries
 *       to correlates and then to joins (decorrelation), common OR factors pulled out, predicates
 *       pushed into joins and scans, unused columns trimmed, COUNT(DISTINCT) expanded, inner joins
 *       ordered greedily from row counts and exact distinct counts of key-like columns. Only
 *       heuristic (Hep) passes: tens of milliseconds, no cost-based search.</li>
 *   <li>Physical plan ({@code exec}): scan (reads only the columns used; min/max chunk skipping;
 *       filter columns read first, the rest only for matching rows), filter, project, hash join
 *       (inner, left, semi, anti; NULL keys never match; residual conditions), hash aggregate,
 *       sort, top-N, limit, values, union all. EXPLAIN prints it, one operator per line with its
 *       estimated rows; EXPLAIN ANALYZE adds rows out and time per operator.</li>
 *   <li>Execution: each operator's output is a list of morsels (one per table chunk at the
 *       scans); pipeline breakers (join builds, aggregations, sorts) run first, with up to
 *       {@code parallelism} lanes claiming morsels (parallelism 1: the calling thread only).
 *       Cancellation is polled per morsel (SQLSTATE 57014).</li>
 * </ol>
 *
 * <p>Types: INT, BIGINT, DATE, BOOLEAN and DECIMAL (unscaled, p ≤ 18) are longs, DOUBLE doubles,
 * VARCHAR UTF-8 bytes. Sums and differences of DECIMALs take the larger scale, products the sum of
 * the scales; SUM keeps the scale (DECIMAL(18, s)); COUNT is BIGINT. <b>AVG is DOUBLE</b> and a
 * quotient with a DECIMAL operand is DOUBLE, as DuckDB computes them (and so the results compare
 * with DuckDB's within relative 1e-9, where a DECIMAL of a fixed scale would round).
 *
 * <p>Memory: the working data (vectors in batches, hash tables, aggregates, sort buffers, the
 * result) lives on the heap in primitive arrays and is reserved in the query's Arrow allocator
 * before it is kept, so the OLAP memory limit bounds it; a query over the limit fails with 53200
 * and gives everything back, and so does a cancelled or failed query. The result's Arrow batches
 * are allocated in the same allocator.
 */
package io.hallows.db.olap.impl.engine;
