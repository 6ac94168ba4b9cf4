package io.hallows.kernel.api;

/** Why a scheduler instance stopped serving a partition, as sched_ext records an exit kind. */
public enum ExitReason {
    /** An operator swapped or rolled back (shell, admin API, or a configuration change). */
    OPERATOR,
    /** A newer revision of its bundle was installed or updated, or its service went away. */
    UPDATE,
    /** Its own code threw: from submit, handBack, its factory, or a worker loop. */
    ERROR,
    /** The watchdog saw a task runnable for longer than the partition's bound. */
    STALL;

    /** Lower case, as shown and audited. */
    @Override
    public String toString() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
