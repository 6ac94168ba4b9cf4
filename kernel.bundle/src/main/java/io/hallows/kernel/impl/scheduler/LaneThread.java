package io.hallows.kernel.impl.scheduler;

import io.hallows.hal.api.CpuSet;
import io.hallows.hal.api.Outcome;

/**
 * A worker thread the kernel gave to one scheduler instance (a lane); tasks run only on these. A
 * worker the watchdog wrote off (it stayed in an overrunning task after the interrupt) leaves its
 * scheduler's loop if its task ever returns: {@link Lane#active()} answers false on it, and a
 * replacement with the same index runs the loop in its place.
 */
final class LaneThread extends Thread {
    final Lane lane;
    final int index;
    /** The scheduler's loop, which a replacement runs again. */
    final Runnable loop;
    /** Its tasks' counts and latencies, written by this thread alone. */
    final WorkerFigures figures = new WorkerFigures();
    /** True while it runs a task body, so switching out the lane interrupts only idle workers. */
    volatile boolean inTask;
    /** Its kernel thread id once it runs (-1 before, or where it cannot be known), for pinning it from outside. */
    volatile long tid = -1;
    /** What it is pinned to (the affinity read back), or why it is not pinned. */
    volatile Outcome<CpuSet> pinned = Outcome.unsupported("not started");
    /** Set once by the watchdog: the lane has a replacement for it; it must not take more work. */
    volatile boolean writtenOff;
    /** The task whose body it runs now, or null; the watchdog interrupts it only while it still is. */
    private volatile KernelTask current;
    /** The overrunning task the watchdog interrupted, and when; read and written by the watchdog's thread only. */
    private KernelTask interrupted;
    private long interruptedAt;

    /** @param name its thread name, from {@link Lane} */
    LaneThread(Lane lane, int index, String name, Runnable loop, Runnable body) {
        super(body, name);
        this.lane = lane;
        this.index = index;
        this.loop = loop;
        setDaemon(true);
    }

    /** On this thread: its task's body begins. */
    void begin(KernelTask task) {
        current = task;
    }

    /**
     * On this thread: its task's body has returned. Under the same lock as {@link #interruptIfIn},
     * so an interrupt meant for this task never reaches the next one: it lands before the flag is
     * cleared here, or not at all.
     */
    synchronized void end() {
        current = null;
        Thread.interrupted();
    }

    KernelTask current() {
        return current;
    }

    /** Interrupts this thread if it still runs {@code task}, and remembers when; false if it has moved on. */
    synchronized boolean interruptIfIn(KernelTask task, long now) {
        if (current != task) {
            return false;
        }
        interrupted = task;
        interruptedAt = now;
        interrupt();
        return true;
    }

    /** Whether the watchdog already interrupted it in {@code task} (and reported the overrun). */
    boolean interruptedIn(KernelTask task) {
        return interrupted == task;
    }

    /** When the watchdog interrupted it ({@link System#nanoTime()}). */
    long interruptedAt() {
        return interruptedAt;
    }
}
