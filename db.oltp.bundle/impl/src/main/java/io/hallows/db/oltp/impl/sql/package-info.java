/**
 * The SQL layer: PostgreSQL's dialect parsed and validated by Apache Calcite, planned once per
 * statement shape and cached, run against the store; sessions with PostgreSQL's transaction
 * rules, {@code COPY FROM STDIN}, {@code SET}/{@code SHOW}, and the part of the catalog clients read.
 */
package io.hallows.db.oltp.impl.sql;
