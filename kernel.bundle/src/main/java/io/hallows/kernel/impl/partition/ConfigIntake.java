package io.hallows.kernel.impl.partition;

import io.hallows.hal.api.CpuSet;
import io.hallows.kernel.impl.audit.AuditJournal;
import io.hallows.kernel.impl.log.KernelLog;
import io.hallows.kernel.impl.log.KernelLogger;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.cm.ManagedServiceFactory;

/**
 * Takes partition configurations from ConfigAdmin (factory pid {@code io.hallows.partition}) and
 * applies them on the supervisor thread: a new one declares and starts a partition, a changed one
 * moves bundles whose partition changed, a deleted one retires its partition. A configuration that
 * fails validation is rejected with the partition, field and reason; the partition keeps running
 * with its previous configuration. A failure the validation did not foresee is a rejection too:
 * every change is decided, so nobody waits for a verdict that never comes.
 *
 * <p>The stack file's partitions arrive all at once ({@link #declareStack}): they are checked
 * against indexed claims and their grants applied once, so that a stack of n partitions is
 * declared in O(n). Their properties are kept until ConfigAdmin holds a configuration of them.
 */
final class ConfigIntake implements ManagedServiceFactory {
    private static final KernelLogger LOG = KernelLog.of(ConfigIntake.class);

    private final SupervisorThread thread;
    private final Supervisor supervisor;
    private final PartitionTable partitions;
    private final Membership membership;
    private final StackGrants grants;
    private final Verdicts verdicts;
    private final AuditJournal audit;
    private final Supplier<CpuSet> online;
    private final Supplier<CpuSet> allowed;
    private final PartitionListener listener;
    /** The stack file's configurations, by pid, while ConfigAdmin holds none of them. */
    private final Map<String, Map<String, Object>> fromStack = new ConcurrentHashMap<>();

    ConfigIntake(PartitionManager.Parts parts, Supplier<CpuSet> online, Supplier<CpuSet> allowed, PartitionListener listener) {
        this.thread = parts.thread();
        this.supervisor = parts.supervisor();
        this.partitions = parts.partitions();
        this.membership = parts.membership();
        this.grants = parts.grants();
        this.verdicts = parts.verdicts();
        this.audit = parts.audit();
        this.online = online;
        this.allowed = allowed;
        this.listener = listener;
    }

    @Override
    public String getName() {
        return "Hallows partitions";
    }

    @Override
    public void updated(String pid, Dictionary<String, ?> properties) {
        fromStack.remove(pid); // ConfigAdmin holds it now
        Map<String, Object> props = new HashMap<>(FrameworkUtil.asMap(properties));
        thread.post(() -> apply(pid, props));
    }

    @Override
    public void deleted(String pid) {
        fromStack.remove(pid);
        thread.post(() -> delete(pid));
    }

    /** Declares the stack file's partitions in one pass on the supervisor thread, in the given order. */
    void declareStack(Map<String, Map<String, Object>> stack) {
        stack.forEach((pid, props) -> fromStack.put(pid, Map.copyOf(props)));
        thread.post(() -> declareAll(stack));
    }

    /** The properties the stack file gave configuration {@code pid}, if ConfigAdmin holds none of it yet. */
    Map<String, Object> stackProperties(String pid) {
        return fromStack.get(pid);
    }

    private void declareAll(Map<String, Map<String, Object>> stack) {
        CrossChecks claims = new CrossChecks(partitions.all(), null);
        List<Partition> declared = new ArrayList<>();
        for (Map.Entry<String, Map<String, Object>> e : stack.entrySet()) {
            if (Thread.currentThread().isInterrupted()) {
                return; // the kernel is stopping: end of input must not wait for the rest of the stack
            }
            String pid = e.getKey();
            if (partitions.byPid(pid) != null) {
                apply(pid, e.getValue());
                continue;
            }
            try {
                PartitionConfig config = PartitionConfig.parse(e.getValue(), online.get(), allowed.get());
                claims.check(pid, null, config);
                claims.claim(pid, config);
                declared.add(add(pid, config));
            } catch (ConfigRejection r) {
                reject(pid, null, null, r);
            } catch (RuntimeException unforeseen) {
                reject(pid, null, null, unforeseen(e.getValue(), unforeseen));
            }
        }
        grants.applyAll(partitions.all());
        for (Partition p : declared) {
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
            supervisor.start(p);
        }
        verdicts.changed();
    }

    private void apply(String pid, Map<String, Object> props) {
        Object token = props.get(PartitionManager.CHANGE_TOKEN);
        Partition existing = partitions.byPid(pid);
        try {
            PartitionConfig config = PartitionConfig.parse(props, online.get(), allowed.get());
            CrossChecks.check(pid, existing, config, partitions.all());
            if (existing == null) {
                declare(pid, config);
            } else if (!existing.config().equals(config)) {
                Map<Long, Partition> before = membership.owners();
                PartitionConfig previous = existing.config();
                existing.accept(config);
                listener.changed(previous, config);
                audit.record("config", "config.accept", config.name(), "configuration changed (" + pid + ")");
                reconcile(before); // bundles that changed partition take on their new partition's state
                grants.applyAll(partitions.all());
            }
            verdicts.decide(token, null);
        } catch (ConfigRejection r) {
            reject(pid, existing, token, r);
        } catch (RuntimeException unforeseen) {
            reject(pid, existing, token, unforeseen(props, unforeseen));
        }
    }

    /** A failure validation did not foresee, as a rejection (a kernel bug, logged with its stack). */
    private static ConfigRejection unforeseen(Map<String, Object> props, RuntimeException e) {
        LOG.error("internal error applying a partition configuration", e);
        Object name = props.get("name");
        return new ConfigRejection(name == null ? "?" : name.toString(), "configuration", "cannot be applied: " + e);
    }

    private void reject(String pid, Partition existing, Object token, ConfigRejection r) {
        if (existing != null) {
            existing.reject(r.getMessage());
        } else {
            partitions.rejectNew(pid, r.getMessage());
        }
        audit.record("config", "config.reject", r.partition(), r.field() + ": " + r.reason());
        if (token == null) { // the shell reports its own changes' rejections
            LOG.warn(r.getMessage() + " — configuration rejected"
                    + (existing != null ? ", the previous configuration stays in force" : ""));
        }
        verdicts.decide(token, r.getMessage());
    }

    private void declare(String pid, PartitionConfig config) {
        Partition p = add(pid, config);
        grants.applyAll(partitions.all());
        supervisor.start(p);
    }

    private Partition add(String pid, PartitionConfig config) {
        Partition p = new Partition(pid, config);
        partitions.add(p);
        audit.record("config", "partition.declared", config.name(), "cpus " + config.cpus() + ", bundles " + config.bundles());
        listener.declared(config);
        return p;
    }

    private void delete(String pid) {
        Map<Long, Partition> before = membership.owners();
        Partition p = partitions.remove(pid);
        if (p == null) {
            return;
        }
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
        grants.applyAll(partitions.all());
        listener.removed(p.config());
        audit.record("config", "config.delete", p.name(), "partition removed (" + pid + ")");
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
}
