package io.hallows.kernel.impl.scheduler;

import io.hallows.kernel.spi.Scheduler;
import io.hallows.kernel.spi.SchedulerContext;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One scheduler instance serving one partition, with the kernel's bookkeeping around it: its
 * epoch (the task state that lets it run a task), its worker threads, and a gate that closes it
 * to submitters when it is switched out.
 *
 * <p>The gate costs no shared counter per task. It is a Dekker handshake on two volatile
 * variables: a submitter writes its task's state (this lane's epoch), then reads {@code closed};
 * the switch writes {@code closed}, then reads every task's state in the registry. One of the
 * two sees the other: either the switch finds the task (and moves it), or the submitter finds the
 * gate closed and takes its task back with a compare-and-set, unless the switch or a worker took
 * it first, and offers it to the new lane. A submitter still inside the old scheduler's
 * {@code submit} is never waited for.
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
        if (closed) {
            return false;
        }
        task.placeWithFence(epoch); // before reading closed again: the switch reads the states after writing it
        try {
            scheduler.submit(task);
        } catch (Throwable e) {
            if (!closed) { // refusing tasks once switched out is no fault
                // The task is this lane's (its state says so): aborting the lane takes it back.
                fail("submit threw " + e);
            }
        }
        // The gate closed meanwhile: the switch may have read the task's state before it was written.
        return !(closed && task.transfer(epoch, KernelTask.HELD));
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

    /**
     * Closes the gate: submitters look for the new target from now on, and one still inside
     * {@code submit} takes its task back if the caller's registry walk, which must come after
     * this, does not find it.
     */
    void close() {
        closed = true;
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
