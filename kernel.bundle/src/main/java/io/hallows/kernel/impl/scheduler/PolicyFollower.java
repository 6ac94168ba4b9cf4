package io.hallows.kernel.impl.scheduler;

import io.hallows.kernel.api.ExitReason;

/**
 * Keeps each partition on the best installed policy it asks for: when a policy arrives (or a newer
 * revision), the partitions that want it move to it; when one is about to leave, the partitions on
 * it move to their next best, or to the built-in FIFO.
 */
final class PolicyFollower {
    private final ManagedPartitions partitions;
    private final SchedulerCatalog catalog;
    private final SchedulingAudit audit;

    PolicyFollower(ManagedPartitions partitions, SchedulerCatalog catalog, SchedulingAudit audit) {
        this.partitions = partitions;
        this.catalog = catalog;
        this.audit = audit;
    }

    /** A policy arrived, or is about to leave (the catalog's listener). */
    void catalogChanged(SchedulerChoice choice, boolean arrived) {
        for (ManagedPartition m : partitions.all()) {
            SchedulerChoice active = m.scheduling.active();
            if (arrived && choice.matches(m.desired()) && catalog.best(m.desired()).orElse(null) == choice && active != choice) {
                moveTo(m, choice, ExitReason.UPDATE, choice.label() + " was installed");
            } else if (!arrived && active.equals(choice)) {
                moveToBest(m, ExitReason.UPDATE, choice.label() + " is going away (its bundle is stopping or updating)");
            }
        }
    }

    /** Moves {@code m} to the best policy it wants now (its configuration changed, or its policy is leaving). */
    void moveToBest(ManagedPartition m, ExitReason reason, String detail) {
        moveTo(m, catalog.best(m.desired()).orElse(catalog.fifo()), reason, detail);
    }

    /** Switches to {@code to}; if that fails while the active policy is going away too, falls back to FIFO. */
    private void moveTo(ManagedPartition m, SchedulerChoice to, ExitReason reason, String detail) {
        try {
            audit.switched(m.name(), m.scheduling.swap(to, reason, detail));
        } catch (SwapProtocol.OpenFailure e) {
            audit.error(m.name(), e.getMessage());
            if (!to.builtIn() && !catalog.isInstalled(m.scheduling.active())) {
                moveTo(m, catalog.fifo(), reason, detail + "; " + e.getMessage());
            }
        }
    }
}
