package io.hallows.kernel.impl.partition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallows.hal.api.CpuSet;
import io.hallows.kernel.api.PartitionState;
import io.hallows.kernel.api.PartitionStatus;
import io.hallows.kernel.api.Partitions;
import io.hallows.kernel.api.Resource;
import io.hallows.kernel.api.Right;
import io.hallows.kernel.impl.EmbeddedFelix;
import io.hallows.kernel.impl.audit.AuditJournal;
import io.hallows.kernel.impl.capability.CapabilityTable;
import io.hallows.kernel.impl.protect.Trust;
import java.time.Duration;
import java.util.Hashtable;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleListener;

/** The partition manager fed as ConfigAdmin and the framework feed it, with bundles of a real framework. */
class PartitionManagerTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    @RegisterExtension
    static final EmbeddedFelix.PerClass framework = new EmbeddedFelix.PerClass();

    private final AuditJournal audit = AuditJournal.inMemory();
    private final CapabilityTable table = new CapabilityTable(audit);
    private final List<String> heard = new CopyOnWriteArrayList<>();
    private final CountDownLatch removed = new CountDownLatch(1);
    private PartitionManager manager;
    private Trust trust;

    @BeforeEach
    void open() throws Exception {
        // The bare framework is the "stack"; the tests' bundles come later, installed by its system bundle.
        trust = framework.get().watchedTrust(table);
        manager = new PartitionManager(framework.get().system(), audit, table, trust, () -> CpuSet.parse("0-1"), CpuSet::empty, new PartitionListener() {
            @Override
            public void declared(PartitionConfig config) {
                heard.add("declared " + config.name());
            }

            @Override
            public void changed(PartitionConfig before, PartitionConfig after) {
                heard.add("changed " + before.cpus() + " -> " + after.cpus());
            }

            @Override
            public void removed(PartitionConfig config) {
                heard.add("removed " + config.name());
                removed.countDown();
            }
        });
        framework.get().system().addBundleListener(manager.bundleListener());
    }

    @AfterEach
    void close() {
        framework.get().system().removeBundleListener(manager.bundleListener());
        framework.get().system().removeBundleListener(trust);
        manager.close();
    }

    private static Hashtable<String, Object> config(String name, Object... more) {
        Hashtable<String, Object> props = new Hashtable<>();
        props.put("name", name);
        props.put("cpus", "0");
        props.put("exclusive", "false");
        props.put("bundles", new String[] {"test." + name + ".*"});
        props.put("locations", new String[] {"mem:*"});
        for (int i = 0; i < more.length; i += 2) {
            props.put(more[i].toString(), more[i + 1]);
        }
        return props;
    }

    private void declare(String pid, Hashtable<String, Object> props) throws Exception {
        manager.configurations().updated(pid, props);
        assertTrue(manager.awaitSettled(List.of(pid), WAIT), pid + " settles");
    }

    @Test
    void aStackIsDeclaredInOnePassWithEachBadDeclarationRejectedAndTheRestRunning() throws Exception {
        java.util.Map<String, java.util.Map<String, Object>> stack = new java.util.LinkedHashMap<>();
        stack.put("stack~one", config("one", "exclusive", "true"));
        stack.put("stack~two", config("two", "exclusive", "true")); // cpu 0 is one's
        stack.put("stack~again", config("one", "cpus", "1"));
        stack.put("stack~huge", config("huge", "watchdog", "9999999999999999h"));
        stack.put("stack~three", config("three", "cpus", "1", "exclusive", "true"));
        manager.declareStack(stack);
        assertTrue(manager.awaitSettled(stack.keySet(), WAIT), "every declaration is decided, the overflow included");

        assertEquals(List.of("one", "three"), manager.list().stream().map(PartitionStatus::name).toList());
        assertTrue(manager.list().stream().allMatch(p -> p.state() == PartitionState.RUNNING));
        assertEquals(java.util.Map.of(
                "stack~two", "partition 'two': cpus: cpu 0 already owned exclusively by partition 'one'",
                "stack~again", "partition 'one': name: already used by configuration stack~one",
                "stack~huge", "partition 'huge': watchdog: must be at most 168h (168h) (was 9999999999999999h)"),
                manager.rejectedDeclarations());
        assertEquals("0", manager.stackProperties("stack~one").orElseThrow().get("cpus"), "kept for the first configure");
        manager.configurations().updated("stack~one", config("one", "exclusive", "true"));
        assertTrue(manager.stackProperties("stack~one").isEmpty(), "ConfigAdmin holds it now");
    }

    @Test
    void aDeclaredPartitionStartsItsBundlesAndGrantsThemWhatTheStackSays() throws Exception {
        Bundle member = framework.get().install("test.alpha.app");
        declare("pid.alpha", config("alpha", "grants", new String[] {"service:greeter CALL"}));

        PartitionStatus alpha = manager.status("alpha").orElseThrow();
        assertEquals(PartitionState.RUNNING, alpha.state());
        assertEquals(List.of("test.alpha.app[" + member.getBundleId() + "] active"), alpha.bundles());
        assertEquals(Bundle.ACTIVE, member.getState());
        assertTrue(table.find(member.getBundleId(), Resource.service("greeter"), Right.CALL).isPresent());
        assertTrue(table.find(member.getBundleId(), Resource.service("kernel.executor.alpha"), Right.CALL).isPresent(),
                "a partition's bundles may run work in it");
        assertEquals(List.of("declared alpha"), heard);
        assertEquals(java.util.Optional.of("pid.alpha"), manager.pidOf("alpha"));
    }

    @Test
    void aBundleInstalledLaterJoinsItsRunningPartition() throws Exception {
        declare("pid.beta", config("beta"));
        CountDownLatch started = new CountDownLatch(1);
        BundleListener watch = event -> {
            if (event.getType() == BundleEvent.STARTED && event.getBundle().getSymbolicName().equals("test.beta.late")) {
                started.countDown();
            }
        };
        framework.get().system().addBundleListener(watch);
        try {
            Bundle late = framework.get().install("test.beta.late");
            assertTrue(started.await(10, TimeUnit.SECONDS), "the running partition adopts and starts it");
            assertEquals(Bundle.ACTIVE, late.getState());
        } finally {
            framework.get().system().removeBundleListener(watch);
        }
    }

    @Test
    void aRejectedChangeKeepsThePreviousConfigurationAndTellsItsWaiter() throws Exception {
        declare("pid.gamma", config("gamma"));
        manager.configurations().updated("pid.gamma", config("gamma", "cpus", "7", PartitionManager.CHANGE_TOKEN, "t1"));
        String verdict = manager.verdictOf("t1").get(10, TimeUnit.SECONDS);
        manager.forgetVerdict("t1");
        assertEquals("partition 'gamma': cpus: cpu 7 is not online (online: 0-1)", verdict);
        PartitionStatus gamma = manager.status("gamma").orElseThrow();
        assertEquals("0", gamma.cpus());
        assertEquals(verdict, gamma.rejected());

        manager.configurations().updated("pid.gamma", config("gamma", "cpus", "1", PartitionManager.CHANGE_TOKEN, "t2"));
        assertNull(manager.verdictOf("t2").get(10, TimeUnit.SECONDS), "accepted");
        assertEquals("1", manager.status("gamma").orElseThrow().cpus());
        assertEquals(List.of("declared gamma", "changed 0 -> 1"), heard);
    }

    @Test
    void aConfigurationRejectedBeforeItWasEverAcceptedIsReportedAndCountsAsSettled() throws Exception {
        declare("pid.delta", config("delta"));
        declare("pid.bad", config("delta")); // the same name twice
        assertEquals(List.of("delta"), manager.list().stream().map(PartitionStatus::name).toList());
        assertEquals("partition 'delta': name: already used by configuration pid.delta", manager.rejectedDeclarations().get("pid.bad"));
    }

    @Test
    void deletingAPartitionStopsItsBundlesAndTakesTheirGrants() throws Exception {
        Bundle member = framework.get().install("test.epsilon.app");
        declare("pid.epsilon", config("epsilon"));
        assertEquals(Bundle.ACTIVE, member.getState());

        manager.configurations().deleted("pid.epsilon");
        assertTrue(removed.await(10, TimeUnit.SECONDS));
        assertEquals(Bundle.RESOLVED, member.getState(), "no partition supervises it any more");
        assertTrue(manager.status("epsilon").isEmpty());
        assertFalse(table.find(member.getBundleId(), Resource.service("kernel.executor.epsilon"), Right.CALL).isPresent());
        IllegalArgumentException gone = assertThrows(IllegalArgumentException.class, () -> manager.restart("epsilon"));
        assertEquals("no partition 'epsilon' (partitions: )", gone.getMessage());
    }

    @Test
    void operatorActionsFollowTheLifecycleAndAHolderNeedsRightsOnThePartition() throws Exception {
        Bundle member = framework.get().install("test.eta.app");
        declare("pid.eta", config("eta"));
        manager.stop("eta");
        assertEquals(PartitionState.STOPPED, manager.status("eta").orElseThrow().state());
        assertEquals(Bundle.RESOLVED, member.getState());
        manager.release("eta");
        assertEquals(PartitionState.RUNNING, manager.status("eta").orElseThrow().state());
        IllegalStateException notHeld = assertThrows(IllegalStateException.class, () -> manager.release("eta"));
        assertEquals("partition 'eta' is running; only a quarantined or stopped partition can be released", notHeld.getMessage());

        Bundle outsider = framework.get().install("test.outsider");
        Partitions view = manager.forHolder(outsider);
        assertTrue(view.list().isEmpty(), "a partition it may not read is left out");
        SecurityException denied = assertThrows(SecurityException.class, () -> view.quarantine("eta"));
        assertEquals("test.outsider may not quarantine partition 'eta': it needs partition:eta with ADMIN", denied.getMessage());
        assertEquals(PartitionState.RUNNING, manager.status("eta").orElseThrow().state());

        table.grant(new Resource(Resource.PARTITION, "eta"), Set.of(Right.READ, Right.ADMIN), outsider.getBundleId(),
                outsider.getSymbolicName(), "test");
        view.quarantine("eta");
        assertEquals(List.of("eta"), view.list().stream().map(PartitionStatus::name).toList());
        assertTrue(view.await("eta", PartitionState.QUARANTINED, WAIT));
        assertEquals(Bundle.RESOLVED, member.getState());
    }

    @Test
    void aNameAloneDoesNotMakeAMemberOnlyTheLocationTheStackInstalledItFrom() throws Exception {
        declare("pid.theta", config("theta", "grants", new String[] {"partition:theta ADMIN"}));
        Bundle elsewhere = framework.get().installAt(framework.get().system(), "elsewhere:theta", "test.theta.app");
        Bundle vendor = framework.get().start("test.vendor.installer");
        Bundle smuggled = framework.get().installAt(vendor.getBundleContext(), "mem:smuggled", "test.theta.smuggled");
        Bundle admitted = framework.get().install("test.theta.admitted");
        declare("pid.iota", config("iota")); // handled on the supervisor thread after the installations
        assertEquals(List.of("test.theta.admitted[" + admitted.getBundleId() + "] active"), manager.status("theta").orElseThrow().bundles());
        for (Bundle outsider : List.of(elsewhere, smuggled)) {
            assertTrue(table.heldBy(outsider.getBundleId()).isEmpty(), "no grants for " + outsider.getLocation());
            assertEquals(Bundle.INSTALLED, outsider.getState(), "not started by the partition");
            assertTrue(audit.recent(1000).stream().anyMatch(e -> e.action().equals("deny")
                    && e.target().equals("test.theta." + (outsider == elsewhere ? "app" : "smuggled") + " [#" + outsider.getBundleId()
                            + " " + outsider.getLocation() + "]")
                    && e.detail().startsWith("not a member of partition 'theta'")), "refusal audited for " + outsider.getLocation());
        }
        assertTrue(table.find(admitted.getBundleId(), new Resource(Resource.PARTITION, "theta"), Right.ADMIN).isPresent());
    }
}
