package io.hallows.vertx.api;

import io.hallows.kernel.api.PartitionExecutor;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Makes Vert.x instances that run on a partition's threads, so that a network-facing layer does
 * its CPU work where the stack file put it. For the instance it returns:
 * <ul>
 * <li>every event-loop (and acceptor) thread is one of the partition's own threads
 * ({@link PartitionExecutor#ownThread}): pinned to the partition's cpus, listed under it in
 * {@code hallows:cores}, counted in {@code hallows:stats}, and watched by the kernel's watchdog —
 * a handler that keeps its event loop busy for longer than the partition's watchdog bound is
 * reported as a stall with the thread's stack;</li>
 * <li>blocking work ({@code executeBlocking}, blocking file-system calls) runs as tasks through
 * the partition's scheduler, never on a worker pool of Vert.x's own;</li>
 * <li>Vert.x's own blocked-thread checker is put to sleep: the kernel's watchdog reports instead.</li>
 * </ul>
 *
 * <p>The service holds no authority: the caller passes an executor it already holds (its own
 * partition's, which the kernel grants to the partition's bundles). The service is bundle-scoped:
 * instances a bundle has not closed are closed when it releases the service (when it stops).
 *
 * <p>Thread-safe.
 */
@ProviderType
public interface PartitionVertx {
    /**
     * Creates a Vert.x instance on {@code executor}'s partition. Of {@code options}, the event-loop
     * pool size, file-system and other settings are kept; the worker pool, the internal blocking pool
     * and the blocked-thread checker are replaced as described above. Close it with
     * {@link Vertx#close()} when done.
     *
     * @param executor the partition to run on, as the caller holds it
     * @param options  Vert.x settings, e.g. {@code new VertxOptions().setEventLoopPoolSize(1)}
     * @return a new, running instance
     * @throws java.util.concurrent.RejectedExecutionException if the partition has been removed
     * @throws NullPointerException if an argument is null
     */
    Vertx create(PartitionExecutor executor, VertxOptions options);
}
