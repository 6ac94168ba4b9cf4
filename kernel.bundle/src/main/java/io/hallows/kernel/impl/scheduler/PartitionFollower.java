package io.hallows.kernel.impl.scheduler;

import io.hallows.kernel.api.ExitReason;
import io.hallows.kernel.api.KernelConstants;
import io.hallows.kernel.api.PartitionExecutor;
import io.hallows.kernel.impl.audit.AuditJournal;
import io.hallows.kernel.impl.partition.PartitionConfig;
import io.hallows.kernel.impl.partition.PartitionListener;
import io.hallows.kernel.impl.protect.GatedService;
import java.util.Hashtable;
import java.util.function.Predicate;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Filter;
import org.osgi.framework.ServiceRegistration;

/**
 * Follows the partitions' lifecycle: a declared partition gets its scheduling and its executor
 * service ({@code kernel.executor.<partition>}); a changed one is re-pinned or moved to the policy
 * it now asks for; a removed one loses both.
 */
final class PartitionFollower implements PartitionListener {
    private final BundleContext context;
    private final AuditJournal journal;
    private final SchedulingAudit audit;
    private final Predicate<Bundle> kernelOnly;
    private final SchedulerCatalog catalog;
    private final PartitionScheduling scheduling;
    private final ManagedPartitions partitions;
    private final PolicyFollower policies;

    PartitionFollower(BundleContext context, AuditJournal journal, Predicate<Bundle> kernelOnly, SchedulerCatalog catalog,
            PartitionScheduling scheduling, ManagedPartitions partitions, PolicyFollower policies) {
        this.context = context;
        this.journal = journal;
        this.audit = new SchedulingAudit(journal);
        this.kernelOnly = kernelOnly;
        this.catalog = catalog;
        this.scheduling = scheduling;
        this.partitions = partitions;
        this.policies = policies;
    }

    @Override
    public void declared(PartitionConfig config) {
        Filter desired = SchedulerCatalog.filter(config.scheduler());
        ScheduledPartition scheduled;
        try {
            scheduled = scheduling.start(config, catalog.best(desired).orElse(catalog.fifo()));
        } catch (SwapProtocol.OpenFailure e) {
            audit.error(config.name(), e.getMessage() + "; using " + catalog.fifo().label());
            try {
                scheduled = scheduling.start(config, catalog.fifo());
            } catch (SwapProtocol.OpenFailure impossible) { // the built-in FIFO always opens
                throw new IllegalStateException(impossible);
            }
        }
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(KernelConstants.PROTECTED, KernelConstants.EXECUTOR_PREFIX + config.name());
        props.put(PartitionExecutor.PARTITION, config.name());
        // Other bundles get it through the kernel's revocable proxy only.
        ServiceRegistration<?> registration = context.registerService(PartitionExecutor.class.getName(),
                new GatedService<>(scheduled.executor(), kernelOnly, "executor of " + config.name(), journal), props);
        partitions.add(new ManagedPartition(scheduled, desired, registration));
        audit.started(config.name(), scheduled.active(), config.workers());
    }

    @Override
    public void changed(PartitionConfig before, PartitionConfig after) {
        ManagedPartition m = partitions.find(after.name()).orElse(null);
        if (m == null) {
            return;
        }
        m.scheduling.reconfigure(after);
        if (!before.cpus().equals(after.cpus())) {
            audit.cpus(after.name(), "cpus " + before.cpus() + " -> " + after.cpus() + ": " + PinReport.of(after.cpus(), m.scheduling.rebind()));
        }
        boolean policy = !before.scheduler().equals(after.scheduler());
        if (policy || before.workers() != after.workers() || !before.schedulerOptions().equals(after.schedulerOptions())) {
            if (policy) {
                m.desire(SchedulerCatalog.filter(after.scheduler()));
            }
            policies.moveToBest(m, ExitReason.OPERATOR, "configuration changed");
        }
    }

    @Override
    public void removed(PartitionConfig config) {
        partitions.remove(config.name()).ifPresent(m -> {
            m.close();
            audit.stopped(config.name());
        });
    }
}
