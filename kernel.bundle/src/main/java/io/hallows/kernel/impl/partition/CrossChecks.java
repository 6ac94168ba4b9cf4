package io.hallows.kernel.impl.partition;

import io.hallows.hal.api.CpuSet;
import java.util.Collection;

/**
 * The checks of a partition configuration against the other partitions: no rename, no name used
 * twice, no cpu owned by two exclusive partitions. (Overlapping bundle patterns are allowed: a
 * bundle belongs to the first matching partition by name, see {@link Membership}.)
 */
final class CrossChecks {
    private CrossChecks() {
    }

    static void check(String pid, Partition existing, PartitionConfig config, Collection<Partition> partitions) throws ConfigRejection {
        if (existing != null && !existing.name().equals(config.name())) {
            throw new ConfigRejection(existing.name(), "name", "cannot rename a partition to '" + config.name()
                    + "'; delete it and declare a new one");
        }
        for (Partition other : partitions) {
            if (other.pid.equals(pid)) {
                continue;
            }
            if (other.name().equals(config.name())) {
                throw new ConfigRejection(config.name(), "name", "already used by configuration " + other.pid);
            }
            CpuSet shared = other.config().cpus().intersection(config.cpus());
            if (config.exclusive() && other.config().exclusive() && !shared.isEmpty()) {
                throw new ConfigRejection(config.name(), "cpus", "cpu " + shared + " already owned exclusively by partition '"
                        + other.name() + "'");
            }
        }
    }
}
