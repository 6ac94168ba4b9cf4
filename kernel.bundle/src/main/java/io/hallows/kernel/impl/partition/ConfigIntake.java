package io.hallows.kernel.impl.partition;

import io.hallows.hal.api.CpuSet;
import io.hallows.kernel.impl.audit.AuditJournal;
import io.hallows.kernel.impl.log.KernelLog;
import io.hallows.kernel.impl.log.KernelLogger;
import java.util.Collections;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.osgi.framework.Bundle;
import org.osgi.service.cm.ManagedServiceFactory;

/**
 * Takes partition configurations from ConfigAdmin (factory pid {@code io.hallows.partition}) and
 * applies them on the supervisor thread: a new one declares and starts a partition, a changed one
 * moves bundles whose partition changed, a deleted one retires its partition. A configuration that
 * fails validation is rejected with the partition, field and reason; the partition keeps running
 * with its previous configuration.
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
        Map<String, Object> props = new HashMap<>();
        for (String key : Collections.list(properties.keys())) {
            props.put(key, properties.get(key));
        }
        thread.post(() -> apply(pid, props));
    }

    @Override
    public void deleted(String pid) {
        thread.post(() -> delete(pid));
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
    }

    private void declare(String pid, PartitionConfig config) {
        Partition p = new Partition(pid, config);
        partitions.add(p);
        audit.record("config", "partition.declared", config.name(), "cpus " + config.cpus() + ", bundles " + config.bundles());
        listener.declared(config);
        grants.applyAll(partitions.all());
        supervisor.start(p);
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
