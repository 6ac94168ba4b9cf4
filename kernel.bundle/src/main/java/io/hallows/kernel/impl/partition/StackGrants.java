package io.hallows.kernel.impl.partition;

import io.hallows.kernel.api.Capability;
import io.hallows.kernel.api.KernelConstants;
import io.hallows.kernel.api.Resource;
import io.hallows.kernel.api.Right;
import io.hallows.kernel.impl.capability.CapabilityTable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import org.osgi.framework.Bundle;

/**
 * The capabilities a stack grants to a partition's bundles ({@code grants} of the partition's
 * configuration). Kept in step with the configuration: a grant that is no longer declared, or a
 * bundle that no longer belongs to the partition, loses its capability; nothing that is still
 * declared is revoked and granted again, so live proxies keep working across a change.
 */
final class StackGrants {

    private final CapabilityTable table;
    private final Membership membership;

    StackGrants(CapabilityTable table, Membership membership) {
        this.table = table;
        this.membership = membership;
    }

    void apply(PartitionConfig config) {
        String origin = origin(config.name());
        List<Capability> existing = new ArrayList<>(table.all().stream().filter(c -> c.origin().equals(origin)).toList());
        List<Grant> all = new ArrayList<>(config.grants());
        // A partition's own bundles may always run work in it.
        all.add(new Grant(Resource.service(KernelConstants.EXECUTOR_PREFIX + config.name()), EnumSet.of(Right.CALL)));
        for (Bundle b : membership.members(config)) {
            for (Grant g : all) {
                Capability have = existing.stream().filter(c -> c.holderId() == b.getBundleId()
                        && c.resource().equals(g.resource()) && c.rights().equals(g.rights())).findFirst().orElse(null);
                if (have != null) {
                    existing.remove(have);
                } else {
                    table.grant(g.resource(), g.rights(), b.getBundleId(), b.getSymbolicName(), origin);
                }
            }
        }
        existing.forEach(Capability::revoke);
    }

    /** Applies every partition's grants: membership, and so grants, shift with any partition's change. */
    void applyAll(Collection<Partition> partitions) {
        partitions.forEach(p -> apply(p.config()));
    }

    void revokeAll(String partition) {
        String origin = origin(partition);
        table.revokeWhere(c -> c.origin().equals(origin));
    }

    private static String origin(String partition) {
        return "stack:" + partition;
    }
}
