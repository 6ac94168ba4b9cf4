package io.hallows.kernel.impl.scheduler;

import io.hallows.kernel.api.Capability;
import io.hallows.kernel.api.Resource;
import io.hallows.kernel.api.Right;
import io.hallows.kernel.api.SchedulerInfo;
import io.hallows.kernel.api.SchedulerStats;
import io.hallows.kernel.api.Schedulers;
import io.hallows.kernel.api.SwapRecord;
import io.hallows.kernel.impl.audit.AuditJournal;
import io.hallows.kernel.impl.capability.CapabilityTable;
import io.hallows.kernel.impl.hal.HalBinding;
import io.hallows.kernel.impl.partition.PartitionConfig;
import io.hallows.kernel.impl.partition.PartitionListener;
import io.hallows.kernel.impl.partition.PartitionRights;
import io.hallows.kernel.impl.protect.PerHolder;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;

/**
 * The kernel's scheduling service: wires the installed-policy catalog into a
 * {@link PartitionScheduling}, follows partitions ({@link PartitionFollower}) and policies
 * ({@link PolicyFollower}), takes operators' swaps ({@link OperatorSwaps}), and answers
 * {@link Schedulers} queries. Every switch, abort and stall is audited.
 */
public final class SchedulerManager implements PartitionListener, Schedulers, PerHolder<Schedulers>, AutoCloseable {
    /** How long a killed task has to return after its interrupt before its worker is written off. */
    public static final long KILL_GRACE_MS = 1000;

    private final AuditJournal journal;
    private final CapabilityTable table;
    private final SchedulingAudit audit;
    private final SchedulerCatalog catalog;
    private final PartitionScheduling scheduling;
    private final ManagedPartitions partitions = new ManagedPartitions();
    private final PolicyFollower policies;
    private final PartitionFollower follower;
    private final OperatorSwaps operator;

    /**
     * @param stack the stack's own bundles, which may provide scheduling policies without a capability
     * @param faults told of a partition's faults, as (partition, reason), from the control thread:
     *        repeated task failures (more than {@value TaskFailures#DEFAULT_THRESHOLD} within 10 s)
     *        and each task that overran the watchdog bound
     */
    public SchedulerManager(BundleContext context, AuditJournal journal, CapabilityTable table, Predicate<Bundle> kernelOnly,
            Predicate<Bundle> stack, HalBinding hal, BiConsumer<String, String> faults) {
        this.journal = journal;
        this.table = table;
        this.audit = new SchedulingAudit(journal);
        this.catalog = new SchedulerCatalog(context, journal, PolicyProviders.stackOrCapability(stack,
                (holder, resource) -> table.find(holder, resource, Right.PROVIDE).isPresent()));
        this.scheduling = PartitionScheduling.builder().policies(catalog).pinner(Pinner.through(hal)).events(new Audited())
                .taskFailures(TaskFailures.DEFAULT_THRESHOLD, TaskFailures.DEFAULT_WINDOW, faults).build();
        this.policies = new PolicyFollower(partitions, catalog, audit);
        this.follower = new PartitionFollower(context, journal, kernelOnly, catalog, scheduling, partitions, policies);
        this.operator = new OperatorSwaps(partitions, catalog, audit);
        hal.onArrival(h -> partitions.all().forEach(m -> audit.cpus(m.name(),
                "HAL arrived: " + PinReport.of(m.scheduling.config().cpus(), m.scheduling.rebind()))));
    }

    /** Aborts, stalls, overruns and written-off workers, as the kernel records them. */
    private final class Audited implements PartitionScheduling.Events {
        @Override
        public void aborted(ScheduledPartition partition, SwapRecord record) {
            partitions.find(partition.name()).ifPresent(m -> m.desire(SchedulerCatalog.byName(FifoScheduler.NAME)));
            audit.switched(partition.name(), record);
        }

        @Override
        public void stalled(String partition, Stall stall) {
            audit.stalled(partition, stall);
        }

