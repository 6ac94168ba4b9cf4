package io.hallows.kernel.impl.scheduler;

/**
 * What a lane, its workers and its tasks report back to the partition they serve. The partition's
 * runtime implements it; lanes and tasks know only this, so references point one way: the runtime
 * owns its lanes, the lanes answer to this interface.
 */
interface LaneHost {
    /** The partition's name. */
    String name();

    /** A scheduler option from the partition's configuration, or {@code otherwise}. */
    String option(String option, String otherwise);

    /** A worker is starting, before its scheduler's loop (it records its id and pins itself). */
    void workerStarting(LaneThread worker);

    void workerExited(LaneThread worker);

    /** A task has run on {@code worker} (the calling thread): {@code failure} is what it threw, or null. */
    void completed(LaneThread worker, KernelTask task, Throwable failure);

    /** The lane's own scheduler code failed; the partition should revert from it. */
    void laneFailed(Lane lane, String detail);
}
