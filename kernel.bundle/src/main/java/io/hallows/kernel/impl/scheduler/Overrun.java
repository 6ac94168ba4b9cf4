package io.hallows.kernel.impl.scheduler;

import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * A task that ran for longer than its partition's watchdog bound: which task, who submitted it,
 * and its worker's stack when the watchdog saw it (a {@link Stall} of the worker).
 *
 * @param task        the task, as {@code task #12 key k}
 * @param submitter   the bundle that submitted it (id, location, name), or null if the kernel cannot know
 * @param boundMillis the partition's watchdog bound
 * @param worker      its worker thread, how long the task had run, and the stack
 */
record Overrun(String task, String submitter, long boundMillis, Stall worker) {

    /** What {@code thread} is doing now, as an overrun of {@code task}, {@code ranNanos} into it. */
    static Overrun of(KernelTask task, Thread thread, long ranNanos, long boundNanos) {
        return new Overrun(task.toString(), task.submitter(), TimeUnit.NANOSECONDS.toMillis(boundNanos),
                new Stall(thread.getName(), "worker", TimeUnit.NANOSECONDS.toMillis(ranNanos), Instant.now(), thread.getStackTrace()));
    }

    private String who() {
        return task + " submitted by " + (submitter == null ? "the kernel (no bundle known)" : submitter);
    }

    /** One line for the audit log and the supervisor's fault: the task, its submitter, and where it was. */
    String summary() {
        return who() + " overran the watchdog bound of " + boundMillis + " ms and was interrupted; " + worker.summary();
    }

    /** The whole of it, for {@code hallows:stats}. */
    String describe() {
        return who() + " overran the watchdog bound of " + boundMillis + " ms: " + worker.describe();
    }
}
