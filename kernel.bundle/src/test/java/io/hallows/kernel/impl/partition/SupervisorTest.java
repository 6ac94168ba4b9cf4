package io.hallows.kernel.impl.partition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallows.hal.api.CpuSet;
import io.hallows.kernel.api.AuditEntry;
import io.hallows.kernel.api.PartitionState;
import io.hallows.kernel.api.PartitionStatus;
import io.hallows.kernel.impl.EmbeddedFelix;
import io.hallows.kernel.impl.audit.AuditJournal;
import io.hallows.kernel.impl.capability.CapabilityTable;
import io.hallows.kernel.impl.protect.Trust;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleListener;

/** The supervisor on its thread, driving bundles of a real framework. */
class SupervisorTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    @RegisterExtension
    static final EmbeddedFelix.PerClass framework = new EmbeddedFelix.PerClass();

    private final AuditJournal audit = AuditJournal.inMemory();
    private final List<Partition> partitions = new CopyOnWriteArrayList<>();
    private final SupervisorThread thread = new SupervisorThread(audit);
    private Supervisor supervisor;
    /** What the supervisor told its listener before stopping a partition's bundles, and whether they were still active. */
    private final List<String> stopping = new CopyOnWriteArrayList<>();
    private Trust trust;

    /** The test's bundles are installed after the "stack" (the bare framework), by its system bundle: admitted by location. */
    @BeforeEach
    void watchInstallations() throws Exception {
        trust = framework.get().watchedTrust(new CapabilityTable(audit));
    }

    @AfterEach
    void stopSupervisor() {
        framework.get().system().removeBundleListener(trust);
        thread.close();
    }

    private Partition partition(String name, Object... more) throws ConfigRejection {
        Map<String, Object> props = new HashMap<>(Map.of("name", name, "cpus", "0", "bundles", "test." + name + ".*",
                "locations", "mem:*"));
        for (int i = 0; i < more.length; i += 2) {
            props.put(more[i].toString(), more[i + 1]);
        }
        Partition p = new Partition("pid." + name, PartitionConfig.parse(props, CpuSet.parse("0-1")));
        partitions.add(p);
        if (supervisor == null) {
            supervisor = new Supervisor(audit, thread, new Membership(framework.get().system(), () -> partitions, trust), () -> { },
                    new PartitionListener() {
                        @Override
                        public void declared(PartitionConfig config) {
                        }

                        @Override
                        public void changed(PartitionConfig before, PartitionConfig after) {
                        }

                        @Override
                        public void removed(PartitionConfig config) {
                        }

                        @Override
                        public void stopping(PartitionConfig config, String why) {
                            stopping.add(config.name() + ": " + why + bundlesActive(config.name()));
                        }
                    });
        }
        return p;
    }

    /** ", bundles active" if every bundle named for partition {@code name} is active, else ", bundles stopped". */
    private static String bundlesActive(String name) {
        boolean active = java.util.Arrays.stream(framework.get().system().getBundles())
                .filter(b -> b.getSymbolicName() != null && b.getSymbolicName().startsWith("test." + name + "."))
                .allMatch(b -> b.getState() == Bundle.ACTIVE);
        return active ? ", bundles active" : ", bundles stopped";
    }

    private void onSupervisor(Runnable action) {
        thread.call(() -> {
            action.run();
            return null;
        });
    }

    private List<AuditEntry> lifecycleOf(String name) {
        return audit.recent(1000).stream().filter(e -> e.target().equals(name) && e.action().startsWith("partition.")
                && !e.action().equals("partition.fault") && !e.action().equals("partition.release")).toList();
    }

    @Test
    void aBundleThatKeepsFailingIsRestartedWithGrowingBackoffThenQuarantined() throws Exception {
        Partition p = partition("flaky", "restart.maxRestarts", 2, "restart.backoff", "40ms", "restart.maxBackoff", "1s");
        Bundle flaky = framework.get().install("test.flaky.app", "Import-Package", "test.flaky.missing");

        onSupervisor(() -> supervisor.start(p));
        assertTrue(p.await(PartitionState.QUARANTINED, WAIT));
        onSupervisor(() -> { }); // the supervisor's action that quarantined it has finished, audit included

        List<AuditEntry> steps = lifecycleOf("flaky");
        assertEquals(List.of("partition.starting", "partition.restarting", "partition.starting", "partition.restarting",
                "partition.starting", "partition.quarantined"), steps.stream().map(AuditEntry::action).toList());
        assertEquals("restart 1 of 2 in 40 ms", steps.get(1).detail());
        assertEquals("restart 2 of 2 in 80 ms", steps.get(3).detail());
        assertTrue(Duration.between(steps.get(1).time(), steps.get(2).time()).toMillis() >= 40, "the first backoff was waited out");
        assertTrue(Duration.between(steps.get(3).time(), steps.get(4).time()).toMillis() >= 80, "the second backoff doubled");
        assertTrue(steps.get(5).detail().startsWith("restart budget spent (2 restarts within 60s); last fault: bundle test.flaky.app"),
                steps.get(5).detail());
        PartitionStatus status = p.snapshot(List.of());
        assertEquals(2, status.totalRestarts());
        assertTrue(status.lastFault().contains("failed to start"), status.lastFault());

        // Once what it lacked is there, a release starts it again with a fresh budget.
        framework.get().install("test.exporter.of.missing", "Export-Package", "test.flaky.missing");
        onSupervisor(() -> supervisor.release(p));
        assertEquals(PartitionState.RUNNING, p.state());
        assertEquals(Bundle.ACTIVE, flaky.getState());
        assertEquals(0, p.snapshot(List.of()).restarts());
    }

    @Test
    void aFaultRestartsOnlyItsOwnPartitionsBundles() throws Exception {
        // A backoff long enough that the state is still RESTARTING when the test looks (10 ms was
        // sometimes over before the test thread ran again, on a loaded machine).
        Partition faulty = partition("left", "restart.backoff", "500ms");
        Partition other = partition("right");
        Bundle left = framework.get().install("test.left.app");
        Bundle right = framework.get().install("test.right.app");
        AtomicInteger leftStops = stops(left);
        AtomicInteger rightStops = stops(right);
        onSupervisor(() -> {
            supervisor.start(faulty);
            supervisor.start(other);
        });

        onSupervisor(() -> supervisor.fault(faulty, "tasks keep failing"));
        assertEquals(PartitionState.RESTARTING, faulty.state());
        assertTrue(faulty.await(PartitionState.RUNNING, WAIT), "started again after its backoff");

        assertEquals(1, leftStops.get(), "the faulty partition's bundle was stopped once and started again");
        assertEquals(Bundle.ACTIVE, left.getState());
        assertEquals(0, rightStops.get(), "the other partition's bundle was not touched");
        assertEquals(List.of("left: restart after a fault, bundles active"), stopping,
                "told before the bundles stop, so that the partition's overrunning tasks are given up; only the faulty partition");
        assertEquals(PartitionState.RUNNING, other.state());
        assertEquals("tasks keep failing", faulty.snapshot(List.of()).lastFault());
    }

    @Test
    void aBurstOfFaultsWhileARestartIsPendingSpendsOneRestart() throws Exception {
        Partition p = partition("bursty", "restart.maxRestarts", 2, "restart.backoff", "5s", "restart.maxBackoff", "5s");
        onSupervisor(() -> supervisor.start(p));
        onSupervisor(() -> {
            for (int i = 0; i < 5; i++) {
                supervisor.fault(p, "fault " + i);
            }
        });
        assertEquals(PartitionState.RESTARTING, p.state(), "five faults with a budget of two must not quarantine");
        assertEquals(1, p.snapshot(List.of()).restarts());
        assertEquals(4, audit.recent(100).stream().filter(e -> e.detail().startsWith("while a restart is pending")).count());
        onSupervisor(() -> supervisor.stop(p, "test over")); // cancels the pending restart
        assertEquals(PartitionState.STOPPED, p.state());
    }

    @Test
    void illegalRequestsAreRefusedAndChangeNothing() throws Exception {
        Partition p = partition("steady");
        Bundle member = framework.get().install("test.steady.app");
        onSupervisor(() -> supervisor.start(p));
        assertEquals(Bundle.ACTIVE, member.getState());

        IllegalStateException running = assertThrows(IllegalStateException.class, () -> onSupervisor(() -> supervisor.release(p)));
        assertEquals("partition 'steady' is running; only a quarantined or stopped partition can be released", running.getMessage());
        assertEquals(PartitionState.RUNNING, p.state());
        assertEquals(Bundle.ACTIVE, member.getState());

        onSupervisor(() -> supervisor.stop(p, "by the test"));
        assertEquals(Bundle.RESOLVED, member.getState());
        IllegalStateException restart = assertThrows(IllegalStateException.class, () -> onSupervisor(() -> supervisor.restartNow(p, "again")));
        assertEquals("partition 'steady' is stopped; release it to start it again", restart.getMessage());
        IllegalStateException twice = assertThrows(IllegalStateException.class, () -> onSupervisor(() -> supervisor.stop(p, "again")));
        assertEquals("partition 'steady' is stopped and cannot become stopped (from stopped it may become starting, quarantined)",
                twice.getMessage());

        onSupervisor(() -> supervisor.fault(p, "late fault"));
        assertEquals(PartitionState.STOPPED, p.state(), "a fault in a stopped partition is only recorded");
        onSupervisor(() -> supervisor.release(p));
        assertEquals(PartitionState.RUNNING, p.state());
        assertEquals(Bundle.ACTIVE, member.getState());
    }

    private static AtomicInteger stops(Bundle bundle) {
        AtomicInteger stops = new AtomicInteger();
        BundleListener listener = event -> {
            if (event.getBundle().equals(bundle) && event.getType() == BundleEvent.STOPPED) {
                stops.incrementAndGet();
            }
        };
        framework.get().system().addBundleListener(listener);
        return stops;
    }
}
