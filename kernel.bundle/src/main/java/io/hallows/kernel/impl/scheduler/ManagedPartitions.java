package io.hallows.kernel.impl.scheduler;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The partitions the kernel schedules, by name: added and removed by {@link PartitionFollower}, read by the rest. */
final class ManagedPartitions {
    private final Map<String, ManagedPartition> byName = new ConcurrentHashMap<>();

    void add(ManagedPartition partition) {
        byName.put(partition.name(), partition);
    }

    Optional<ManagedPartition> remove(String name) {
        return Optional.ofNullable(byName.remove(name));
    }

    Optional<ManagedPartition> find(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(byName.get(name));
    }

    /** The partition called {@code name}; IllegalArgumentException naming the partitions there are if none. */
    ManagedPartition require(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("no partition '" + name + "' (partitions: "
                + String.join(", ", byName.keySet().stream().sorted().toList()) + ")"));
    }

    Collection<ManagedPartition> all() {
        return List.copyOf(byName.values());
    }
}
