package io.hallows.kernel.impl.scheduler;

import io.hallows.kernel.api.ExitReason;
import io.hallows.kernel.api.KernelConstants;
import io.hallows.kernel.api.PartitionExecutor;
import io.hallows.kernel.api.SchedulerInfo;
import io.hallows.kernel.api.SchedulerStats;
import io.hallows.kernel.api.Schedulers;
import io.hallows.kernel.api.SwapRecord;
import io.hallows.kernel.impl.audit.AuditJournal;
import io.hallows.kernel.impl.capability.CapabilityTable;
import io.hallows.kernel.impl.partition.PartitionRights;
import io.hallows.kernel.impl.protect.GatedService;
import io.hallows.kernel.impl.protect.PerHolder;
import io.hallows.kernel.impl.hal.HalBinding;
import io.hallows.kernel.impl.log.KernelLog;
import io.hallows.kernel.impl.log.KernelLogger;
import io.hallows.kernel.impl.partition.PartitionConfig;
import io.hallows.kernel.impl.partition.PartitionListener;
import io.hallows.kernel.spi.SchedulerFactory;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Filter;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceRegistration;

/**
 * Each partition's scheduling: creates its runtime when it is declared, publishes its executor,
 * keeps it on the best installed policy its filter (or an operator) asks for, and aborts a
 * scheduler the watchdog or its own failure condemns. Every switch is audited.
 */
public final class SchedulerManager implements PartitionListener, Schedulers, PerHolder<Schedulers>, AutoCloseable {
    private static final KernelLogger LOG = KernelLog.of(SchedulerManager.class);
    private static final Pattern POLICY_NAME = Pattern.compile("[a-z][a-z0-9-]*");

    /** A partition's runtime, what it wants to run, and its executor's registration. */
    private static final class Managed {
        final PartitionRuntime runtime;
        volatile Filter desired;
        ServiceRegistration<?> registration;

        Managed(PartitionRuntime runtime, Filter desired) {
            this.runtime = runtime;
            this.desired = desired;
        }
    }

