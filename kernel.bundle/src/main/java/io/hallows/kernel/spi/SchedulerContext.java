package io.hallows.kernel.spi;

import org.osgi.annotation.versioning.ProviderType;

/** The partition, as one scheduler instance sees it. Thread-safe. */
@ProviderType
public interface SchedulerContext {
    /** The partition's name. */
    String partition();

    /** How many worker threads this instance should start: the partition's {@code workers}. */
    int parallelism();

    /**
     * A policy option from the partition's configuration: key {@code scheduler.<name>}, e.g.
     * {@code scheduler.frameRate}. Returns {@code otherwise} when it is not set.
     */
    String option(String name, String otherwise);

    /**
     * Starts one of this instance's worker threads running {@code loop}. The loop should return
     * when {@link #active()} turns false or the thread is interrupted. If the loop throws, the
     * instance is aborted (exit reason {@code error}).
     *
     * @return the started thread
     */
    Thread startWorker(Runnable loop);

    /** The index (0-based, in start order) of the calling thread among this instance's workers, or -1. */
    int workerIndex();

    /**
     * False once the kernel has switched this instance out: loops should then return. Also false on
     * a worker the kernel wrote off (it stayed in a task past the watchdog bound after an interrupt;
     * a replacement runs its loop with the same {@link #workerIndex()}): check it before taking more work.
     */
    boolean active();
}
