/**
 * The embedded API of the Hallows OLAP database, for bundles in the same JVM.
 *
 * <p>{@link io.hallows.db.olap.api.OlapDatabase} is an {@link io.hallows.sql.api.SqlEngine} under
 * the database name {@code olap} (so psql and JDBC reach it through the PostgreSQL wire server) that
 * also answers queries as Apache Arrow record batches, without converting rows. The kernel protects
 * it under the name {@value io.hallows.db.olap.api.OlapDatabase#SERVICE_NAME}.
 */
@Export
@Version("0.1.0")
package io.hallows.db.olap.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
