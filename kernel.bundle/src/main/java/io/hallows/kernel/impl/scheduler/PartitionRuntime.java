package io.hallows.kernel.impl.scheduler;

import io.hallows.kernel.api.PartitionExecutor;
import io.hallows.kernel.api.SchedulerStats;
import io.hallows.kernel.api.TaskHints;
import io.hallows.kernel.impl.partition.PartitionConfig;
import io.hallows.kernel.impl.protect.PerHolder;
import io.hallows.kernel.spi.Task;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.LongSupplier;
import org.osgi.framework.Bundle;

/**
 * A partition's scheduling: the executor partition code submits to, the kernel's task registry
 * and key chains, its threads and its figures. This class is the submission and completion path;
 * where a submission goes is its {@link Switchboard}'s answer, which {@link SwapProtocol} changes.
 * Other bundles submit through a {@link HolderExecutor}, which marks each task with the bundle
 * that submitted it (the watchdog names it when the task overruns).
 */
final class PartitionRuntime implements PartitionExecutor, LaneHost, PerHolder<PartitionExecutor> {
    private final String name;
    private final BiConsumer<Lane, String> onLaneFailure;
    private final TaskFailures failures;
    private volatile PartitionConfig config;
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicInteger epochs = new AtomicInteger(KernelTask.FIRST_EPOCH);
    private final TaskRegistry registry = new TaskRegistry();
    private final KeyChains keys = new KeyChains();
    private final Switchboard switchboard = new Switchboard();
    private final PartitionFigures figures = new PartitionFigures();
    private final ThreadRoster threads;
    private volatile boolean closed;

    PartitionRuntime(PartitionConfig config, BiConsumer<Lane, String> onLaneFailure) {
        this(config, onLaneFailure, Pinner.NONE);
    }

    PartitionRuntime(PartitionConfig config, BiConsumer<Lane, String> onLaneFailure, Pinner pinner) {
        this(config, onLaneFailure, pinner, TaskFailures.NONE);
    }

    /**
     * @param onLaneFailure told when a lane's own scheduler code fails (on the failing thread)
     * @param failures counts failed tasks, for the supervisor's "repeated task failures" fault
     */
    PartitionRuntime(PartitionConfig config, BiConsumer<Lane, String> onLaneFailure, Pinner pinner, TaskFailures failures) {
        this.name = config.name();
        this.config = config;
        this.onLaneFailure = onLaneFailure;
        this.failures = failures;
        this.threads = new ThreadRoster(name, () -> this.config.cpus(), pinner);
    }

    @Override
    public String partition() {
        return name;
    }

    @Override
    public String name() {
        return name;
    }

    PartitionConfig config() {
        return config;
    }

    void reconfigure(PartitionConfig newConfig) {
        config = newConfig;
    }

    @Override
    public String option(String option, String otherwise) {
        return config.schedulerOptions().getOrDefault(option, otherwise);
    }

    long watchdogNanos() {
        return config.watchdog().toNanos();
    }

    int nextEpoch() {
        return epochs.getAndIncrement();
    }

    Switchboard switchboard() {
        return switchboard;
    }

    /** The lane serving the partition now, or null before it has one. */
    Lane active() {
        return switchboard.active();
    }

    TaskRegistry tasks() {
        return registry;
    }

    PartitionFigures figures() {
        return figures;
    }

    ThreadRoster threads() {
        return threads;
    }

    /** The executor as {@code holder} gets it through the kernel's proxy: its tasks name it as their submitter. */
    @Override
    public PartitionExecutor forHolder(Bundle holder) {
        return new HolderExecutor(this, Provenance.of(holder));
    }

    @Override
    public void execute(Runnable task) {
        execute(task, TaskHints.NONE, null);
    }

    @Override
    public void execute(Runnable task, TaskHints hints) {
        execute(task, hints, null);
    }

    @Override
    public <T> CompletableFuture<T> submit(Callable<T> task, TaskHints hints) {
        return submit(task, hints, null);
    }

    /** @param submitter the bundle submitting, as {@link Provenance} names it, or null inside the kernel */
    void execute(Runnable task, TaskHints hints, String submitter) {
        enqueue(Objects.requireNonNull(task, "task"), hints == null ? TaskHints.NONE : hints, submitter);
    }

    /** @param submitter as for {@link #execute(Runnable, TaskHints, String)} */
    <T> CompletableFuture<T> submit(Callable<T> task, TaskHints hints, String submitter) {
        Objects.requireNonNull(task, "task");
        CompletableFuture<T> future = new CompletableFuture<>();
        enqueue(new CallTask<>(task, future), hints == null ? TaskHints.NONE : hints, submitter);
        return future;
    }

    @Override
    public Runnable ownThread(String role, Runnable loop, LongSupplier busySince) {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(loop, "loop");
        Objects.requireNonNull(busySince, "busySince");
        if (closed) {
            throw removed("owns no more threads");
        }
        return () -> {
            LoopThread self = threads.loopStarting(role, busySince);
            try {
                loop.run();
            } finally {
                threads.loopExited(self);
            }
        };
    }

    private RejectedExecutionException removed(String what) {
        return new RejectedExecutionException("partition '" + name + "' has been removed: it " + what);
    }

    private void enqueue(Runnable body, TaskHints hints, String submitter) {
        if (closed) {
            throw removed("takes no more tasks");
        }
        long now = System.nanoTime();
        long deadline = hints.deadline() == null ? Task.NO_DEADLINE : now + hints.deadline().toNanos();
        KernelTask task = new KernelTask(this, body, sequence.incrementAndGet(), now, deadline, hints.key(),
                hints.batchKey(), hints.priority(), submitter);
        registry.add(task);
        if (task.key() == null || keys.admit(task)) {
            dispatch(task);
        }
    }

    private void dispatch(KernelTask task) {
        while (!switchboard.target().offer(task)) {
            Thread.onSpinWait(); // the sink closed under us: a switch has just pointed the target elsewhere
        }
    }

    @Override
    public void workerStarting(LaneThread worker) {
        figures.workerJoined(worker.figures);
        threads.workerStarting(worker);
    }

    @Override
    public void workerExited(LaneThread worker) {
        threads.workerExited(worker);
        figures.workerLeft(worker.figures);
    }

    @Override
    public void completed(LaneThread worker, KernelTask task, Throwable failure) {
        // The clock is read only when needed: a sampled latency, a failure, a key's next task released.
        WorkerFigures own = worker.figures;
        String key = task.key();
        long now = own.sampled() || failure != null || key != null ? System.nanoTime() : 0;
        if (own.sampled() || failure != null) {
            own.taskEnded(now - task.submittedAt(), failure == null);
            if (failure != null) {
                failures.failed(now, failure instanceof TaskFailure carried ? carried.getCause() : failure);
            }
        } else {
            own.taskEnded(true);
        }
        if (key != null) {
            KernelTask next = keys.next(key);
            if (next != null && !closed) {
                next.runnableAt = now;
                dispatch(next);
            }
        }
    }

    @Override
    public void laneFailed(Lane lane, String detail) {
        onLaneFailure.accept(lane, detail);
    }

    SchedulerStats stats() {
        return figures.snapshot(name, switchboard.active(), config, threads.loopCount(), sequence::get);
    }

    /** Refuses new submissions; tasks not yet run are abandoned with the partition. */
    void close() {
        closed = true;
        Lane lane = switchboard.close(task -> {
            throw removed("takes no more tasks");
        });
        if (lane != null) {
            lane.close();
            lane.deactivate();
        }
    }
}
