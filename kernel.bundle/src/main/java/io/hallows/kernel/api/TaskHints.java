package io.hallows.kernel.api;

import java.time.Duration;

/**
 * What a policy may use to place a task. Every hint is optional.
 *
 * @param deadline how soon after submission the task should be complete, or null
 * @param key ordering key, or null: tasks with the same key run one at a time, in submission order
 *     (the kernel guarantees this whatever the scheduler, across swaps too)
 * @param batchKey batch key, or null: a batching policy may run tasks with the same batch key together
 * @param priority higher runs first where a policy orders by priority; 0 by default
 */
public record TaskHints(Duration deadline, String key, String batchKey, int priority) {
    /** No hints. */
    public static final TaskHints NONE = new TaskHints(null, null, null, 0);

    /**
     * @throws IllegalArgumentException if the deadline is negative
     */
    public TaskHints {
        if (deadline != null && deadline.isNegative()) {
            throw new IllegalArgumentException("deadline must not be negative (was " + deadline + ")");
        }
    }

    /** Hints with only an ordering key. */
    public static TaskHints key(String key) {
        return new TaskHints(null, key, null, 0);
    }

    /** Hints with only a batch key. */
    public static TaskHints batch(String batchKey) {
        return new TaskHints(null, null, batchKey, 0);
    }

    /** Hints with only a deadline. */
    public static TaskHints deadline(Duration deadline) {
        return new TaskHints(deadline, null, null, 0);
    }

    /** These hints with another deadline. */
    public TaskHints withDeadline(Duration newDeadline) {
        return new TaskHints(newDeadline, key, batchKey, priority);
    }

    /** These hints with another ordering key. */
    public TaskHints withKey(String newKey) {
        return new TaskHints(deadline, newKey, batchKey, priority);
    }

    /** These hints with another priority. */
    public TaskHints withPriority(int newPriority) {
        return new TaskHints(deadline, key, batchKey, newPriority);
    }
}
