package io.hallows.kernel.impl.scheduler;

import io.hallows.kernel.api.PartitionExecutor;
import io.hallows.kernel.api.SchedulerStats;
import io.hallows.kernel.api.SwapRecord;
import io.hallows.kernel.api.TaskHints;
import io.hallows.hal.api.CpuSet;
import io.hallows.hal.api.Outcome;
import io.hallows.kernel.impl.partition.PartitionConfig;
import io.hallows.kernel.spi.Task;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiConsumer;
import java.util.function.LongSupplier;

/**
 * A partition's scheduling: the executor partition code submits to, the kernel's task registry
 * and key chains, and the lane (scheduler instance) currently serving it. Switching lanes is
 * {@link SwapProtocol}'s job; this class is the submission and completion path.
 */
final class PartitionRuntime implements PartitionExecutor {
    private static final int SWAPS_KEPT = 64;

    private final String name;
    private final BiConsumer<Lane, String> onLaneFailure;
    private volatile PartitionConfig config;
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicInteger epochs = new AtomicInteger(KernelTask.FIRST_EPOCH);
    final TaskRegistry registry = new TaskRegistry();
    private final KeyChains keys = new KeyChains();
    final Bypass bypass = new Bypass();
    final ReentrantLock switching = new ReentrantLock();
    volatile Sink target;
    volatile Lane active;
    /** The choice before the latest switch, for rollback. */
    volatile SchedulerChoice previous;
    private final LongAdder submitted = new LongAdder();
    private final LongAdder started = new LongAdder();
    private final LongAdder completed = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LatencyHistogram latency = new LatencyHistogram();
    private final ArrayDeque<SwapRecord> swaps = new ArrayDeque<>();
    private volatile SwapRecord lastExit;
    private volatile boolean closed;
    private final ThreadRoster threads;
    private final LongAdder stalls = new LongAdder();
    private volatile Stall lastStall;

    PartitionRuntime(PartitionConfig config, BiConsumer<Lane, String> onLaneFailure) {
        this(config, onLaneFailure, Pinner.NONE);
    }

    PartitionRuntime(PartitionConfig config, BiConsumer<Lane, String> onLaneFailure, Pinner pinner) {
        this.name = config.name();
        this.config = config;
        this.onLaneFailure = onLaneFailure;
        this.threads = new ThreadRoster(name, () -> this.config.cpus(), pinner);
    }

    /** Run by each worker as it starts, before its scheduler's loop: joins and pins itself. */
    void bindWorker(LaneThread worker) {
        threads.workerStarting(worker);
    }

    void workerExited(LaneThread worker) {
        threads.workerExited(worker);
    }

    /** Pins every live thread again (a HAL arrived late, or the cpus changed); see {@link ThreadRoster#rebind}. */
    List<Outcome<CpuSet>> rebindWorkers() {
        return threads.rebind();
    }

    /** Each live thread, workers of every lane and loops, with what it is pinned to. */
    List<WorkerPin> workers() {
        return threads.list();
    }

    /** The loop threads the partition owns now, for the watchdog. */
    List<LoopThread> loops() {
        return threads.loops();
    }

    /** Counts a stall of one of its loops, the watchdog's finding, in the partition's figures. */
    void recordStall(Stall stall) {
        stalls.increment();
        lastStall = stall;
    }

    @Override
    public String partition() {
        return name;
    }

    String name() {
        return name;
    }

    PartitionConfig config() {
        return config;
    }

    void reconfigure(PartitionConfig newConfig) {
        config = newConfig;
    }

    String option(String option, String otherwise) {
        return config.schedulerOptions().getOrDefault(option, otherwise);
    }

    long watchdogNanos() {
        return config.watchdog().toNanos();
    }

    int nextEpoch() {
        return epochs.getAndIncrement();
    }

    @Override
    public void execute(Runnable task) {
        enqueue(Objects.requireNonNull(task, "task"), TaskHints.NONE);
    }

    @Override
    public void execute(Runnable task, TaskHints hints) {
        enqueue(Objects.requireNonNull(task, "task"), hints == null ? TaskHints.NONE : hints);
    }

