package io.hallows.db.oltp.api;

import io.hallows.sql.api.SqlEngine;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The OLTP database: an {@link SqlEngine} under the database name {@value #DATABASE_NAME}, plus
 * its statistics, checkpoints and commit notifications.
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

    /**
     * Tells {@code changed} of every transaction that wrote one of {@code tables}, once it has
     * committed (durably, when commits wait for their log force; else once it is visible). It is
     * called with the tables the transaction wrote (lower case), on a database thread: it must
     * return quickly and must not block. A watcher that throws is logged and kept.
     *
     * @param tables table names, compared case-insensitively
     * @return closing it stops the notifications
     */
    AutoCloseable watch(Set<String> tables, Consumer<Set<String>> changed);
}
