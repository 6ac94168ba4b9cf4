package io.hallows.db.oltp.api;

import io.hallows.sql.api.SqlEngine;
import java.util.concurrent.CompletableFuture;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The OLTP database: an {@link SqlEngine} under the database name {@value #DATABASE_NAME}, plus
 * its statistics and checkpoints.
 */
@ProviderType
public interface Database extends SqlEngine {
    /** The name the kernel protects this service under: holders of {@code service:db.oltp CALL} see it. */
    String SERVICE_NAME = "db.oltp";

    /** The database name clients ask for (the {@value SqlEngine#DATABASE} service property). */
    String DATABASE_NAME = "hallows";

    /** Counters and gauges, read now. */
    DatabaseStats stats();

    /**
     * Writes a checkpoint now (a consistent snapshot of every table, while writes go on) and
     * removes the log it makes unnecessary. The future completes when the checkpoint is durable.
     */
    CompletableFuture<DatabaseStats> checkpoint();
}
