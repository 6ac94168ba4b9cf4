/**
 * The harness of bench/olap/run: the 22 TPC-H queries on the Hallows OLAP engine and on DuckDB in
 * one JVM, on the same rows, timed per query, side and thread count (not a bundle; outside the
 * reactor).
 */
package io.hallows.bench.olap;
