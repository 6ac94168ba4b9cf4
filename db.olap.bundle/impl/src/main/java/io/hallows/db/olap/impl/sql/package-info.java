/**
 * The OLAP database's SQL access: the {@code db.olap} service ({@link io.hallows.db.olap.impl.sql.OlapEngine}),
 * sessions for the PostgreSQL wire server (queries, EXPLAIN, DDL, COPY, INSERT … SELECT from the
 * OLTP database, SET/SHOW), prepared statements, and the embedded API's Arrow reader.
 */
package io.hallows.db.olap.impl.sql;
