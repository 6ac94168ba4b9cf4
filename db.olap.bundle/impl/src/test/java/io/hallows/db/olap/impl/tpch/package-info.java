/**
 * Correctness of the OLAP engine against DuckDB: the 22 TPC-H queries at scale factor 0.1, NULL
 * semantics and empty inputs, each run on Hallows and on an in-process DuckDB holding the same rows,
 * the answers compared value by value ({@link io.hallows.db.olap.impl.tpch.Answers}).
 */
package io.hallows.db.olap.impl.tpch;
