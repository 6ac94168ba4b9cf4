/**
 * The SQL layer: PostgreSQL's dialect parsed and validated by Apache Calcite, planned once per
 * statement shape and cached, run against the store; sessions with PostgreSQL's transaction
 * rules, {@code COPY FROM STDIN}, {@code SET}/{@code SHOW}, and the part of the catalog clients read.
 *
 * <p>The path of a statement: {@link io.hallows.db.oltp.impl.sql.Lexer} splits a simple query and
 * finds the first keywords; statements outside Calcite's grammar (transaction control, SET/SHOW,
 * VACUUM, TRUNCATE, COPY, PostgreSQL's DDL) are recognised there ({@code Commands}, {@code Ddl});
 * the others are shaped ({@code Shape}: {@code $n} and, in the simple protocol, literals become
 * {@code ?}) and planned through {@code PlanCache}: Calcite's Babel parser, its validator against
 * a schema built from the store's catalog, {@code SqlToRelConverter}, then {@code RelCompiler}
 * turns the logical plan into interpreted operators ({@code Ops}, {@code RexCompiler}) over
 * {@link io.hallows.db.oltp.impl.store.Txn}. No Calcite code generation runs (metadata goes
 * through proxies, execution through closures). A filter that fixes the whole primary key
 * becomes one {@code Txn.get}.
 *
 * <p>Known differences from PostgreSQL: DDL is not transactional (the store's rule); Calcite's
 * implicit casts are more lenient than PostgreSQL's operator resolution; {@code DROP INDEX},
 * column defaults and sequences ({@code serial}) are not supported; psql's {@code \d} queries and
 * the JDBC driver's metadata queries use operators Calcite does not parse and fail with a clear
 * error; a COPY that would wait for another transaction's row fails with 40001.
 */
package io.hallows.db.oltp.impl.sql;
