package io.hallows.kernel.impl.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallows.hal.api.CpuSet;
import io.hallows.kernel.api.AuditEntry;
import io.hallows.kernel.api.ExitReason;
import io.hallows.kernel.api.PartitionExecutor;
import io.hallows.kernel.api.SwapRecord;
import io.hallows.kernel.impl.audit.AuditJournal;
import io.hallows.kernel.impl.capability.CapabilityTable;
import io.hallows.kernel.impl.hal.HalBinding;
import io.hallows.kernel.impl.partition.PartitionConfig;
import io.hallows.kernel.impl.protect.GatedService;
import io.hallows.kernel.spi.SchedulerFactory;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.ServiceReference;

/** The kernel's scheduling service over a fake framework: operators' swaps, policies coming and going, aborts, faults. */
class SchedulerManagerTest {
    private final FakeFramework framework = new FakeFramework();
    private final AuditJournal audit = AuditJournal.inMemory();
    private final LinkedBlockingQueue<String> faults = new LinkedBlockingQueue<>();
    private SchedulerManager manager;

    @BeforeEach
    void open() throws Exception {
        HalBinding hal = new HalBinding(framework.context, audit, b -> true);
        manager = new SchedulerManager(framework.context, audit, new CapabilityTable(audit), b -> true, b -> true, hal,
                (partition, reason) -> faults.add(partition + ": " + reason));
        manager.open();
    }

    @AfterEach
    void close() {
        manager.close();
    }

    private PartitionConfig declared;

    private void declare(String scheduler, String watchdog) throws Exception {
        Map<String, Object> props = new HashMap<>(Map.of("name", "p", "cpus", "0", "workers", 2, "watchdog", watchdog));
        if (scheduler != null) {
            props.put("scheduler", scheduler);
        }
        declared = PartitionConfig.parse(props, CpuSet.parse("0-1"));
        manager.declared(declared);
    }

    private String active() {
        return manager.stats("p").scheduler();
    }

    /** The executor as the kernel registered it, got as a bundle the gate lets through gets it. */
    @SuppressWarnings("unchecked")
    private PartitionExecutor executor() {
        return ((GatedService<PartitionExecutor>) framework.executors.get("p")).getService(FakeFramework.bundle("a.bundle", "1.0.0"), null);
    }

    /** Tasks still run after whatever happened: none was lost in a switch. */
    private void tasksRun() throws InterruptedException {
        CountDownLatch ran = new CountDownLatch(100);
        for (int i = 0; i < 100; i++) {
            executor().execute(ran::countDown);
        }
        assertTrue(ran.await(30, TimeUnit.SECONDS), "tasks still missing: " + ran.getCount());
    }

    private List<String> audited(String action) {
        return audit.recent(1000).stream().filter(e -> e.action().equals(action)).map(AuditEntry::detail).toList();
    }