    private final BundleContext context;
    private final AuditJournal audit;
    private final CapabilityTable table;
    private final Predicate<Bundle> kernelOnly;
    private final SchedulerCatalog catalog;
    private final SwapProtocol protocol;
    private final Watchdog watchdog;
    private final Pinner pinner;
    private final Map<String, Managed> partitions = new ConcurrentHashMap<>();
    private final ExecutorService control = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "hallows-scheduler-control");
        t.setDaemon(true);
        return t;
    });

    public SchedulerManager(BundleContext context, AuditJournal audit, CapabilityTable table, Predicate<Bundle> kernelOnly,
            HalBinding hal) {
        this.context = context;
        this.pinner = Pinner.through(hal);
        hal.onArrival(h -> partitions.values().forEach(m -> audit.record("kernel", "partition.cpus", m.runtime.name(),
                "HAL arrived: " + PinReport.of(m.runtime.config().cpus(), m.runtime.rebindWorkers()))));
        // Started now, from the kernel's thread: a thread made later by a pinned worker would inherit its cpus.
        control.execute(() -> { });
        this.audit = audit;
        this.table = table;
        this.kernelOnly = kernelOnly;
        this.catalog = new SchedulerCatalog(context);
        this.protocol = new SwapProtocol(catalog);
        this.watchdog = new Watchdog(() -> partitions.values().stream().map(m -> m.runtime).toList(), this::abort, this::stalled);
    }

    public void open() throws InvalidSyntaxException {
        catalog.open(this::catalogChanged);
        watchdog.start();
    }

    @Override
    public void declared(PartitionConfig config) {
        PartitionRuntime runtime = new PartitionRuntime(config, (lane, detail) -> control.execute(() -> abort(lane, ExitReason.ERROR, detail)),
                pinner);
        Managed m = new Managed(runtime, filter(config.scheduler()));
        SchedulerChoice choice = catalog.best(m.desired).orElse(catalog.fifo());
        try {
            protocol.start(runtime, choice);
        } catch (SwapProtocol.OpenFailure e) {
            audit.record("kernel", "scheduler.error", config.name(), e.getMessage() + "; using " + catalog.fifo().label());
            startFifo(runtime);
        }
        partitions.put(config.name(), m);
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(KernelConstants.PROTECTED, KernelConstants.EXECUTOR_PREFIX + config.name());
        props.put(PartitionExecutor.PARTITION, config.name());
        // Other bundles get it through the kernel's revocable proxy only.
        m.registration = context.registerService(PartitionExecutor.class.getName(),
                new GatedService<>(runtime, kernelOnly, "executor of " + config.name(), audit), props);
        audit.record("kernel", "scheduler.start", config.name(), runtime.active.choice.label() + " with " + config.workers() + " workers");
    }

    private void startFifo(PartitionRuntime runtime) {
        try {
            protocol.start(runtime, catalog.fifo());
        } catch (SwapProtocol.OpenFailure impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    @Override
    public void changed(PartitionConfig before, PartitionConfig after) {
        Managed m = partitions.get(after.name());
        if (m == null) {
            return;
        }
        m.runtime.reconfigure(after);
        if (!before.cpus().equals(after.cpus())) {
            audit.record("kernel", "partition.cpus", after.name(), "cpus " + before.cpus() + " -> " + after.cpus() + ": "
                    + PinReport.of(after.cpus(), m.runtime.rebindWorkers()));
        }
        boolean policy = !before.scheduler().equals(after.scheduler());
        if (policy || before.workers() != after.workers() || !before.schedulerOptions().equals(after.schedulerOptions())) {
            m.desired = policy ? filter(after.scheduler()) : m.desired;
            SchedulerChoice to = catalog.best(m.desired).orElse(catalog.fifo());
            switchOrFallBack(m, to, ExitReason.OPERATOR, "configuration changed");
        }
    }

    @Override
    public void removed(PartitionConfig config) {
        Managed m = partitions.remove(config.name());
        if (m != null) {
            m.registration.unregister();
            m.runtime.close();
            catalog.release(m.runtime.active.choice);
            audit.record("kernel", "scheduler.stop", config.name(), "partition removed; its executor takes no more tasks");
        }
    }

    /** A policy arrived (or a newer revision), or is about to leave: move the partitions concerned. */
    private void catalogChanged(SchedulerChoice choice, boolean arrived) {
        for (Managed m : partitions.values()) {
            Lane lane = m.runtime.active;
            if (lane == null) {
                continue;
            }
            if (arrived && choice.matches(m.desired) && catalog.best(m.desired).orElse(null) == choice && lane.choice != choice) {
                switchOrFallBack(m, choice, ExitReason.UPDATE, choice.label() + " was installed");
            } else if (!arrived && lane.choice.equals(choice)) {
                SchedulerChoice to = catalog.best(m.desired).orElse(catalog.fifo());
                switchOrFallBack(m, to, ExitReason.UPDATE, choice.label() + " is going away (its bundle is stopping or updating)");
            }
        }
    }

    private void switchOrFallBack(Managed m, SchedulerChoice to, ExitReason reason, String detail) {
        try {
            recorded(m, protocol.swap(m.runtime, null, to, reason, detail, true));
        } catch (SwapProtocol.OpenFailure e) {
            audit.record("kernel", "scheduler.error", m.runtime.name(), e.getMessage());
            if (!to.builtIn() && !catalog.isInstalled(m.runtime.active.choice)) { // the active one is going away too
                switchOrFallBack(m, catalog.fifo(), reason, detail + "; " + e.getMessage());
            }
        }
    }

    /** The watchdog's (or a lane's own) verdict: the partition reverts to the built-in FIFO. */
    private void abort(Lane lane, ExitReason reason, String detail) {
        Managed m = partitions.get(lane.partition());
        if (m == null) {
            return;
        }
        // Not checked here: a lane can fail while the switch to it is still under way (its
        // preload); the protocol checks under the switching lock, after that switch has finished.
        try {
            SwapRecord r = protocol.swap(m.runtime, lane, catalog.fifo(), reason, detail, false);
            if (r != null) {
                m.desired = filter(byName(FifoScheduler.NAME));
                System.err.println("hallows: partition '" + lane.partition() + "': scheduler " + lane.choice.label() + " aborted ("
                        + reason + "): " + detail + "; reverted to " + r.to());
                recorded(m, r);
            }
        } catch (SwapProtocol.OpenFailure impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** A loop thread of {@code partition} stalled: the audit log gets its top frames, the log its whole stack. */
    private void stalled(String partition, Stall stall) {
        audit.record("kernel", "partition.stall", partition, stall.summary());
        LOG.warn("partition '" + partition + "': " + stall.summary(), stall.asTrace());
    }

    private void recorded(Managed m, SwapRecord r) {
        if (r != null) {
            audit.record("kernel", r.reason() == ExitReason.OPERATOR || r.reason() == ExitReason.UPDATE ? "scheduler.swap" : "scheduler.abort",
                    m.runtime.name(), r.from() + " -> " + r.to() + " (" + r.reason() + "): " + r.detail() + "; pause "
                            + r.pauseNanos() / 1000 + "us, " + r.handedBack() + " tasks handed over");
        }
    }

    @Override
    public List<SchedulerInfo> installed() {
        return catalog.all().stream().map(c -> new SchedulerInfo(c.name(), c.bundle(), c.version().toString(), c.description(),
                partitions.values().stream().filter(m -> m.runtime.active != null && m.runtime.active.choice.equals(c))
                        .map(m -> m.runtime.name()).sorted().toList())).toList();
    }

    /** Every partition's live workers with what each is pinned to, by partition name. */
    public List<WorkerPin> workers() {
        return partitions.values().stream().flatMap(m -> m.runtime.workers().stream())
                .sorted(java.util.Comparator.comparing(WorkerPin::partition).thenComparing(WorkerPin::thread)).toList();
    }

    @Override
    public SchedulerStats stats(String partition) {
        return require(partition).runtime.stats();
    }

    @Override
    public Schedulers forHolder(Bundle holder) {
        return new HolderSchedulers(this, new PartitionRights(table, audit, holder));
    }

    @Override
    public SwapRecord swap(String partition, String scheduler) {
        return swap(partition, scheduler, "the kernel shell");
    }

    @Override
    public SwapRecord rollback(String partition) {
        return rollback(partition, "the kernel shell");
    }

    /** Swaps on behalf of {@code who}, named in the record and the audit log. */
    SwapRecord swap(String partition, String scheduler, String who) {
        Managed m = require(partition);
        if (scheduler == null || !POLICY_NAME.matcher(scheduler).matches()) {
            throw new IllegalArgumentException("'" + scheduler + "' is not a scheduler name (lower case letters, digits, '-')");
        }
        Filter byName = filter(byName(scheduler));
        SchedulerChoice to = catalog.best(byName).orElseThrow(() -> new IllegalArgumentException("no scheduler '" + scheduler
                + "' is installed (installed: " + String.join(", ", catalog.all().stream().map(SchedulerChoice::name).distinct().toList()) + ")"));
        SwapRecord r = operatorSwap(m, to, "swapped by " + who);
        m.desired = byName;
        return r;
    }

    /** Rolls back on behalf of {@code who}. */
    SwapRecord rollback(String partition, String who) {
        Managed m = require(partition);
        SchedulerChoice previous = m.runtime.previous;
        if (previous == null) {
            throw new IllegalStateException("partition '" + partition + "' has not switched schedulers yet: nothing to roll back to");
        }
        if (!catalog.isInstalled(previous)) {
            throw new IllegalStateException("partition '" + partition + "' cannot roll back: " + previous.label() + " is no longer installed");
        }
        SwapRecord r = operatorSwap(m, previous, "rolled back by " + who);
        m.desired = filter(byName(previous.name()));
        return r;
    }

    private SwapRecord operatorSwap(Managed m, SchedulerChoice to, String detail) {
        try {
            SwapRecord r = protocol.swap(m.runtime, null, to, ExitReason.OPERATOR, detail, true);
            recorded(m, r);
            return r;
        } catch (SwapProtocol.OpenFailure e) {
            audit.record("kernel", "scheduler.error", m.runtime.name(), e.getMessage());
            throw new IllegalStateException("partition '" + m.runtime.name() + "' keeps " + m.runtime.active.choice.label() + ": "
                    + e.getMessage(), e);
        }
    }

    private Managed require(String partition) {
        Managed m = partition == null ? null : partitions.get(partition);
        if (m == null) {
            throw new IllegalArgumentException("no partition '" + partition + "' (partitions: "
                    + String.join(", ", partitions.keySet().stream().sorted().toList()) + ")");
        }
        return m;
    }

    boolean hasPartition(String partition) {
        return partitions.containsKey(partition);
    }

    private static String byName(String policy) {
        return "(" + SchedulerFactory.NAME + "=" + policy + ")";
    }

    private static Filter filter(String text) {
        try {
            return FrameworkUtil.createFilter(text);
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException("'" + text + "' is not a valid scheduler filter: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        catalog.close();
        watchdog.close();
        control.shutdownNow();
        for (Managed m : partitions.values()) {
            m.runtime.close();
        }
    }
}
