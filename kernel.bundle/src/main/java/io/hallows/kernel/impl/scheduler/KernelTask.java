package io.hallows.kernel.impl.scheduler;

import io.hallows.kernel.spi.Task;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A task in the kernel's custody from submission to completion. Its state says who may run it:
 * a scheduler instance may run it only while the state is that instance's epoch, and running
 * takes it with one compare-and-set, so a task runs at most once whatever schedulers do.
 */
final class KernelTask implements Task {
    /** Waiting in the kernel behind an earlier task with the same key. */
    static final int HELD = 0;
    /** The first epoch a scheduler instance gets; later instances get higher ones (1 is unused). */
    static final int FIRST_EPOCH = 2;
    static final int RUNNING = -1;
    static final int DONE = -2;

    private static final VarHandle STATE;
    private static final VarHandle NEXT;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(KernelTask.class, "state", int.class);
            NEXT = MethodHandles.lookup().findVarHandle(KernelTask.class, "next", KernelTask.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final LaneHost host;
    private final Runnable body;
    private final long sequence;
    private final long submittedAt;
    private final long deadline;
    private final String key;
    private final String batchKey;
    private final int priority;
    /** The bundle that submitted it, as {@link Provenance} names it; null when submitted inside the kernel. */
    private final String submitter;
    @SuppressWarnings("unused") // through STATE
    private volatile int state;
    /**
     * Since when it has been waiting for a scheduler to start it; the watchdog's clock. A plain
     * field: every write to it comes before the task is placed with its owner (or before the new
     * lane is made active, in a swap), and the watchdog reads it only after it found the task
     * owned by the active lane, through those volatile writes.
     */
    long runnableAt;
    /**
     * When its body began to run; the watchdog's clock for overruns. A plain field: written before
     * the worker publishes the task as its current one ({@link LaneThread#begin}, a volatile write),
     * and read by the watchdog only after it read the task there.
     */
    private long startedAt;
    /** The task submitted after it, in {@link TaskRegistry}'s list (the registry needs no node of its own). */
    @SuppressWarnings("unused") // through NEXT
    private KernelTask next;

    KernelTask(LaneHost host, Runnable body, long sequence, long submittedAt, long deadline, String key,
            String batchKey, int priority, String submitter) {
        this.host = host;
        this.submitter = submitter;
        this.body = body;
        this.sequence = sequence;
        this.submittedAt = submittedAt;
        this.runnableAt = submittedAt;
        this.deadline = deadline;
        this.key = key;
        this.batchKey = batchKey;
        this.priority = priority;
    }

    /** The head a {@link TaskRegistry} starts from: no task, already done. */
    static KernelTask sentinel() {
        KernelTask s = new KernelTask(null, null, 0, 0, NO_DEADLINE, null, null, 0, null);
        s.state = DONE;
        return s;
    }

    /** The next task in the registry's list, or null if none is linked yet. */
    KernelTask next() {
        return (KernelTask) NEXT.getAcquire(this);
    }

    /** Links the task submitted after this one; once, by the thread that appended it. */
    void linkNext(KernelTask task) {
        NEXT.setRelease(this, task);
    }

    /** Places the task with a lane as a volatile write: the lane's gate reads its {@code closed} flag after it. */
    void placeWithFence(int owner) {
        state = owner;
    }

    int state() {
        return state;
    }

    /** Places the task with an owner (a lane's epoch); only the kernel calls this. */
    void placeWith(int owner) {
        STATE.setRelease(this, owner); // published to the scheduler by its queue, to the swap by the lane's gate
    }

    /** Moves the task from one owner to another; false if it is no longer {@code from}'s. */
    boolean transfer(int from, int to) {
        return STATE.compareAndSet(this, from, to);
    }

    @Override
    public boolean run() {
        if (!(Thread.currentThread() instanceof LaneThread worker)) {
            throw new IllegalStateException("task #" + sequence + " of partition '" + host.name()
                    + "' may only run on that partition's worker threads, not on " + Thread.currentThread().getName());
        }
        Lane lane = worker.lane;
        worker.inTask = true;
        if (!STATE.compareAndSet(this, lane.epoch, RUNNING)) {
            worker.inTask = false;
            return false;
        }
        worker.figures.taskStarted();
        Thread.interrupted(); // an interrupt meant for the worker's loop must not reach the task
        startedAt = System.nanoTime();
        worker.begin(this);
        Throwable failure = null;
        try {
            body.run();
        } catch (Throwable e) {
            failure = e;
        }
        // Clears the interrupt flag: a body that restores its interrupt (or one from the watchdog
        // that came late) leaves it set, and the worker's loop would take it as "switched out".
        // Lane.finished() sets it again if the lane really was switched out.
        worker.end();
        STATE.setRelease(this, DONE); // RUNNING already stops everyone else: no fence needed
        worker.inTask = false;
        host.completed(worker, this, failure);
        lane.finished();
        return true;
    }

    @Override
    public long sequence() {
        return sequence;
    }

    @Override
    public long submittedAt() {
        return submittedAt;
    }

    @Override
    public long deadline() {
        return deadline;
    }

    @Override
    public String key() {
        return key;
    }

    @Override
    public String batchKey() {
        return batchKey;
    }

    @Override
    public int priority() {
        return priority;
    }

    /** The bundle that submitted it, or null if the kernel cannot know (submitted inside the kernel). */
    String submitter() {
        return submitter;
    }

    /** What it runs; the watchdog and {@code hallows:kill} look for a waiter to release ({@link CallTask}). */
    Runnable body() {
        return body;
    }

    /** When its body began to run ({@link System#nanoTime()}); meaningful once it runs. */
    long startedAt() {
        return startedAt;
    }

    @Override
    public String toString() {
        return "task #" + sequence + (key == null ? "" : " key " + key);
    }
}