    @Override
    public <T> CompletableFuture<T> submit(Callable<T> task, TaskHints hints) {
        Objects.requireNonNull(task, "task");
        CompletableFuture<T> future = new CompletableFuture<>();
        enqueue(() -> {
            try {
                future.complete(task.call());
            } catch (Throwable e) {
                future.completeExceptionally(e);
                throw new TaskFailure(e); // counted as a failure, as an execute()d task that throws
            }
        }, hints == null ? TaskHints.NONE : hints);
        return future;
    }

    private void enqueue(Runnable body, TaskHints hints) {
        if (closed) {
            throw new RejectedExecutionException("partition '" + name + "' has been removed: it takes no more tasks");
        }
        long now = System.nanoTime();
        long deadline = hints.deadline() == null ? Task.NO_DEADLINE : now + hints.deadline().toNanos();
        KernelTask task = new KernelTask(this, body, sequence.incrementAndGet(), now, deadline, hints.key(),
                hints.batchKey(), hints.priority());
        submitted.increment();
        registry.add(task);
        if (task.key() == null || keys.admit(task)) {
            dispatch(task);
        }
    }

    private void dispatch(KernelTask task) {
        while (!target.offer(task)) {
            Thread.onSpinWait(); // the sink closed under us: a switch has just pointed target elsewhere
        }
    }

    void started() {
        started.increment();
    }

    void completed(KernelTask task, Throwable failure) {
        latency.record(System.nanoTime() - task.submittedAt());
        if (failure == null) {
            completed.increment();
        } else {
            failed.increment();
        }
        if (task.key() != null) {
            KernelTask next = keys.next(task.key());
            if (next != null && !closed) {
                next.runnableAt = System.nanoTime();
                dispatch(next);
            }
        }
    }

    void laneFailed(Lane lane, String detail) {
        onLaneFailure.accept(lane, detail);
    }

    void recordSwap(SwapRecord record) {
        synchronized (swaps) {
            if (swaps.size() == SWAPS_KEPT) {
                swaps.removeFirst();
            }
            swaps.addLast(record);
        }
        if (record.reason() != io.hallows.kernel.api.ExitReason.OPERATOR) {
            lastExit = record;
        }
    }

    SchedulerStats stats() {
        Lane lane = active;
        Stall stall = lastStall;
        long subs = submitted.sum();
        long starts = started.sum();
        long done = completed.sum() + failed.sum();
        List<SwapRecord> recent;
        synchronized (swaps) {
            recent = List.copyOf(swaps);
        }
        Map<String, Object> policy;
        try {
            policy = lane == null ? Map.of() : Map.copyOf(lane.scheduler().metrics());
        } catch (RuntimeException e) {
            policy = Map.of("error", "metrics() threw " + e);
        }
        return new SchedulerStats(name, lane == null ? "-" : lane.choice.label(), config.workers(),
                config.watchdog().toMillis(), subs, completed.sum(), failed.sum(), Math.max(0, subs - starts),
                Math.max(0, starts - done), latency.quantile(0.5) / 1e3, latency.quantile(0.99) / 1e3,
                latency.quantile(0.999) / 1e3, recent, lastExit, policy, threads.loopCount(), stalls.sum(),
                stall == null ? null : stall.describe());
    }

    /** Refuses new submissions; tasks not yet run are abandoned with the partition. */
    void close() {
        closed = true;
        target = task -> {
            throw new RejectedExecutionException("partition '" + name + "' has been removed: it takes no more tasks");
        };
        Lane lane = active;
        if (lane != null) {
            lane.closeAndQuiesce(watchdogNanos());
            lane.deactivate();
        }
    }

    @Override
    public Runnable ownThread(String role, Runnable loop, LongSupplier busySince) {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(loop, "loop");
        Objects.requireNonNull(busySince, "busySince");
        if (closed) {
            throw new RejectedExecutionException("partition '" + name + "' has been removed: it owns no more threads");
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

    /** A task body's checked exception, carried out of a Runnable; counted as the task's failure. */
    private static final class TaskFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TaskFailure(Throwable cause) {
            super(cause);
        }
    }
}
