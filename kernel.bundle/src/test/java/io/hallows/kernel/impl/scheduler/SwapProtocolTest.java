package io.hallows.kernel.impl.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallows.kernel.api.ExitReason;
import io.hallows.kernel.api.SwapRecord;
import io.hallows.kernel.api.TaskHints;
import io.hallows.kernel.spi.Scheduler;
import io.hallows.kernel.spi.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class SwapProtocolTest {
    private static final int PRODUCERS = 4;
    private static final int PER_PRODUCER = 50_000;

    private final TestPolicies policies = new TestPolicies().with("lifo", TestPolicies.Lifo::new);
    private final SwapProtocol protocol = new SwapProtocol(policies);

    @Test
    void manySwapsUnderLoadLoseNothingRunNothingTwiceAndKeepKeyOrder() throws Exception {
        PartitionRuntime runtime = new PartitionRuntime(TestPolicies.config(2, "30s"), (lane, detail) -> { });
        protocol.start(runtime, policies.fifo());
        int total = PRODUCERS * PER_PRODUCER;
        AtomicIntegerArray runs = new AtomicIntegerArray(total);
        ConcurrentHashMap<String, List<Integer>> order = new ConcurrentHashMap<>();
        CountDownLatch done = new CountDownLatch(total);
        List<Thread> producers = new ArrayList<>();
        for (int p = 0; p < PRODUCERS; p++) {
            int producer = p;
            producers.add(Thread.ofPlatform().start(() -> {
                for (int i = 0; i < PER_PRODUCER; i++) {
                    int id = producer * PER_PRODUCER + i;
                    String key = i % 2 == 0 ? "p" + producer + "-k" + (i % 32) : null;
                    runtime.execute(() -> {
                        runs.incrementAndGet(id);
                        if (key != null) {
                            order.computeIfAbsent(key, k -> new ArrayList<>()).add(id); // one at a time per key
                        }
                        done.countDown();
                    }, key == null ? TaskHints.NONE : TaskHints.key(key));
                }
            }));
        }
        int swaps = 0;
        while (producers.stream().anyMatch(Thread::isAlive) || swaps < 40) {
            SwapRecord r = protocol.swap(runtime, null, swaps % 2 == 0 ? TestPolicies.choice("lifo") : policies.fifo(),
                    ExitReason.OPERATOR, "test", true);
            assertNotNull(r);
            swaps++;
        }
        assertTrue(done.await(60, TimeUnit.SECONDS), "tasks still missing: " + done.getCount());
        for (int i = 0; i < total; i++) {
            assertEquals(1, runs.get(i), "task " + i + " ran " + runs.get(i) + " times");
        }
        order.forEach((key, ids) -> {
            for (int i = 1; i < ids.size(); i++) {
                assertTrue(ids.get(i - 1) < ids.get(i), "key " + key + " ran " + ids.get(i) + " after " + ids.get(i - 1));
            }
        });
        assertEquals(PRODUCERS * 16, order.size()); // even i, i % 32
        assertTrue(swaps >= 40);
        assertEquals(total, runtime.stats().completed());
        assertEquals(1, policies.acquired.get(), "every switched-out instance is released");
    }

    @Test
    void theKernelTakesBackWhatALyingSchedulerKeeps() throws Exception {
        TestPolicies.Stalled liar = new TestPolicies.Stalled() {
            @Override
            public synchronized List<Task> handBack() {
                return List.of(); // keeps everything, returns nothing
            }
        };
        policies.with("liar", context -> liar);
        PartitionRuntime runtime = new PartitionRuntime(TestPolicies.config(1, "30s"), (lane, detail) -> { });
        protocol.start(runtime, TestPolicies.choice("liar"));
        CountDownLatch done = new CountDownLatch(100);
        for (int i = 0; i < 100; i++) {
            runtime.execute(done::countDown);
        }
        SwapRecord r = protocol.swap(runtime, null, policies.fifo(), ExitReason.OPERATOR, "test", true);
        assertTrue(done.await(30, TimeUnit.SECONDS));
        assertEquals(100, r.handedBack());
        assertTrue(r.detail().contains("handed back 0 of the 100"), r.detail());
        assertEquals(List.of("fence", "transfer", "handBack", "deactivate", "preload"), List.copyOf(r.stepNanos().keySet()),
                "each step of the switch is timed, in order");
        assertEquals(r.stepNanos().values().stream().mapToLong(Long::longValue).sum(), r.handoverNanos(),
                "the handover is the steps together");
        assertEquals(r.stepNanos().get("fence"), r.pauseNanos(), "submissions wait only for the fence");
        // A body counts down before its task is marked done; the partition counts it completed after.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (runtime.stats().completed() < 100) {
            assertTrue(System.nanoTime() < deadline, "all 100 tasks completed");
            Thread.onSpinWait();
        }
        for (Task kept : liar.kept) {
            assertEquals(KernelTask.DONE, ((KernelTask) kept).state(), "taken back and run by the new scheduler");
        }
    }

    @Test
    void theWatchdogAbortsAStalledSchedulerAndItsTasksRunOnFifo() throws Exception {
        policies.with("stalled", context -> new TestPolicies.Stalled());
        AtomicReference<String> verdict = new AtomicReference<>();
        PartitionRuntime runtime = new PartitionRuntime(TestPolicies.config(1, "100ms"), (lane, detail) -> { });
        protocol.start(runtime, TestPolicies.choice("stalled"));
        CountDownLatch done = new CountDownLatch(50);
        CountDownLatch reverted = new CountDownLatch(1);
        try (Watchdog watchdog = new Watchdog(() -> List.of(runtime), (lane, reason, detail) -> {
            verdict.set(reason + ": " + detail);
            try {
                protocol.swap(runtime, lane, policies.fifo(), reason, detail, false);
                reverted.countDown();
            } catch (SwapProtocol.OpenFailure e) {
                throw new AssertionError(e);
            }
        }, (partition, stall) -> { }, Watchdog.OverrunReport.NONE)) {
            watchdog.start();
            for (int i = 0; i < 50; i++) {
                runtime.execute(done::countDown);
            }
            assertTrue(done.await(30, TimeUnit.SECONDS), "tasks of the stalled scheduler were not recovered");
            assertTrue(reverted.await(30, TimeUnit.SECONDS));
        }
        assertTrue(verdict.get().startsWith("stall: task #1 was runnable for"), verdict.get());
        assertEquals(ExitReason.STALL, runtime.stats().lastExit().reason());
        assertEquals("fifo@1.0.0", runtime.stats().scheduler());
    }

    @Test
    void aSchedulerThatThrowsIsReportedOnceAndItsTaskIsNotLost() throws Exception {
        policies.with("thrower", context -> new Scheduler() {
            @Override
            public void submit(Task task) {
                throw new IllegalStateException("boom");
            }

            @Override
            public List<Task> handBack() {
                return List.of();
            }
        });
        List<String> failures = new ArrayList<>();
        CountDownLatch reported = new CountDownLatch(1);
        PartitionRuntime[] self = new PartitionRuntime[1];
        self[0] = new PartitionRuntime(TestPolicies.config(1, "30s"), (lane, detail) -> {
            failures.add(detail);
            reported.countDown();
        });
        protocol.start(self[0], TestPolicies.choice("thrower"));
        CountDownLatch done = new CountDownLatch(3);
        for (int i = 0; i < 3; i++) {
            self[0].execute(done::countDown);
        }
        assertTrue(reported.await(10, TimeUnit.SECONDS));
        assertEquals(List.of("submit threw java.lang.IllegalStateException: boom"), failures);
        SwapRecord r = protocol.swap(self[0], self[0].active(), policies.fifo(), ExitReason.ERROR, failures.get(0), false);
        assertEquals(3, r.handedBack());
        assertTrue(done.await(30, TimeUnit.SECONDS));
        assertNull(protocol.swap(self[0], r == null ? null : new Lane(self[0], 99, policies.fifo(), 1), policies.fifo(),
                ExitReason.ERROR, "stale", false), "a verdict on a lane no longer active changes nothing");
    }
}
