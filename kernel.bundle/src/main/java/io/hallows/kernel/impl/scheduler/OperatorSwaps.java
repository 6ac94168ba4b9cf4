package io.hallows.kernel.impl.scheduler;

import io.hallows.kernel.api.ExitReason;
import io.hallows.kernel.api.SwapRecord;
import org.osgi.framework.Filter;

/**
 * Swaps and rollbacks an operator (or a holder with ADMIN on the partition) asks for. The policy
 * chosen becomes what the partition asks for from then on, so a newer revision of it is followed.
 */
final class OperatorSwaps {
    private final ManagedPartitions partitions;
    private final SchedulerCatalog catalog;
    private final SchedulingAudit audit;

    OperatorSwaps(ManagedPartitions partitions, SchedulerCatalog catalog, SchedulingAudit audit) {
        this.partitions = partitions;
        this.catalog = catalog;
        this.audit = audit;
    }

    /** Swaps on behalf of {@code who}, named in the record and the audit log. */
    SwapRecord swap(String partition, String scheduler, String who) {
        ManagedPartition m = partitions.require(partition);
        Filter byName = SchedulerCatalog.byName(scheduler);
        SchedulerChoice to = catalog.best(byName).orElseThrow(() -> new IllegalArgumentException("no scheduler '" + scheduler
                + "' is installed (installed: " + String.join(", ", catalog.all().stream().map(SchedulerChoice::name).distinct().toList()) + ")"));
        SwapRecord r = swap(m, to, "swapped by " + who);
        m.desire(byName);
        return r;
    }

    /** Rolls back to the policy before the latest switch, on behalf of {@code who}. */
    SwapRecord rollback(String partition, String who) {
        ManagedPartition m = partitions.require(partition);
        SchedulerChoice previous = m.scheduling.previous();
        if (previous == null) {
            throw new IllegalStateException("partition '" + partition + "' has not switched schedulers yet: nothing to roll back to");
        }
        if (!catalog.isInstalled(previous)) {
            throw new IllegalStateException("partition '" + partition + "' cannot roll back: " + previous.label() + " is no longer installed");
        }
        SwapRecord r = swap(m, previous, "rolled back by " + who);
        m.desire(SchedulerCatalog.byName(previous.name()));
        return r;
    }

    private SwapRecord swap(ManagedPartition m, SchedulerChoice to, String detail) {
        try {
            SwapRecord r = m.scheduling.swap(to, ExitReason.OPERATOR, detail);
            if (r == null) {
                throw new IllegalStateException("partition '" + m.name() + "' has been removed");
            }
            audit.switched(m.name(), r);
            return r;
        } catch (SwapProtocol.OpenFailure e) {
            audit.error(m.name(), e.getMessage());
            throw new IllegalStateException("partition '" + m.name() + "' keeps " + m.scheduling.active().label() + ": "
                    + e.getMessage(), e);
        }
    }
}
