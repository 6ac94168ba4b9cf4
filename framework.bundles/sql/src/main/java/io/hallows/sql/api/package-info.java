/**
 * The engine-agnostic SQL session API of Hallows, in PostgreSQL's terms.
 *
 * <p>An engine (the OLTP database, later the OLAP engine) publishes a {@link
 * io.hallows.sql.api.SqlEngine} under a database name ({@value io.hallows.sql.api.SqlEngine#DATABASE}
 * service property). The PostgreSQL wire server serves every engine by that name; bundles in the
 * same JVM call the same interfaces with no network hop.
 *
 * <p>Statements run asynchronously: each call returns a {@link java.util.concurrent.CompletableFuture}
 * that completes on the engine's own partition once the statement is done (and, for a commit,
 * once it is durable). A session runs one statement at a time; callers wait for a statement's
 * future before they send the next one. Values cross the API as plain Java objects, listed per
 * type in {@link io.hallows.sql.api.SqlType}. Failures are {@link io.hallows.sql.api.SqlException}s
 * carrying PostgreSQL's SQLSTATE and, where one is known, the position in the statement text.
 */
@Export
@Version("0.1.0")
package io.hallows.sql.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
