package io.hallows.kernel.impl.partition;

import io.hallows.hal.api.CpuSet;
import io.hallows.kernel.api.PartitionState;
import io.hallows.kernel.api.PartitionStatus;
import io.hallows.kernel.api.Partitions;
import io.hallows.kernel.impl.audit.AuditJournal;
import io.hallows.kernel.impl.capability.CapabilityTable;
import io.hallows.kernel.impl.protect.PerHolder;
import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.service.cm.ManagedServiceFactory;

/**
 * Keeps partitions in step with their ConfigAdmin configurations and drives them through the
 * supervisor. A configuration that fails validation is rejected with the partition, field and
 * reason; the partition keeps running with its previous configuration.
 */
public final class PartitionManager implements ManagedServiceFactory, Partitions, PerHolder<Partitions>, SynchronousBundleListener,
        AutoCloseable {
    /** Property an operator's change carries so the shell can wait for this change's verdict. */
    public static final String CHANGE_TOKEN = "hallows.change";

    private final Membership membership;
    private final Supervisor supervisor;
    private final CapabilityTable capabilities;
    private final StackGrants grants;
    private final AuditJournal audit;
    private final Supplier<CpuSet> online;
    private final Supplier<CpuSet> allowed;
    private final PartitionListener listener;
    private final Map<String, Partition> byPid = new ConcurrentHashMap<>();
    private final Map<String, String> rejectedNew = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<String>> verdicts = new ConcurrentHashMap<>();
    private final Object changes = new Object();

    public PartitionManager(BundleContext context, AuditJournal audit, CapabilityTable capabilities, Supplier<CpuSet> online, Supplier<CpuSet> allowed,
            PartitionListener listener) {
        this.listener = listener;
        this.membership = new Membership(context, byPid::values);
        this.supervisor = new Supervisor(audit, membership, this::changed);
        this.grants = new StackGrants(capabilities, membership);
        this.audit = audit;
        this.online = online;
        this.allowed = allowed;
        this.capabilities = capabilities;
    }

    @Override
    public String getName() {
        return "Hallows partitions";
    }

    @Override
    public void updated(String pid, Dictionary<String, ?> properties) {
        Map<String, Object> props = new HashMap<>();
        for (String key : Collections.list(properties.keys())) {
            props.put(key, properties.get(key));
        }
        supervisor.post(() -> apply(pid, props));
    }

    @Override
    public void deleted(String pid) {
        supervisor.post(() -> {
            rejectedNew.remove(pid);
            Partition p = byPid.get(pid);
            if (p != null) {
                Map<Long, Partition> before = membership.owners();
                byPid.remove(pid);
                supervisor.retire(p, "configuration deleted");
                Map<Long, Partition> after = membership.owners();
                before.forEach((id, owner) -> {
                    Bundle b = owner == p && !after.containsKey(id) ? membership.bundle(id) : null;
                    if (b != null) {
                        supervisor.stopUnowned(b, "its partition '" + p.name() + "' was deleted");
                    }
                });
                reconcile(before); // bundles another partition now owns take on its state
                grants.revokeAll(p.name());
                applyAllGrants();
                listener.removed(p.config());
                audit.record("config", "config.delete", p.name(), "partition removed (" + pid + ")");
            }
        });
    }

    /**
     * A future completed with null when the change carrying {@code token} is accepted, or with the
     * rejection message.
     */
    public CompletableFuture<String> verdictOf(String token) {
        return verdicts.computeIfAbsent(token, t -> new CompletableFuture<>());
    }

    /** Drops the verdict of a change once its waiter has it. */
    public void forgetVerdict(String token) {
        verdicts.remove(token);
    }

    private void apply(String pid, Map<String, Object> props) {
        Object token = props.get(CHANGE_TOKEN);
        Partition existing = byPid.get(pid);
        try {
            PartitionConfig config = PartitionConfig.parse(props, online.get(), allowed.get());
            CrossChecks.check(pid, existing, config, byPid.values());
            if (existing == null) {
                rejectedNew.remove(pid);
                Partition p = new Partition(pid, config);
                byPid.put(pid, p);
                audit.record("config", "partition.declared", config.name(), "cpus " + config.cpus() + ", bundles " + config.bundles());
                listener.declared(config);
                applyAllGrants();
                supervisor.start(p);
            } else if (!existing.config().equals(config)) {
                Map<Long, Partition> before = membership.owners();
                PartitionConfig previous = existing.config();
                existing.accept(config);
                listener.changed(previous, config);
                audit.record("config", "config.accept", config.name(), "configuration changed (" + pid + ")");
                reconcile(before); // bundles that changed partition take on their new partition's state
                applyAllGrants();
            }
            decide(token, null);
        } catch (ConfigRejection r) {
            if (existing != null) {
                existing.reject(r.getMessage());
            } else {
                rejectedNew.put(pid, r.getMessage());
            }
            audit.record("config", "config.reject", r.partition(), r.field() + ": " + r.reason());
            if (token == null) { // the shell reports its own changes' rejections
                System.err.println("hallows: " + r.getMessage() + " — configuration rejected"
                        + (existing != null ? ", the previous configuration stays in force" : ""));
            }
            decide(token, r.getMessage());
        }
    }

    /** Gives each bundle whose owner changed since {@code before} the state of its new partition. */
    private void reconcile(Map<Long, Partition> before) {
        membership.owners().forEach((id, owner) -> {
            Bundle b = before.get(id) == owner ? null : membership.bundle(id);
            if (b != null) {
                supervisor.placed(owner, b);
            }
        });
    }

    /** Stack grants follow membership, which any partition's change can shift. */
    private void applyAllGrants() {
        byPid.values().forEach(p -> grants.apply(p.config()));
    }

    private void decide(Object token, String rejection) {
        changed();
        if (token != null) {
            verdictOf(token.toString()).complete(rejection);
        }
    }

    private void changed() {
        synchronized (changes) {
            changes.notifyAll();
        }
    }

    /**
     * Waits until every configuration in {@code pids} has been decided and every accepted one has
     * left {@code declared} and {@code starting}.
     *
     * @return false on timeout
     */
    public boolean awaitSettled(Collection<String> pids, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (changes) {
            while (!settled(pids)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                changes.wait(Math.max(1, left / 1_000_000));
            }
            return true;
        }
    }

    private boolean settled(Collection<String> pids) {
        for (String pid : pids) {
            Partition p = byPid.get(pid);
            if (p == null ? !rejectedNew.containsKey(pid)
                    : p.state() == PartitionState.DECLARED || p.state() == PartitionState.STARTING) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void bundleChanged(BundleEvent event) {
        Bundle b = event.getBundle();
        switch (event.getType()) {
            case BundleEvent.INSTALLED -> supervisor.post(() -> {
                applyAllGrants();
                byPid.values().stream().filter(p -> membership.members(p.config()).contains(b)).findFirst()
                        .ifPresent(p -> supervisor.adopt(p, b));
            });
            // An update can change a bundle's symbolic name, and with it the partition it belongs to.
            case BundleEvent.UPDATED, BundleEvent.UNINSTALLED -> supervisor.post(this::applyAllGrants);
            default -> {
            }
        }
    }

    /** Other bundles get the service through the kernel's proxy, bound to them: see {@link HolderPartitions}. */
    @Override
    public Partitions forHolder(Bundle holder) {
        return new HolderPartitions(this, capabilities, audit, holder);
    }

    @Override
    public List<PartitionStatus> list() {
        return byPid.values().stream().map(this::snapshot).sorted(Comparator.comparing(PartitionStatus::name)).toList();
    }

    /** Configurations that were rejected before any version of them was accepted: pid → error. */
    public Map<String, String> rejectedDeclarations() {
        return Map.copyOf(rejectedNew);
    }

    @Override
    public Optional<PartitionStatus> status(String name) {
        return find(name).map(this::snapshot);
    }

    @Override
    public void reportFault(String name, String reason) {
        require(name);
        supervisor.post(() -> find(name).ifPresent(p -> supervisor.fault(p, reason == null ? "fault reported" : reason)));
    }

    @Override
    public void restart(String name) {
        act(name, p -> {
            audit.record("shell", "partition.restart", name, "operator restart");
            supervisor.restartNow(p, "operator restart");
        });
    }

    @Override
    public void quarantine(String name) {
        act(name, p -> supervisor.quarantine(p, "quarantined by operator"));
    }

    @Override
    public void release(String name) {
        act(name, supervisor::release);
    }

    @Override
    public void stop(String name) {
        act(name, p -> supervisor.stop(p, "stopped by operator"));
    }

    /** Runs an operator action on the supervisor thread, on the partition as it is there and then. */
    private void act(String name, Consumer<Partition> action) {
        require(name);
        supervisor.call(() -> {
            action.accept(require(name));
            return null;
        });
    }

    @Override
    public boolean await(String name, PartitionState state, Duration timeout) throws InterruptedException {
        return require(name).await(state, timeout);
    }

    /** Partition status plus the pid of its configuration (for the shell's configure command). */
    public Optional<String> pidOf(String name) {
        return find(name).map(p -> p.pid);
    }

    private PartitionStatus snapshot(Partition p) {
        List<String> bundles = supervisor.bundlesOf(p.config()).stream()
                .map(b -> b.getSymbolicName() + "[" + b.getBundleId() + "] " + BundleStates.label(b.getState())).toList();
        return p.snapshot(bundles);
    }

    private Optional<Partition> find(String name) {
        return byPid.values().stream().filter(p -> p.name().equals(name)).findFirst();
    }

    private Partition require(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("no partition '" + name + "' (partitions: "
                + String.join(", ", byPid.values().stream().map(Partition::name).sorted().toList()) + ")"));
    }

    @Override
    public void close() {
        supervisor.close();
    }
}
