package io.hallows.kernel.impl.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallows.hal.api.CpuSet;
import io.hallows.hal.api.Outcome;
import io.hallows.hal.api.Support;
import io.hallows.kernel.api.SchedulerStats;
import io.hallows.kernel.impl.partition.PartitionConfig;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A framework's loop thread given to a partition: pinned, listed, counted, and watched for stalls. */
class OwnedLoopTest {
    private static final long BOUND_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final TestPolicies policies = new TestPolicies();
    private final CountDownLatch entered = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private final RecordingPinner pinner = new RecordingPinner();
    private final List<String> reported = new CopyOnWriteArrayList<>();
    private Thread thread;

    /** Records which thread pinned itself (by name) and which were pinned again (by id). */
    private static final class RecordingPinner implements Pinner {
        final Map<String, CpuSet> started = new ConcurrentHashMap<>();
        final Map<Long, CpuSet> repinned = new ConcurrentHashMap<>();

        @Override
        public Outcome<CpuSet> pinCurrent(CpuSet cpus) {
            started.put(Thread.currentThread().getName(), cpus);
            return Outcome.of(cpus, Support.NATIVE);
        }

        @Override
        public Outcome<CpuSet> pin(long tid, CpuSet cpus) {
            repinned.put(tid, cpus);
            return Outcome.of(cpus, Support.NATIVE);
        }
    }

    @AfterEach
    void stopTheLoop() throws InterruptedException {
        release.countDown();
        if (thread != null) {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        }
    }

    private static PartitionConfig config(String cpus) throws Exception {
        return PartitionConfig.parse(Map.of("name", "web", "cpus", cpus, "workers", 1, "watchdog", "100ms"), CpuSet.parse("0-1"));
    }

    private PartitionRuntime runtime(String cpus) throws Exception {
        PartitionRuntime runtime = new PartitionRuntime(config(cpus), (lane, detail) -> { }, pinner);
        new SwapProtocol(policies).start(runtime, policies.fifo());
        return runtime;
    }

    /** Starts a loop thread through ownThread whose body blocks in {@link #handlerThatBlocks} until released. */
    private void startLoop(PartitionRuntime runtime, AtomicLong busySince) throws InterruptedException {
        Runnable body = runtime.ownThread("test-eventloop", this::handlerThatBlocks, busySince::get);
        thread = Thread.ofPlatform().name("test-eventloop-0").start(body);
        assertTrue(entered.await(10, TimeUnit.SECONDS), "the loop runs");
    }

    private void handlerThatBlocks() {
        entered.countDown();
        try {
            release.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Watchdog watchdog(PartitionRuntime runtime) {
        return new Watchdog(() -> List.of(runtime), (lane, reason, detail) -> { },
                (partition, stall) -> reported.add(partition + ": " + stall.summary()), Watchdog.OverrunReport.NONE);
    }

    @Test
    void theLoopThreadIsPinnedListedWithItsRoleAndCountedWhileItRuns() throws Exception {
        PartitionRuntime runtime = runtime("1");
        startLoop(runtime, new AtomicLong());
        assertEquals(CpuSet.of(1), pinner.started.get("test-eventloop-0"), "it pinned itself to the partition's cpus");
        WorkerPin pin = runtime.threads().list().stream().filter(WorkerPin::isLoop).findFirst().orElseThrow();
        assertEquals("web", pin.partition());
        assertEquals("test-eventloop-0", pin.thread());
        assertEquals("test-eventloop", pin.role());
        assertEquals("1", pin.pinned().value().toString());
        assertEquals(1, runtime.stats().loops());

        runtime.reconfigure(config("0-1"));
        runtime.threads().rebind();
        assertEquals(CpuSet.parse("0-1"), pinner.repinned.get(pin.tid()), "pinned again, by its id, with the workers");

        release.countDown();
        thread.join(TimeUnit.SECONDS.toMillis(10));
        assertEquals(0, runtime.stats().loops(), "it left the partition when its loop returned");
        assertTrue(runtime.threads().list().stream().noneMatch(WorkerPin::isLoop));
    }

    @Test
    void aLoopBusyForLongerThanTheBoundIsReportedOnceWithItsStack() throws Exception {
        PartitionRuntime runtime = runtime("0");
        AtomicLong busySince = new AtomicLong();
        startLoop(runtime, busySince);
        Watchdog watchdog = watchdog(runtime);
        watchdog.check();
        assertEquals(List.of(), reported, "idle: nothing to report");

        busySince.set(System.nanoTime() - 2 * BOUND_NANOS); // busy since two bounds ago
        watchdog.check();
        watchdog.check();
        assertEquals(1, reported.size(), "one report per unit of work: " + reported);
        assertTrue(reported.get(0).startsWith("web: thread test-eventloop-0 busy for "), reported.get(0));
        assertTrue(reported.get(0).contains(" < io.hallows.kernel.impl.scheduler.OwnedLoopTest.handlerThatBlocks("),
                "its top frame, then its own code's: " + reported.get(0));
        SchedulerStats stats = runtime.stats();
        assertEquals(1, stats.stalls());
        assertTrue(stats.lastStall().startsWith("thread test-eventloop-0 (test-eventloop) busy for "), stats.lastStall());
        assertTrue(stats.lastStall().contains("OwnedLoopTest.handlerThatBlocks"), "its whole stack: " + stats.lastStall());

        busySince.set(System.nanoTime() - 3 * BOUND_NANOS); // another unit of work, as long
        watchdog.check();
        assertEquals(2, reported.size(), reported.toString());
        assertEquals(2, runtime.stats().stalls());

        busySince.set(System.nanoTime()); // a unit of work that has just begun
        watchdog.check();
        assertEquals(2, reported.size(), "within the bound: " + reported);
    }

    @Test
    void noLoopsNoStalls() throws Exception {
        SchedulerStats stats = runtime("0").stats();
        assertEquals(0, stats.loops());
        assertEquals(0, stats.stalls());
        assertNull(stats.lastStall());
    }

    @Test
    void aRemovedPartitionOwnsNoMoreThreads() throws Exception {
        PartitionRuntime runtime = runtime("0");
        runtime.close();
        assertThrows(RejectedExecutionException.class, () -> runtime.ownThread("test-eventloop", () -> { }, () -> 0));
    }
}
