/**
 * The embedded API of the Hallows OLTP database, for bundles in the same JVM.
 *
 * <p>{@link io.hallows.db.oltp.api.Database} is an {@link io.hallows.sql.api.SqlEngine} (sessions,
 * prepared statements and transactions are the engine-agnostic {@code io.hallows.sql.api}) with
 * the operations of this engine: statistics, checkpoints and commit notifications
 * ({@link io.hallows.db.oltp.api.Database#watch}). The kernel protects it under the
 * name {@value io.hallows.db.oltp.api.Database#SERVICE_NAME}: a bundle sees it only while it
 * holds the capability {@code service:db.oltp CALL}.
 */
@Export
@Version("0.2.0")
package io.hallows.db.oltp.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
