package io.hallows.kernel.impl.scheduler;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Counts a partition's failed tasks in a sliding window and raises an alarm when more than the
 * threshold fail within it: the supervisor's "repeated task failures" fault. After an alarm the
 * count starts again, so a partition that keeps failing raises one alarm per threshold of
 * failures, not one per failure.
 *
 * <p>Only failures take the lock: a task that completes normally costs nothing here.
 */
final class TaskFailures {
    /** Default: over 100 failed tasks ... */
    static final int DEFAULT_THRESHOLD = 100;
    /** ... within 10 seconds. */
    static final Duration DEFAULT_WINDOW = Duration.ofSeconds(10);
    /** Counts nothing and never raises an alarm. */
    static final TaskFailures NONE = new TaskFailures(Integer.MAX_VALUE, DEFAULT_WINDOW, reason -> { });

    private final int threshold;
    private final long windowNanos;
    private final Consumer<String> alarm;
    /** The times of the latest failures, a ring of {@code threshold} entries; guarded by {@code this}. */
    private final long[] times;
    private int next;
    private int count;

    /**
     * @param threshold failures that may happen within {@code window}; one more raises the alarm
     * @param alarm gets the reason; called on the failing task's thread, so it must hand off
     */
    TaskFailures(int threshold, Duration window, Consumer<String> alarm) {
        check(threshold, window);
        this.threshold = threshold;
        this.windowNanos = window.toNanos();
        this.alarm = alarm;
        this.times = new long[threshold == Integer.MAX_VALUE ? 0 : threshold];
    }

    /** IllegalArgumentException unless {@code threshold} is positive and {@code window} longer than zero. */
    static void check(int threshold, Duration window) {
        if (threshold < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("a failure threshold must be positive and its window longer than zero: "
                    + threshold + " in " + window);
        }
    }

    /** Counts one failure at {@code now} ({@link System#nanoTime()}), {@code failure} being what the task threw. */
    void failed(long now, Throwable failure) {
        if (times.length == 0) {
            return;
        }
        String reason = null;
        synchronized (this) {
            // The entry about to be overwritten is the failure {@code threshold} failures ago: if it
            // lies within the window, this one makes threshold + 1 within it.
            boolean over = count == threshold && now - times[next] <= windowNanos;
            times[next] = now;
            next = (next + 1) % threshold;
            count = Math.min(count + 1, threshold);
            if (over) {
                count = 0;
                reason = "repeated task failures: over " + threshold + " tasks failed within "
                        + TimeUnit.NANOSECONDS.toMillis(windowNanos) + " ms (the latest threw " + (failure == null ? "nothing" : failure.getClass().getName()) + ")";
            }
        }
        if (reason != null) {
            alarm.accept(reason);
        }
    }
}
