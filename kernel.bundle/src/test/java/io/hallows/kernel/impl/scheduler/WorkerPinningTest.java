package io.hallows.kernel.impl.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallows.hal.api.CpuSet;
import io.hallows.hal.api.Outcome;
import io.hallows.hal.api.Support;
import io.hallows.kernel.api.ExitReason;
import io.hallows.kernel.impl.partition.PartitionConfig;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The kernel pins each worker to its partition's cpus as it starts, and re-pins running ones on demand. */
class WorkerPinningTest {
    private final TestPolicies policies = new TestPolicies().with("lifo", TestPolicies.Lifo::new);
    private final SwapProtocol protocol = new SwapProtocol(policies);

    /** Records what it was asked to pin; answers as a HAL would, with the set read back. */
    private static final class RecordingPinner implements Pinner {
        final Map<String, CpuSet> started = new ConcurrentHashMap<>();
        final Map<Long, CpuSet> repinned = new ConcurrentHashMap<>();
        volatile CountDownLatch starts;

        RecordingPinner(int expectedStarts) {
            starts = new CountDownLatch(expectedStarts);
        }

        @Override
        public Outcome<CpuSet> pinCurrent(CpuSet cpus) {
            started.put(Thread.currentThread().getName(), cpus);
            starts.countDown();
            return Outcome.of(cpus, Support.NATIVE);
        }

        @Override
        public Outcome<CpuSet> pin(long tid, CpuSet cpus) {
            repinned.put(tid, cpus);
            return Outcome.of(cpus, Support.NATIVE);
        }
    }

    private static PartitionConfig config(String cpus) throws Exception {
        return PartitionConfig.parse(Map.of("name", "test", "cpus", cpus, "workers", 2, "watchdog", "30s"), CpuSet.parse("0-1"));
    }

    @Test
    void everyWorkerPinsItselfToThePartitionsCpusBeforeItsLoopRuns() throws Exception {
        RecordingPinner pinner = new RecordingPinner(2);
        PartitionRuntime runtime = new PartitionRuntime(config("1"), (lane, detail) -> { }, pinner);
        protocol.start(runtime, policies.fifo());
        assertTrue(pinner.starts.await(10, TimeUnit.SECONDS), "both workers pinned themselves");
        assertEquals(2, pinner.started.size());
        pinner.started.forEach((thread, cpus) -> {
            assertTrue(thread.startsWith("hallows-test-fifo-"), thread);
            assertEquals(CpuSet.of(1), cpus);
        });
        List<WorkerPin> workers = awaitPinned(runtime, 2);
        for (WorkerPin w : workers) {
            assertEquals("1", w.pinned().value().toString());
            assertTrue(w.tid() > 0, "a Linux thread id, from /proc/thread-self: " + w);
        }

        // A switch starts new workers: they pin themselves too.
        pinner.starts = new CountDownLatch(2);
        protocol.swap(runtime, null, TestPolicies.choice("lifo"), ExitReason.OPERATOR, "test", true);
        assertTrue(pinner.starts.await(10, TimeUnit.SECONDS), "the new lane's workers pinned themselves");
        assertTrue(pinner.started.keySet().stream().anyMatch(t -> t.startsWith("hallows-test-lifo-")), pinner.started.toString());
    }

    @Test
    void rebindingPinsTheRunningWorkersByThreadIdToTheNewCpus() throws Exception {
        RecordingPinner pinner = new RecordingPinner(2);
        PartitionRuntime runtime = new PartitionRuntime(config("1"), (lane, detail) -> { }, pinner);
        protocol.start(runtime, policies.fifo());
        List<Long> tids = awaitPinned(runtime, 2).stream().map(WorkerPin::tid).sorted().toList();

        runtime.reconfigure(config("0-1"));
        runtime.threads().rebind();

        assertEquals(tids, pinner.repinned.keySet().stream().sorted().toList(), "each running worker, by its thread id");
        pinner.repinned.values().forEach(cpus -> assertEquals(CpuSet.parse("0-1"), cpus));
        runtime.threads().list().forEach(w -> assertEquals("0-1", w.pinned().value().toString()));
    }

    @Test
    void withoutAHalWorkersRunUnpinnedAndSaySo() throws Exception {
        PartitionRuntime runtime = new PartitionRuntime(config("1"), (lane, detail) -> { });
        protocol.start(runtime, policies.fifo());
        CountDownLatch ran = new CountDownLatch(1);
        runtime.execute(ran::countDown);
        assertTrue(ran.await(10, TimeUnit.SECONDS), "work runs without a HAL");
        awaitWorkers(runtime, 2); // the worker that did not take the task may still be starting
        List<WorkerPin> workers = runtime.threads().list();
        assertEquals(2, workers.size());
        for (WorkerPin w : workers) {
            assertFalse(w.pinned().isSupported(), w.toString());
        }
        runtime.threads().rebind(); // nothing to pin through: no exception either
    }

    @Test
    void aPinnerThatThrowsLeavesWorkersRunningUnpinnedWithoutFailingTheLane() throws Exception {
        Pinner faulty = new Pinner() {
            @Override
            public Outcome<CpuSet> pinCurrent(CpuSet cpus) {
                throw new IllegalArgumentException("cpu 1 is not online");
            }

            @Override
            public Outcome<CpuSet> pin(long tid, CpuSet cpus) {
                throw new IllegalStateException("faulty HAL");
            }
        };
        java.util.concurrent.atomic.AtomicInteger laneFailures = new java.util.concurrent.atomic.AtomicInteger();
        PartitionRuntime runtime = new PartitionRuntime(config("1"), (lane, detail) -> laneFailures.incrementAndGet(), faulty);
        protocol.start(runtime, policies.fifo());
        CountDownLatch ran = new CountDownLatch(100);
        for (int i = 0; i < 100; i++) {
            runtime.execute(ran::countDown);
        }
        assertTrue(ran.await(10, TimeUnit.SECONDS), "work still runs");
        awaitWorkers(runtime, 2);
        List<Outcome<CpuSet>> again = runtime.threads().rebind();
        assertEquals(2, again.size());
        again.forEach(o -> assertTrue(o.reason().contains("faulty HAL"), o.toString()));
        runtime.threads().list().forEach(w -> assertFalse(w.pinned().isSupported(), w.toString()));
        assertEquals(0, laneFailures.get(), "a pinning failure is not a scheduler fault");
    }

    private static void awaitWorkers(PartitionRuntime runtime, int count) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (runtime.threads().list().size() < count) {
            assertTrue(System.nanoTime() < deadline, "workers started: " + runtime.threads().list());
            Thread.onSpinWait();
        }
    }

    /** The workers once {@code count} of them have recorded their pinning (they do it on their own threads). */
    private static List<WorkerPin> awaitPinned(PartitionRuntime runtime, int count) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        List<WorkerPin> workers;
        do {
            workers = runtime.threads().list();
            if (workers.size() == count && workers.stream().allMatch(w -> w.pinned().isSupported())) {
                return workers;
            }
            Thread.onSpinWait();
        } while (System.nanoTime() < deadline);
        throw new AssertionError(count + " pinned workers expected: " + workers);
    }
}
