package io.hallows.kernel.impl.partition;

import io.hallows.hal.api.CpuSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * The checks of a partition configuration against the other partitions: no rename, no name used
 * twice, no cpu owned by two exclusive partitions. (Overlapping bundle patterns are allowed: a
 * bundle belongs to the first matching partition by name, see {@link Membership}.) The names and
 * exclusive cpus already taken are indexed, so a stack of n partitions is checked in O(n), not O(n²).
 */
final class CrossChecks {
    private final Map<String, String> pidByName = new HashMap<>();
    private final Map<Integer, PartitionConfig> exclusiveOwner = new HashMap<>();

    /** The claims of {@code partitions}, leaving out the configuration {@code pid} itself (null: none left out). */
    CrossChecks(Collection<Partition> partitions, String pid) {
        for (Partition p : partitions) {
            if (!p.pid.equals(pid)) {
                claim(p.pid, p.config());
            }
        }
    }

    /** Checks one configuration against every partition but its own. */
    static void check(String pid, Partition existing, PartitionConfig config, Collection<Partition> partitions) throws ConfigRejection {
        new CrossChecks(partitions, pid).check(pid, existing, config);
    }

    /** Checks {@code config} against the claims so far; it does not claim anything itself: see {@link #claim}. */
    void check(String pid, Partition existing, PartitionConfig config) throws ConfigRejection {
        if (existing != null && !existing.name().equals(config.name())) {
            throw new ConfigRejection(existing.name(), "name", "cannot rename a partition to '" + config.name()
                    + "'; delete it and declare a new one");
        }
        String other = pidByName.get(config.name());
        if (other != null && !other.equals(pid)) {
            throw new ConfigRejection(config.name(), "name", "already used by configuration " + other);
        }
        if (!config.exclusive()) {
            return;
        }
        for (int cpu : config.cpus().stream().toArray()) {
            PartitionConfig owner = exclusiveOwner.get(cpu);
            if (owner != null) {
                CpuSet shared = owner.cpus().intersection(config.cpus());
                throw new ConfigRejection(config.name(), "cpus", "cpu " + shared + " already owned exclusively by partition '"
                        + owner.name() + "'");
            }
        }
    }

    /** Records an accepted configuration's name and exclusive cpus. */
    void claim(String pid, PartitionConfig config) {
        pidByName.putIfAbsent(config.name(), pid);
        if (config.exclusive()) {
            config.cpus().stream().forEach(cpu -> exclusiveOwner.putIfAbsent(cpu, config));
        }
    }
}
