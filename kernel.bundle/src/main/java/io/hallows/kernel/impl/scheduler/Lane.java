package io.hallows.kernel.impl.scheduler;

import io.hallows.kernel.spi.Scheduler;
import io.hallows.kernel.spi.SchedulerContext;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * One scheduler instance serving one partition, with the kernel's bookkeeping around it: its
 * epoch (the task state that lets it run a task), its worker threads, and a gate that tells when
 * no submitter is still inside its {@code submit} after it has been closed.
 */
final class Lane implements Sink, SchedulerContext {
    final int epoch;
    final SchedulerChoice choice;
    private final LaneHost host;
    private final int parallelism;
    private Scheduler scheduler;
    private volatile boolean closed;
    private volatile boolean active = true;
    private final AtomicBoolean failed = new AtomicBoolean();
    private final LongAdder entered = new LongAdder();
    private final LongAdder left = new LongAdder();
    /** Every worker started, replacements and written-off ones included; also the lock of starting one. */
    private final List<LaneThread> threads = new CopyOnWriteArrayList<>();
    private final AtomicInteger replacements = new AtomicInteger();
    /** Workers the scheduler started, so the next one's index; guarded by {@code threads}. */
    private int workersStarted;

    Lane(LaneHost host, int epoch, SchedulerChoice choice, int parallelism) {
        this.host = host;
        this.epoch = epoch;
        this.choice = choice;
        this.parallelism = parallelism;
    }

    /** Binds the instance the factory made with this lane as its context. */
    void bind(Scheduler instance) {
        this.scheduler = instance;
    }

    Scheduler scheduler() {
        return scheduler;
    }

    @Override
    public boolean offer(KernelTask task) {
        entered.increment();
        try {
            if (closed) {
                return false;
            }
            task.placeWith(epoch);
            scheduler.submit(task);
        } catch (Throwable e) {
            // The task is this lane's (its state says so): aborting the lane takes it back.
            fail("submit threw " + e);
        } finally {
            left.increment();
        }
        return true;
    }

    /** Gives a task to this lane's scheduler before the lane opens to submitters. */
    void preload(KernelTask task) {
        task.placeWith(epoch);
        try {
            scheduler.submit(task);
        } catch (Throwable e) {
            fail("submit threw " + e);
        }
    }

    /** Closes the gate and waits until no submitter is inside {@code submit}; false on timeout. */
    boolean closeAndQuiesce(long timeoutNanos) {
        closed = true;
        long deadline = System.nanoTime() + timeoutNanos;
        // Read left before entered: a submitter counted in left is counted in entered too, so equal
        // sums mean none was inside submit; one entering later sees closed (both are volatile).
        for (int spins = 0; left.sum() != entered.sum(); spins++) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            if (spins < 1_000) {
                Thread.onSpinWait();
            } else {
                LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(20));
            }
        }
        return true;
    }

    /** Switches the lane off: loops should return; idle workers are interrupted, busy ones when their task ends. */
    void deactivate() {
        synchronized (threads) { // a replacement started meanwhile is either refused or interrupted here
            active = false;
        }
        for (LaneThread t : threads) {
            if (!t.inTask) {
                t.interrupt();
            }
        }
    }

    /**
     * Writes off {@code stuck}, a worker that stayed in an overrunning task after the watchdog's
     * interrupt, and starts a fresh worker with its index running the same scheduler loop, so the
     * lane keeps its parallelism. The stuck thread leaves the loop if its task ever returns.
     *
     * @return the replacement, or null if the lane is switched off (its successor has its own workers)
     */
    LaneThread replace(LaneThread stuck) {
        stuck.writtenOff = true;
        synchronized (threads) {
            if (!active) {
                return null;
            }
            return spawn(stuck.index, stuck.loop, "-r" + replacements.incrementAndGet());
        }
    }

    /** Reports a fault in this instance's own code, once. */
    void fail(String detail) {
        if (active && failed.compareAndSet(false, true)) {
            host.laneFailed(this, detail);
        }
    }

    /** On a worker, after its task completed. */
    void finished() {
        if (!active()) {
            Thread.currentThread().interrupt(); // wakes the loop if it blocks again
        }
    }

    @Override
    public String partition() {
        return host.name();
    }

    @Override
    public int parallelism() {
        return parallelism;
    }

    @Override
    public String option(String name, String otherwise) {
        return host.option(name, otherwise);
    }

    @Override
    public Thread startWorker(Runnable loop) {
        synchronized (threads) {
            return spawn(workersStarted++, loop, "");
        }
    }

    private LaneThread spawn(int index, Runnable loop, String suffix) {
        LaneThread[] self = new LaneThread[1];
        String name = "hallows-" + host.name() + "-" + choice.name() + "-" + epoch + "-" + index + suffix;
        self[0] = new LaneThread(this, index, name, loop, () -> {
            try {
                host.workerStarting(self[0]);
                loop.run();
            } catch (Throwable e) {
                if (!self[0].writtenOff) { // a written-off worker's loop may trip over its replacement: not the policy's fault
                    fail("worker " + self[0].getName() + " threw " + e);
                }
            } finally {
                host.workerExited(self[0]);
            }
        });
        threads.add(self[0]);
        self[0].start();
        return self[0];
    }

    @Override
    public int workerIndex() {
        return Thread.currentThread() instanceof LaneThread t && t.lane == this ? t.index : -1;
    }

    /** False once the lane is switched off, and on a worker the watchdog wrote off. */
    @Override
    public boolean active() {
        return active && !(Thread.currentThread() instanceof LaneThread t && t.writtenOff);
    }
}
