package io.hallows.kernel.impl.partition;

/** Told of accepted partition configurations, on the supervisor thread, in order. */
public interface PartitionListener {
    /** A partition was declared. */
    void declared(PartitionConfig config);

    /** A partition's configuration changed (its name stays the same). */
    void changed(PartitionConfig before, PartitionConfig after);

    /** A partition's configuration was deleted. */
    void removed(PartitionConfig config);

    /**
     * The supervisor is about to stop the partition's bundles ({@code why}: a restart after a
     * fault, an operator's restart, stop or quarantine): tasks of the partition that overran its
     * watchdog bound are given up then (the scheduler writes off their workers).
     */
    default void stopping(PartitionConfig config, String why) {
    }
}
