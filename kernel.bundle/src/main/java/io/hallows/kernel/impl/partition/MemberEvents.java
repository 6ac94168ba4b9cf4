package io.hallows.kernel.impl.partition;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.SynchronousBundleListener;

/**
 * Follows bundles as they come and go: a newly installed bundle joins the partition its name
 * belongs to (and starts if that partition runs), and stack grants follow membership.
 */
final class MemberEvents implements SynchronousBundleListener {
    private final SupervisorThread thread;
    private final Supervisor supervisor;
    private final PartitionTable partitions;
    private final Membership membership;
    private final StackGrants grants;

    MemberEvents(PartitionManager.Parts parts) {
        this.thread = parts.thread();
        this.supervisor = parts.supervisor();
        this.partitions = parts.partitions();
        this.membership = parts.membership();
        this.grants = parts.grants();
    }

    @Override
    public void bundleChanged(BundleEvent event) {
        Bundle b = event.getBundle();
        switch (event.getType()) {
            case BundleEvent.INSTALLED -> thread.post(() -> {
                grants.applyAll(partitions.all());
                partitions.all().stream().filter(p -> membership.members(p.config()).contains(b)).findFirst()
                        .ifPresent(p -> supervisor.adopt(p, b));
            });
            // An update can change a bundle's symbolic name, and with it the partition it belongs to.
            case BundleEvent.UPDATED, BundleEvent.UNINSTALLED -> thread.post(() -> grants.applyAll(partitions.all()));
            default -> {
            }
        }
    }
}
