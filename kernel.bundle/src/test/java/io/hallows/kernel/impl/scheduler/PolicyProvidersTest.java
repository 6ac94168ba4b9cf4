package io.hallows.kernel.impl.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallows.hal.api.CpuSet;
import io.hallows.kernel.api.AuditEntry;
import io.hallows.kernel.api.Capability;
import io.hallows.kernel.api.Resource;
import io.hallows.kernel.api.Right;
import io.hallows.kernel.impl.audit.AuditJournal;
import io.hallows.kernel.impl.capability.CapabilityTable;
import io.hallows.kernel.impl.hal.HalBinding;
import io.hallows.kernel.impl.partition.PartitionConfig;
import io.hallows.kernel.spi.SchedulerFactory;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;

/**
 * Who may provide a scheduling policy: a later bundle without a capability cannot take over a
 * partition, not even by naming itself like a stack bundle; a capability lets it; a newer
 * revision comes only from the bundle that provides the policy; nobody shadows {@code fifo}.
 */
class PolicyProvidersTest {
    /** Bundles with ids below 100 are the stack's own, as Trust says of the bundles installed before the kernel. */
    private static final long FIRST_LATER_ID = 100;
    private final FakeFramework framework = new FakeFramework();
    private final AuditJournal audit = AuditJournal.inMemory();
    private final CapabilityTable table = new CapabilityTable(audit);
    private final Bundle stackPolicies = FakeFramework.bundle(5, "stack:5", "io.hallows.scheduler.lifo", "0.1.0");
    private final Bundle hostile = FakeFramework.bundle(200, "test:hostile", "it.hostile", "99.0.0");
    private final Bundle impostor = FakeFramework.bundle(201, "test:impostor", "io.hallows.scheduler.lifo", "0.2.0");
    private SchedulerManager manager;

    @BeforeEach
    void open() throws Exception {
        table.onChange(c -> {
            if (manager != null) {
                manager.capabilityChanged(c);
            }
        });
        HalBinding hal = new HalBinding(framework.context, audit, b -> true);
        manager = new SchedulerManager(framework.context, audit, table, b -> true, b -> b.getBundleId() < FIRST_LATER_ID, hal,
                (partition, reason) -> { });
        manager.open();
    }

    @AfterEach
    void close() {
        manager.close();
    }

    private void declare(String name, String scheduler) throws Exception {
        manager.declared(PartitionConfig.parse(Map.of("name", name, "cpus", "0", "workers", 1, "watchdog", "30s",
                "scheduler", scheduler), CpuSet.parse("0-1")));
    }

    private String active(String partition) {
        return manager.stats(partition).scheduler();
    }

    private List<String> refusals() {
        return audit.recent(1000).stream().filter(e -> e.action().equals("scheduler.refused")).map(AuditEntry::detail).toList();
    }

    private List<String> usable() {
        return manager.installed().stream().map(i -> i.name() + "@" + i.version() + " " + i.bundle()).toList();
    }

    private Capability grant(Bundle to, String policy) {
        return table.grant(Resource.scheduler(policy), EnumSet.of(Right.PROVIDE), to.getBundleId(), to.getSymbolicName(), "test");
    }

    @Test
    void aLaterBundleWithoutACapabilityCannotTakeOverAPartitionNorShadowFifo() throws Exception {
        framework.install("lifo", stackPolicies, TestPolicies.Lifo::new);
        declare("web", "(hallows.scheduler=lifo)");
        declare("admin", "(hallows.scheduler=fifo)");
        assertEquals("lifo@0.1.0", active("web"));

        framework.install("lifo", hostile, TestPolicies.Lifo::new);
        framework.install("fifo", hostile, TestPolicies.Lifo::new);
        framework.install("lifo", impostor, TestPolicies.Lifo::new);
        assertEquals("lifo@0.1.0", active("web"), "the stack's policy keeps serving");
        assertEquals("fifo@1.0.0", active("admin"), "the built-in FIFO keeps serving");
        assertEquals(List.of("fifo@1.0.0 io.hallows.kernel", "lifo@0.1.0 io.hallows.scheduler.lifo"), usable(),
                "refused factories are not listed as usable");

        List<String> refused = refusals();
        assertEquals(3, refused.size(), refused.toString());
        assertTrue(refused.get(0).startsWith("scheduler factory 'lifo' 99.0.0 of bundle 200 (test:hostile, it.hostile 99.0.0) refused:"
                + " it is not one of the stack's bundles and holds no capability scheduler:lifo PROVIDE"), refused.get(0));
        assertTrue(refused.get(1).contains("'fifo' is the kernel's built-in policy and cannot be provided by a bundle"), refused.get(1));
        assertTrue(refused.get(2).startsWith("scheduler factory 'lifo' 0.2.0 of bundle 201 (test:impostor, io.hallows.scheduler.lifo"),
                "a symbolic name buys nothing: " + refused.get(2));
        assertEquals(3, manager.refused().size(), manager.refused().toString());
    }

    @Test
    void aCapabilityLetsALaterBundleProvideAPolicyUntilItIsRevoked() throws Exception {
        declare("web", "(hallows.scheduler=turbo)");
        framework.install("turbo", hostile, TestPolicies.Lifo::new);
        assertEquals("fifo@1.0.0", active("web"), "refused: the partition stays on FIFO");

        Capability provide = grant(hostile, "turbo");
        assertEquals("turbo@99.0.0", active("web"), "granted: the same registration now serves");
        assertTrue(usable().contains("turbo@99.0.0 it.hostile"), usable().toString());
        assertEquals(List.of(), manager.refused());

        provide.revoke();
        assertEquals("fifo@1.0.0", active("web"), "revoked: the partition leaves it");
        assertEquals(1, manager.refused().size());
        assertEquals(2, refusals().size(), "refused, then refused again after the revocation: " + refusals());
    }

    @Test
    void newerRevisionsComeOnlyFromTheBundleThatProvidesThePolicy() throws Exception {
        ServiceReference<SchedulerFactory> first = framework.install("lifo", stackPolicies, TestPolicies.Lifo::new);
        declare("web", "(hallows.scheduler=lifo)");
        grant(hostile, "lifo");
        framework.install("lifo", hostile, TestPolicies.Lifo::new);
        assertEquals("lifo@0.1.0", active("web"), "a capability does not let another bundle replace a provided policy");
        assertTrue(refusals().get(0).contains("policy 'lifo' is provided by bundle 5 (stack:5, io.hallows.scheduler.lifo 0.1.0):"
                + " only that installed bundle may provide newer revisions of it"), refusals().toString());

        // The stack bundle updated in place (same id and location): its new revision is followed.
        Bundle updated = FakeFramework.bundle(5, "stack:5", "io.hallows.scheduler.lifo", "0.2.0");
        framework.uninstall(first);
        ServiceReference<SchedulerFactory> second = framework.install("lifo", updated, TestPolicies.Lifo::new);
        assertEquals("lifo@0.2.0", active("web"));

        // Once the providing bundle is uninstalled, the bundle holding the capability may provide it.
        framework.uninstall(second);
        assertEquals("fifo@1.0.0", active("web"), "the provider stopped; the other bundle's factory is still refused");
        framework.uninstallBundle(updated);
        assertEquals("lifo@99.0.0", active("web"));
        assertEquals(List.of(), manager.refused());
    }
}
