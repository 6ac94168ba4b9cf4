package io.hallows.kernel.impl.scheduler;

import io.hallows.kernel.api.PartitionExecutor;
import io.hallows.kernel.api.SchedulerStats;
import io.hallows.kernel.api.SwapRecord;
import io.hallows.kernel.api.TaskHints;
import io.hallows.hal.api.CpuSet;
import io.hallows.hal.api.Outcome;
import io.hallows.kernel.impl.hal.HalBinding;
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
    private final Pinner pinner;
    /** Every live worker of every lane, for pinning again; also the lock pinning happens under. */
    private final java.util.Set<LaneThread> workers = new java.util.HashSet<>();

    PartitionRuntime(PartitionConfig config, BiConsumer<Lane, String> onLaneFailure) {
        this(config, onLaneFailure, Pinner.NONE);
    }

    PartitionRuntime(PartitionConfig config, BiConsumer<Lane, String> onLaneFailure, Pinner pinner) {
        this.name = config.name();
        this.config = config;
        this.onLaneFailure = onLaneFailure;
        this.pinner = pinner;
    }

    /**
     * Run by each worker as it starts, before its scheduler's loop: records its id, joins the
     * partition's workers and pins itself to the partition's cpus. Never throws: a worker that
     * cannot be pinned runs unpinned and says why.
     */
    void bindWorker(LaneThread worker) {
        worker.tid = HalBinding.currentThreadId();
        synchronized (workers) { // one pinning at a time per partition, so the last cpus win
            workers.add(worker);
            worker.pinned = pinCurrent(config.cpus());
        }
    }

    private Outcome<CpuSet> pinCurrent(CpuSet cpus) {
        try {
            return pinner.pinCurrent(cpus);
        } catch (RuntimeException e) {
            return Outcome.unsupported("pinning failed: " + e);
        }
    }

    void workerExited(LaneThread worker) {
        synchronized (workers) {
            workers.remove(worker);
        }
    }

    /**
     * Pins every live worker again, of every lane (a new lane's workers may not be active yet):
     * a HAL arrived after they started, or the cpus changed. A worker starting meanwhile pins
     * itself under the same lock, reading the configuration then.
     *
     * @return what each worker is pinned to now
     */
    List<Outcome<CpuSet>> rebindWorkers() {
        synchronized (workers) {
            CpuSet cpus = config.cpus();
            List<Outcome<CpuSet>> outcomes = new java.util.ArrayList<>();
            for (LaneThread worker : workers) {
                long tid = worker.tid;
                if (tid >= 0) {
                    try {
                        worker.pinned = pinner.pin(tid, cpus);
                    } catch (RuntimeException e) {
                        worker.pinned = Outcome.unsupported("pinning failed: " + e);
                    }
                    outcomes.add(worker.pinned);
                }
            }
            return outcomes;
        }
    }

    /** Each live worker, of every lane, with what it is pinned to. */
    List<WorkerPin> workers() {
        synchronized (workers) {
            return workers.stream().map(t -> new WorkerPin(name, t.getName(), t.tid, t.pinned)).toList();
        }
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
                latency.quantile(0.999) / 1e3, recent, lastExit, policy);
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
    public Runnable ownThread(String role, Runnable loop, java.util.function.LongSupplier busySince) {
        throw new UnsupportedOperationException("not yet: partition-owned loop threads"); // TODO(kernel-sched helper)
    }

    /** A task body's checked exception, carried out of a Runnable; counted as the task's failure. */
    private static final class TaskFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TaskFailure(Throwable cause) {
            super(cause);
        }
    }
}