    private static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, what);
            Thread.onSpinWait();
        }
    }

    @Test
    void aDeclaredPartitionGetsItsPolicyAndAnExecutorServiceUntilItIsRemoved() throws Exception {
        declare(null, "30s");
        assertEquals("fifo@1.0.0", active());
        assertTrue(framework.executors.containsKey("p"), "its executor is registered");
        assertEquals(List.of("fifo@1.0.0 with 2 workers"), audited("scheduler.start"));
        tasksRun();
        manager.removed(declared);
        assertTrue(framework.executors.isEmpty(), "its executor is withdrawn");
        assertThrows(IllegalArgumentException.class, () -> manager.stats("p"));
    }

    @Test
    void anOperatorSwapsAndRollsBack() throws Exception {
        framework.install("lifo", "1.0.0", TestPolicies.Lifo::new);
        declare(null, "30s");
        SwapRecord swap = manager.swap("p", "lifo");
        assertEquals("lifo@1.0.0", swap.to());
        assertEquals("lifo@1.0.0", active());
        assertEquals(ExitReason.OPERATOR, swap.reason());
        assertTrue(audited("scheduler.swap").get(0).startsWith("fifo@1.0.0 -> lifo@1.0.0 (operator): swapped by the kernel shell"),
                audited("scheduler.swap").toString());
        tasksRun();

        SwapRecord back = manager.rollback("p");
        assertEquals("fifo@1.0.0", back.to());
        assertEquals("fifo@1.0.0", active());
        assertTrue(back.detail().startsWith("rolled back by the kernel shell"), back.detail());
        tasksRun();

        assertThrows(IllegalArgumentException.class, () -> manager.swap("p", "nope"), "not installed");
        assertThrows(IllegalArgumentException.class, () -> manager.swap("p", "Not a name)"), "not a policy name");
        assertThrows(IllegalArgumentException.class, () -> manager.swap("q", "lifo"), "no such partition");
    }

    @Test
    void rollingBackBeforeAnySwitchIsRefused() throws Exception {
        declare(null, "30s");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> manager.rollback("p"));
        assertTrue(e.getMessage().contains("nothing to roll back to"), e.getMessage());
    }

    @Test
    void partitionsFollowThePolicyTheyAskForAsItIsInstalledUpdatedAndRemoved() throws Exception {
        declare("(hallows.scheduler=lifo)", "30s");
        assertEquals("fifo@1.0.0", active(), "not installed yet: the built-in FIFO serves");

        ServiceReference<SchedulerFactory> v1 = framework.install("lifo", "1.0.0", TestPolicies.Lifo::new);
        assertEquals("lifo@1.0.0", active(), "installed: the partition moves to it");
        ServiceReference<SchedulerFactory> v2 = framework.install("lifo", "1.1.0", TestPolicies.Lifo::new);
        assertEquals("lifo@1.1.0", active(), "a newer revision: the partition moves to it");
        tasksRun();

        framework.uninstall(v2);
        assertEquals("lifo@1.0.0", active(), "its revision leaving: the next best");
        framework.uninstall(v1);
        assertEquals("fifo@1.0.0", active(), "none left: the built-in FIFO");
        tasksRun();
        assertTrue(audited("scheduler.swap").stream().allMatch(d -> d.contains("(update)")), audited("scheduler.swap").toString());
        assertEquals(4, audited("scheduler.swap").size());
    }

    @Test
    void aStalledSchedulerIsAbortedToFifoAndStaysThere() throws Exception {
        framework.install("stalled", "1.0.0", context -> new TestPolicies.Stalled());
        declare("(hallows.scheduler=stalled)", "100ms");
        assertEquals("stalled@1.0.0", active());
        CountDownLatch ran = new CountDownLatch(20);
        for (int i = 0; i < 20; i++) {
            executor().execute(ran::countDown);
        }
        assertTrue(ran.await(30, TimeUnit.SECONDS), "the stalled scheduler's tasks ran on FIFO");
        assertEquals("fifo@1.0.0", active());
        assertEquals(ExitReason.STALL, manager.stats("p").lastExit().reason());
        await(() -> !audited("scheduler.abort").isEmpty(), "the abort is audited");
        assertTrue(audited("scheduler.abort").get(0).startsWith("stalled@1.0.0 -> fifo@1.0.0 (stall): task #1 was runnable for"),
                audited("scheduler.abort").toString());

        framework.install("stalled", "2.0.0", context -> new TestPolicies.Stalled());
        assertEquals("fifo@1.0.0", active(), "after an abort the partition asks for FIFO, not for the policy that stalled");
    }

    @Test
    void repeatedTaskFailuresAreReportedAsTheSupervisorsFault() throws Exception {
        declare(null, "30s");
        CountDownLatch failed = new CountDownLatch(TaskFailures.DEFAULT_THRESHOLD + 1);
        for (int i = 0; i <= TaskFailures.DEFAULT_THRESHOLD; i++) {
            executor().execute(() -> {
                failed.countDown();
                throw new IllegalStateException("boom");
            });
        }
        assertTrue(failed.await(30, TimeUnit.SECONDS));
        String fault = faults.poll(30, TimeUnit.SECONDS);
        assertTrue(fault != null && fault.startsWith("p: repeated task failures: over 100 tasks failed within 10000 ms"), fault);
        assertEquals(TaskFailures.DEFAULT_THRESHOLD + 1, manager.stats("p").failed());
    }

    @Test
    void aStalledLoopThreadIsAuditedWithItsTopFramesAndListedWithItsRole() throws Exception {
        declare(null, "100ms");
        CountDownLatch release = new CountDownLatch(1);
        long since = System.nanoTime() - TimeUnit.SECONDS.toNanos(1); // busy for a second already
        Runnable body = executor().ownThread("test-eventloop", () -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, () -> since);
        Thread loop = Thread.ofPlatform().name("test-eventloop-0").start(body);
        try {
            await(() -> !audited("partition.stall").isEmpty(), "the stall is audited");
            assertTrue(audited("partition.stall").get(0).startsWith("thread test-eventloop-0 busy for "), audited("partition.stall").toString());
            assertTrue(manager.workers().stream().anyMatch(w -> w.thread().equals("test-eventloop-0") && w.role().equals("test-eventloop")
                    && w.partition().equals("p")), manager.workers().toString());
            assertEquals(1, manager.stats("p").loops());
            assertEquals(1, manager.stats("p").stalls());
        } finally {
            release.countDown();
            loop.join(TimeUnit.SECONDS.toMillis(10));
        }
    }
}
