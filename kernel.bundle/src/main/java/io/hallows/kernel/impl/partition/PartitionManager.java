package io.hallows.kernel.impl.partition;

import io.hallows.hal.api.CpuSet;
import io.hallows.kernel.api.PartitionState;
import io.hallows.kernel.api.PartitionStatus;
import io.hallows.kernel.api.Partitions;
import io.hallows.kernel.impl.audit.AuditJournal;
import io.hallows.kernel.impl.capability.CapabilityTable;
import io.hallows.kernel.impl.protect.PerHolder;
import io.hallows.kernel.impl.protect.Trust;
import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.service.cm.ManagedServiceFactory;

/**
 * The kernel's partitions, assembled: it builds the parts (the {@link PartitionTable}, the
 * {@link Supervisor} on its {@link SupervisorThread}, {@link ConfigIntake} for ConfigAdmin,
 * {@link MemberEvents} for bundle events, {@link Verdicts} for waiters) and is the
 * {@link Partitions} service itself, running every operator action on the supervisor thread.
 */
public final class PartitionManager implements Partitions, PerHolder<Partitions>, AutoCloseable {
    /** Property an operator's change carries so the shell can wait for this change's verdict. */
    public static final String CHANGE_TOKEN = "hallows.change";

    /** What the manager's role classes share; each piece has one owner, named by its type. */
    record Parts(AuditJournal audit, SupervisorThread thread, Supervisor supervisor, PartitionTable partitions,
            Membership membership, StackGrants grants, Verdicts verdicts) {
    }

    private final Parts parts;
    private final CapabilityTable capabilities;
    private final ConfigIntake intake;
    private final MemberEvents members;

    /** @param trust how each bundle was installed, which decides whether a partition admits it */
    public PartitionManager(BundleContext context, AuditJournal audit, CapabilityTable capabilities, Trust trust,
            Supplier<CpuSet> online, Supplier<CpuSet> allowed, PartitionListener listener) {
        PartitionTable partitions = new PartitionTable();
        Verdicts verdicts = new Verdicts();
        SupervisorThread thread = new SupervisorThread(audit);
        Membership membership = new Membership(context, partitions::all, trust);
        Supervisor supervisor = new Supervisor(audit, thread, membership, verdicts::changed, listener);
        this.parts = new Parts(audit, thread, supervisor, partitions, membership, new StackGrants(capabilities, membership), verdicts);
        this.capabilities = capabilities;
        this.intake = new ConfigIntake(parts, online, allowed, listener);
        this.members = new MemberEvents(parts);
    }

    /** To register as the ManagedServiceFactory of {@code io.hallows.partition}. */
    public ManagedServiceFactory configurations() {
        return intake;
    }

    /** To add as a bundle listener: installed bundles join their partitions. */
    public SynchronousBundleListener bundleListener() {
        return members;
    }

    /** A future completed with null when the change carrying {@code token} is accepted, or with the rejection message. */
    public CompletableFuture<String> verdictOf(String token) {
        return parts.verdicts().of(token);
    }

    /** Drops the verdict of a change once its waiter has it. */
    public void forgetVerdict(String token) {
        parts.verdicts().forget(token);
    }

    /**
     * Waits until every configuration in {@code pids} has been decided and every accepted one has
     * left {@code declared} and {@code starting}. Each pid is checked until it has settled, then
     * passed: a stack of n partitions is awaited in O(n) checks, not O(n) per change.
     *
     * @return false on timeout
     */
    public boolean awaitSettled(Collection<String> pids, Duration timeout) throws InterruptedException {
        List<String> pending = List.copyOf(pids);
        int[] next = {0};
        return parts.verdicts().await(() -> {
            while (next[0] < pending.size() && parts.partitions().settled(pending.get(next[0]))) {
                next[0]++;
            }
            return next[0] == pending.size();
        }, timeout);
    }

    /**
     * Declares the stack file's partitions ({@code pid → properties}, in order) in one pass, as
     * ConfigAdmin would one by one; rejections are reported as ConfigAdmin's are.
     */
    public void declareStack(Map<String, Map<String, Object>> stack) {
        intake.declareStack(stack);
    }

    /**
     * The properties the stack file gave configuration {@code pid}, while ConfigAdmin holds no
     * configuration of it (the shell's {@code configure} then creates one from them); else empty.
     */
    public Optional<Map<String, Object>> stackProperties(String pid) {
        return Optional.ofNullable(intake.stackProperties(pid));
    }

    /** Other bundles get the service through the kernel's proxy, bound to them: see {@link HolderPartitions}. */
    @Override
    public Partitions forHolder(Bundle holder) {
        return new HolderPartitions(this, capabilities, parts.audit(), holder);
    }

    @Override
    public List<PartitionStatus> list() {
        return parts.partitions().all().stream().map(this::snapshot).sorted(Comparator.comparing(PartitionStatus::name)).toList();
    }

    /** Configurations that were rejected before any version of them was accepted: pid → error. */
    public Map<String, String> rejectedDeclarations() {
        return parts.partitions().rejectedDeclarations();
    }

    @Override
    public Optional<PartitionStatus> status(String name) {
        return parts.partitions().find(name).map(this::snapshot);
    }

    /** The pid of the partition's configuration (for the shell's configure command). */
    public Optional<String> pidOf(String name) {
        return parts.partitions().find(name).map(p -> p.pid);
    }

    @Override
    public void reportFault(String name, String reason) {
        parts.partitions().require(name);
        parts.thread().post(() -> parts.partitions().find(name)
                .ifPresent(p -> parts.supervisor().fault(p, reason == null ? "fault reported" : reason)));
    }

    @Override
    public void restart(String name) {
        act(name, p -> {
            parts.audit().record("shell", "partition.restart", name, "operator restart");
            parts.supervisor().restartNow(p, "operator restart");
        });
    }

    @Override
    public void quarantine(String name) {
        act(name, p -> parts.supervisor().quarantine(p, "quarantined by operator"));
    }

    @Override
    public void release(String name) {
        act(name, parts.supervisor()::release);
    }

    @Override
    public void stop(String name) {
        act(name, p -> parts.supervisor().stop(p, "stopped by operator"));
    }

    /** Runs an operator action on the supervisor thread, on the partition as it is there and then. */
    private void act(String name, Consumer<Partition> action) {
        parts.partitions().require(name);
        parts.thread().call(() -> {
            action.accept(parts.partitions().require(name));
            return null;
        });
    }

    @Override
    public boolean await(String name, PartitionState state, Duration timeout) throws InterruptedException {
        return parts.partitions().require(name).await(state, timeout);
    }

    private PartitionStatus snapshot(Partition p) {
        List<String> bundles = parts.membership().members(p.config()).stream()
                .map(b -> b.getSymbolicName() + "[" + b.getBundleId() + "] " + BundleStates.label(b.getState())).toList();
        return p.snapshot(bundles);
    }

    @Override
    public void close() {
        parts.thread().close();
    }
}
