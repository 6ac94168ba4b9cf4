package io.hallows.vertx.impl;

import io.hallows.kernel.api.PartitionExecutor;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.impl.VertxBuilder;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * The one place a Vert.x instance is assembled for a partition (Vert.x's own {@link VertxBuilder}
 * with its thread and executor factories replaced). Used by the service and by tests alike.
 */
public final class VertxOnPartition {
    /**
     * How often Vert.x's own blocked-thread checker wakes: once a day, i.e. practically never. It
     * cannot be switched off (its timer thread exists in every instance); the kernel's watchdog
     * watches the event loops instead, with the partition's bound.
     */
    static final long CHECKER_INTERVAL_HOURS = 24;

    private VertxOnPartition() {
    }

    /** See {@link io.hallows.vertx.api.PartitionVertx#create}. */
    public static Vertx create(PartitionExecutor executor, VertxOptions options) {
        Objects.requireNonNull(executor, "executor");
        VertxOptions effective = new VertxOptions(Objects.requireNonNull(options, "options"))
                .setBlockedThreadCheckInterval(CHECKER_INTERVAL_HOURS)
                .setBlockedThreadCheckIntervalUnit(TimeUnit.HOURS);
        return new VertxBuilder(effective)
                .threadFactory(new PartitionThreadFactory(executor))
                .executorServiceFactory((threadFactory, concurrency, maxConcurrency) -> new PartitionExecutorService(executor))
                .init()
                .vertx();
    }
}