        @Override
        public void overran(String partition, Overrun overrun) {
            audit.overran(partition, overrun);
        }

        @Override
        public void writtenOff(String partition, String detail) {
            audit.writtenOff(partition, detail);
        }

        @Override
        public void killed(String partition, String detail) {
            audit.killed(partition, detail);
        }
    }

    public void open() throws InvalidSyntaxException {
        catalog.open(policies::catalogChanged);
    }

    /**
     * A capability was granted or revoked: one on {@code scheduler:<policy>} may let a refused
     * factory serve, or stop an accepted one (its partitions move to their next best policy).
     */
    public void capabilityChanged(Capability changed) {
        if (Resource.SCHEDULER.equals(changed.resource().kind())) {
            catalog.reconsider();
        }
    }

    /** The scheduler factories refused now, with their bundles and why. */
    public List<RefusedPolicy> refused() {
        return catalog.refused();
    }

    @Override
    public void declared(PartitionConfig config) {
        follower.declared(config);
    }

    @Override
    public void changed(PartitionConfig before, PartitionConfig after) {
        follower.changed(before, after);
    }

    @Override
    public void removed(PartitionConfig config) {
        follower.removed(config);
    }

    /** Its bundles are about to stop: its tasks past the watchdog bound are given up, with a kill's grace. */
    @Override
    public void stopping(PartitionConfig config, String why) {
        partitions.find(config.name()).ifPresent(m -> m.scheduling.giveUpOverruns(why, Duration.ofMillis(KILL_GRACE_MS)));
    }

    @Override
    public List<SchedulerInfo> installed() {
        return catalog.all().stream().map(c -> new SchedulerInfo(c.name(), c.bundle(), c.version().toString(), c.description(),
                partitions.all().stream().filter(m -> m.scheduling.active().equals(c)).map(ManagedPartition::name).sorted()
                        .toList())).toList();
    }

    /** Every partition's live threads, workers and loops, with what each is pinned to. */
    public List<WorkerPin> workers() {
        return partitions.all().stream().flatMap(m -> m.scheduling.threads().stream())
                .sorted(Comparator.comparing(WorkerPin::partition).thenComparing(WorkerPin::thread)).toList();
    }

    @Override
    public SchedulerStats stats(String partition) {
        return partitions.require(partition).scheduling.stats();
    }

    @Override
    public Schedulers forHolder(Bundle holder) {
        return new HolderSchedulers(this, new PartitionRights(table, journal, holder));
    }

    @Override
    public SwapRecord swap(String partition, String scheduler) {
        return operator.swap(partition, scheduler, "the kernel shell");
    }

    @Override
    public SwapRecord rollback(String partition) {
        return operator.rollback(partition, "the kernel shell");
    }

    /** The tasks {@code partition}'s workers run now, oldest first. */
    public List<RunningTask> running(String partition) {
        return partitions.require(partition).scheduling.running();
    }

    /**
     * Kills task {@code number} of {@code partition} on behalf of {@code who}: its worker is
     * interrupted, and written off and replaced if the task is still in it {@value #KILL_GRACE_MS}
     * ms later (its caller is released then). Audited as {@code task.kill}.
     *
     * @return what became of the task
     * @throws IllegalArgumentException if no such partition, or it runs no such task now
     */
    public String kill(String partition, long number, String who) {
        return partitions.require(partition).scheduling.kill(number, Duration.ofMillis(KILL_GRACE_MS), who);
    }

    /** Swaps on behalf of {@code who}, named in the record and the audit log. */
    SwapRecord swap(String partition, String scheduler, String who) {
        return operator.swap(partition, scheduler, who);
    }

    /** Rolls back on behalf of {@code who}. */
    SwapRecord rollback(String partition, String who) {
        return operator.rollback(partition, who);
    }

    boolean hasPartition(String partition) {
        return partitions.find(partition).isPresent();
    }

    @Override
    public void close() {
        catalog.close();
        scheduling.close();
    }
}
