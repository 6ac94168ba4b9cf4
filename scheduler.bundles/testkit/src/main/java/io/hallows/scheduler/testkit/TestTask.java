package io.hallows.scheduler.testkit;

import io.hallows.kernel.spi.Task;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A task for policy unit tests: runs at most once (a second {@link #run()} returns false, as the
 * kernel's would), only on a worker of its context, and remembers where and when it ran.
 */
public final class TestTask implements Task {
    private static final AtomicLong SEQUENCE = new AtomicLong();

    private final TestContext context;
    private final Runnable body;
    private final long sequence = SEQUENCE.incrementAndGet();
    private final long submittedAt = System.nanoTime();
    private final long deadline;
    private final String key;
    private final String batchKey;
    private final int priority;
    private final AtomicBoolean taken = new AtomicBoolean();
    /** Every call of {@link #run()} on a worker, including those that return false. */
    private final AtomicInteger runCalls = new AtomicInteger();
    private volatile int worker = -1;
    private volatile long startedAt;
    private volatile long finishedAt;

    private TestTask(TestContext context, Runnable body, long deadline, String key, String batchKey, int priority) {
        this.context = context;
        this.body = body;
        this.deadline = deadline;
        this.key = key;
        this.batchKey = batchKey;
        this.priority = priority;
    }

    public static TestTask of(TestContext context, Runnable body) {
        return new TestTask(context, body, NO_DEADLINE, null, null, 0);
    }

    /** A task with hints; {@code deadlineNanos} is relative to now, or {@link Task#NO_DEADLINE}. */
    public static TestTask of(TestContext context, Runnable body, long deadlineNanos, String key, String batchKey, int priority) {
        long deadline = deadlineNanos == NO_DEADLINE ? NO_DEADLINE : System.nanoTime() + deadlineNanos;
        return new TestTask(context, body, deadline, key, batchKey, priority);
    }

    @Override
    public boolean run() {
        int index = context.workerIndex();
        if (index < 0) {
            throw new IllegalStateException(this + " run on " + Thread.currentThread().getName() + ", not a worker");
        }
        runCalls.incrementAndGet();
        if (!taken.compareAndSet(false, true)) {
            return false;
        }
        worker = index;
        startedAt = System.nanoTime();
        try {
            body.run();
        } catch (RuntimeException e) {
            // counted by the kernel in real life; a policy never sees a body's exception
        }
        finishedAt = System.nanoTime();
        return true;
    }

    public boolean ran() {
        return finishedAt != 0;
    }

    /**
     * How often a worker called {@link #run()}: 1 for a task a policy held once. A second call
     * returns false, as the kernel's does, so the body runs at most once; this count shows the
     * policy's mistake that the guard hides.
     */
    public int runCalls() {
        return runCalls.get();
    }

    /** The worker index it ran on, or -1. */
    public int worker() {
        return worker;
    }

    public long startedAt() {
        return startedAt;
    }

    public long finishedAt() {
        return finishedAt;
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

    @Override
    public String toString() {
        return "test task #" + sequence;
    }
}
