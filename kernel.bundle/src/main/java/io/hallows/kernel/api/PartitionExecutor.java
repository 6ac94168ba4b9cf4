package io.hallows.kernel.api;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Runs work in a partition, through whichever scheduler is active there. Partition code never
 * talks to a scheduler: the kernel keeps every task until it has run, so a scheduler swap, a
 * faulty scheduler or a bundle update loses none and runs none twice.
 *
 * <p>Registered by the kernel for each partition, as a protected service named
 * {@code kernel.executor.<partition>} with the property {@value #PARTITION}. The partition's own bundles
 * hold {@code service:kernel.executor.<partition>} with CALL; others need it granted.
 *
 * <p>Thread-safe. Tasks with the same {@linkplain TaskHints#key() key} run one at a time in the
 * order they were submitted; for that order to be meaningful, submit them from one thread (or
 * order the submissions yourself).
 */
@ProviderType
public interface PartitionExecutor extends Executor {
    /** Service property naming the partition an executor runs work in. */
    String PARTITION = "hallows.partition";

    /** The partition's name. */
    String partition();

    /**
     * Runs {@code task} with no hints. An exception it throws is counted as a failure in the
     * partition's statistics.
     *
     * @throws RejectedExecutionException if the partition has been removed or the kernel is stopping
     */
    @Override
    void execute(Runnable task);

    /** Runs {@code task} with {@code hints}. @throws RejectedExecutionException as {@link #execute(Runnable)} */
    void execute(Runnable task, TaskHints hints);

    /**
     * Runs {@code task} with {@code hints}; the future completes with its result or its exception.
     *
     * @throws RejectedExecutionException as {@link #execute(Runnable)}
     */
    <T> CompletableFuture<T> submit(Callable<T> task, TaskHints hints);
}
