package io.hallows.kernel.spi;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A submitted unit of work, as schedulers see it: its hints and a way to run it. Created by the
 * kernel; schedulers only hold and run them.
 */
@ProviderType
public interface Task {
    /** No deadline: the value {@link #deadline()} returns for tasks without one. */
    long NO_DEADLINE = Long.MAX_VALUE;

    /** Order of submission within the partition: lower was submitted first. */
    long sequence();

    /** When the task was submitted, in {@link System#nanoTime()} units. */
    long submittedAt();

    /** When the task should be complete, in {@link System#nanoTime()} units, or {@link #NO_DEADLINE}. */
    long deadline();

    /** The ordering key, or null. The kernel hands schedulers one task per key at a time. */
    String key();

    /** The batch key, or null: tasks with the same batch key may be run together as one batch. */
    String batchKey();

    /** Priority, higher first; 0 when not given. */
    int priority();

    /**
     * Runs the task on the calling thread, which must be one of this instance's worker threads.
     * The body's own exceptions are caught and counted by the kernel, never thrown here.
     *
     * @return true if it ran; false if it was not this instance's to run (already run, or taken
     *     back by the kernel): a scheduler just drops it
     * @throws IllegalStateException if called on a thread that is not a worker of the partition
     */
    boolean run();
}
