package io.hallows.kernel.api;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.LongSupplier;
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
     * Runs {@code task} with {@code hints}; the future completes with its result or its exception,
     * or with a {@link TaskAbandonedException} if the kernel gives the task up first (it ran past
     * the partition's watchdog bound and ignored the interrupt, or an operator killed it).
     *
     * @throws RejectedExecutionException as {@link #execute(Runnable)}
     */
    <T> CompletableFuture<T> submit(Callable<T> task, TaskHints hints);

    /**
     * Makes the thread that runs the returned {@code Runnable} one of the partition's own threads,
     * for a framework that runs a loop of its own instead of tasks (a Vert.x event loop). While
     * {@code loop} runs, the kernel:
     * <ul>
     * <li>pins the thread to the partition's cpus through the HAL (and again when they change);</li>
     * <li>lists it under the partition in {@code hallows:cores} and counts it in the partition's
     * statistics ({@link SchedulerStats#loops()});</li>
     * <li>watches it: when {@code busySince} reports a unit of work that started longer ago than
     * the partition's watchdog bound, the kernel reports a <em>stall</em> once for that unit of
     * work, with the thread's stack, in the audit log ({@code partition.stall}), the log and
     * {@link SchedulerStats#lastStall()}. A stalled loop is reported, not interrupted.</li>
     * </ul>
     * The thread leaves the partition when {@code loop} returns or throws. Call it from the
     * factory that creates the thread, and start the thread as usual.
     *
     * @param role what the thread does, shown beside it (e.g. {@code vertx-eventloop})
     * @param loop the thread's body
     * @param busySince the {@link System#nanoTime()} at which the thread's current unit of work
     *        began, or 0 while it is idle; called from the kernel's watchdog thread, so it must be
     *        cheap and thread-safe
     * @return the body to give the thread
     * @throws RejectedExecutionException if the partition has been removed
     */
    Runnable ownThread(String role, Runnable loop, LongSupplier busySince);
}
