package io.hallows.kernel.impl.partition;

/** Told of accepted partition configurations, on the supervisor thread, in order. */
public interface PartitionListener {
    /** A partition was declared. */
    void declared(PartitionConfig config);

    /** A partition's configuration changed (its name stays the same). */
    void changed(PartitionConfig before, PartitionConfig after);

    /** A partition's configuration was deleted. */
    void removed(PartitionConfig config);
}
