package io.hallows.kernel.impl.scheduler;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * One worker thread's task figures, kept by that thread alone: tasks started, completed and
 * failed, and their latency. The task path writes plain fields published by release stores; no
 * counter is shared between threads, so none bounces between cores. {@link PartitionFigures}
 * adds every worker's figures up when asked, and folds a worker's into its retired total when the
 * worker exits.
 */
final class WorkerFigures {
    private static final VarHandle STARTED;
    private static final VarHandle COMPLETED;
    private static final VarHandle FAILED;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            STARTED = lookup.findVarHandle(WorkerFigures.class, "started", long.class);
            COMPLETED = lookup.findVarHandle(WorkerFigures.class, "completed", long.class);
            FAILED = lookup.findVarHandle(WorkerFigures.class, "failed", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** One task in {@value #SAMPLE_EVERY} (by this worker's count) has its latency recorded. */
    static final int SAMPLE_EVERY = 8;
    private long started;
    private long completed;
    private long failed;
    private final LatencyHistogram latency = new LatencyHistogram();

    /** On the owning worker: a task starts. */
    void taskStarted() {
        STARTED.setRelease(this, started + 1);
    }

    /**
     * On the owning worker: whether the task it has just run is one whose latency is recorded.
     * Latency is sampled because reading the clock costs as much as the rest of a task's
     * bookkeeping on a virtual machine (~40 ns for {@link System#nanoTime()} here); a sample of one
     * task in {@value #SAMPLE_EVERY} keeps the percentiles of any steady load. Counts are exact.
     */
    boolean sampled() {
        return (started & (SAMPLE_EVERY - 1)) == 1; // its first task, then every SAMPLE_EVERY-th
    }

    /** On the owning worker: a task ended ok or not, its latency not recorded. */
    void taskEnded(boolean ok) {
        if (ok) {
            COMPLETED.setRelease(this, completed + 1);
        } else {
            FAILED.setRelease(this, failed + 1);
        }
    }

    /** On the owning worker: a task ended, {@code latencyNanos} after its submission. */
    void taskEnded(long latencyNanos, boolean ok) {
        latency.record(latencyNanos);
        if (ok) {
            COMPLETED.setRelease(this, completed + 1);
        } else {
            FAILED.setRelease(this, failed + 1);
        }
    }

    long started() {
        return (long) STARTED.getAcquire(this);
    }

    long completed() {
        return (long) COMPLETED.getAcquire(this);
    }

    long failed() {
        return (long) FAILED.getAcquire(this);
    }

    void latencyInto(long[] buckets) {
        latency.addTo(buckets);
    }
}
