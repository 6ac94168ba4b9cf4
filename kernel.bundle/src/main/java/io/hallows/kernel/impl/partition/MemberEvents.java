package io.hallows.kernel.impl.partition;

import io.hallows.kernel.impl.audit.AuditJournal;
import io.hallows.kernel.impl.capability.Holders;
import io.hallows.kernel.impl.log.KernelLog;
import io.hallows.kernel.impl.log.KernelLogger;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.SynchronousBundleListener;

/**
 * Follows bundles as they come and go: a newly installed bundle joins the partition it belongs to
 * (and starts if that partition runs), and stack grants follow membership. A bundle whose name
 * claims a partition that does not admit it (see {@link Membership}) is refused, audited and logged:
 * that is what an impostor of a stack bundle looks like.
 */
final class MemberEvents implements SynchronousBundleListener {
    private static final KernelLogger LOG = KernelLog.of(MemberEvents.class);
    private final AuditJournal audit;
    private final SupervisorThread thread;
    private final Supervisor supervisor;
    private final PartitionTable partitions;
    private final Membership membership;
    private final StackGrants grants;

    MemberEvents(PartitionManager.Parts parts) {
        this.audit = parts.audit();
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
                refuseClaims(b);
                grants.applyAll(partitions.all());
                partitions.all().stream().filter(p -> membership.members(p.config()).contains(b)).findFirst()
                        .ifPresent(p -> supervisor.adopt(p, b));
            });
            // An update can change a bundle's symbolic name, and with it the partition it belongs to.
            case BundleEvent.UPDATED -> thread.post(() -> {
                refuseClaims(b);
                grants.applyAll(partitions.all());
            });
            case BundleEvent.UNINSTALLED -> thread.post(() -> grants.applyAll(partitions.all()));
            default -> {
            }
        }
    }

    /** Audits each partition whose bundle patterns the bundle's name matches but which does not admit it. */
    private void refuseClaims(Bundle b) {
        if (b.getState() == Bundle.UNINSTALLED) {
            return;
        }
        partitions.all().stream().filter(p -> p.config().supervises(b.getSymbolicName()) && !membership.admits(p.config(), b))
                .forEach(p -> {
                    String why = "not a member of partition '" + p.name() + "': its name matches, but it was not installed with"
                            + " the stack, nor by the stack from a location the partition admits " + p.config().locations();
                    audit.record("kernel", "deny", Holders.describe(b), why);
                    LOG.warn(Holders.describe(b) + " is " + why + "; it gets none of the partition's grants");
                });
    }
}
