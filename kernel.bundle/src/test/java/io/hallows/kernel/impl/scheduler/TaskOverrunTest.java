package io.hallows.kernel.impl.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallows.kernel.api.PartitionExecutor;
import io.hallows.kernel.api.SchedulerStats;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Tasks that run past the watchdog bound, on the built-in FIFO and on a policy of a bundle: each is
 * reported once as the partition's fault with its stack and submitter, its worker is interrupted,
 * and a worker that ignores the interrupt is written off and replaced, so later tasks still run.
 */
class TaskOverrunTest {
    private final LinkedBlockingQueue<String> faults = new LinkedBlockingQueue<>();
    private final List<String> overruns = new CopyOnWriteArrayList<>();
    private final List<String> writtenOff = new CopyOnWriteArrayList<>();
    private final PartitionScheduling scheduling = PartitionScheduling.builder()
            .policies(new TestPolicies().with("lifo", TestPolicies.Lifo::new))
            .events(new PartitionScheduling.Events() {
                @Override
                public void overran(String partition, Overrun overrun) {
                    overruns.add(overrun.summary());
                }

                @Override
                public void writtenOff(String partition, String detail) {
                    writtenOff.add(detail);
                }
            })
            .taskFailures(100, java.time.Duration.ofSeconds(10), (partition, reason) -> faults.add(partition + ": " + reason))
            .build();
    /** Released at the end, so that the spinner that ignores interrupts returns and its thread ends. */
    private volatile boolean released;

    @AfterEach
    void close() {
        released = true;
        scheduling.close();
    }

    /** Spins until interrupted, as well-behaved long work does. */
    private static void spinUntilInterrupted() {
        while (!Thread.currentThread().isInterrupted()) {
            Thread.onSpinWait();
        }
    }

    /** Spins until the test releases it, ignoring interrupts. */
    private void spinIgnoringInterrupts(CountDownLatch returned) {
        while (!released) {
            Thread.onSpinWait();
        }
        returned.countDown();
    }

    private static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, what);
            Thread.onSpinWait();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"fifo", "lifo"})
    void overrunsAreReportedInterruptedAndStuckWorkersReplaced(String policy) throws Exception {
        ScheduledPartition partition = scheduling.start(TestPolicies.config(2, "100ms"), policy);
        PartitionExecutor executor = partition.runtime().forHolder(FakeFramework.bundle(7, "test:spinner", "it.spinner", "1.0.0"));
        CountDownLatch stubbornReturned = new CountDownLatch(1);
        executor.execute(TaskOverrunTest::spinUntilInterrupted);
        executor.execute(() -> spinIgnoringInterrupts(stubbornReturned));

        String first = faults.poll(30, TimeUnit.SECONDS);
        String second = faults.poll(30, TimeUnit.SECONDS);
        assertNotNull(second, "both overruns are reported as the partition's fault: " + first);
        for (String fault : List.of(first, second)) {
            assertTrue(fault.startsWith("test: task overran the watchdog bound: task #"), fault);
            assertTrue(fault.contains("submitted by bundle 7 (test:spinner, it.spinner 1.0.0)"), fault);
            assertTrue(fault.contains("overran the watchdog bound of 100 ms and was interrupted"), fault);
        }
        assertEquals(2, overruns.size(), "each overrun once: " + overruns);
        assertTrue(overruns.stream().anyMatch(o -> o.contains("spinUntilInterrupted")), "the stack names where it was: " + overruns);
        assertTrue(overruns.stream().anyMatch(o -> o.contains("spinIgnoringInterrupts")), overruns.toString());

        await(() -> partition.stats().replacedWorkers() == 1, "the worker that ignored the interrupt is replaced");
        assertEquals(1, writtenOff.size(), writtenOff.toString());
        assertTrue(writtenOff.get(0).contains("despite the interrupt: written off, replaced by hallows-test-" + policy), writtenOff.get(0));

        // Capacity is back: two tasks at once still run side by side, on the worker that returned and the replacement.
        CountDownLatch bothIn = new CountDownLatch(2);
        CountDownLatch bothOut = new CountDownLatch(2);
        for (int i = 0; i < 2; i++) {
            executor.execute(() -> {
                bothIn.countDown();
                try {
                    bothIn.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                bothOut.countDown();
            });
        }
        assertTrue(bothOut.await(30, TimeUnit.SECONDS), "two later tasks run at once: the partition has two workers again");

        await(() -> partition.stats().completed() == 3, "the two later tasks and the interrupted one completed");
        SchedulerStats stats = partition.stats();
        assertEquals(2, stats.overruns());
        assertEquals(1, stats.replacedWorkers());
        assertTrue(stats.lastOverrun().contains("submitted by bundle 7") && stats.lastOverrun().contains("\n\tat "), stats.lastOverrun());
        assertEquals(1, stats.running(), "the stubborn task is still running, and said so");

        released = true;
        assertTrue(stubbornReturned.await(30, TimeUnit.SECONDS));
        await(() -> partition.runtime().threads().workers().size() == 2, "the written-off worker leaves once its task returns");
        await(() -> partition.stats().completed() == 4, "every task completed once: " + partition.stats());
        assertEquals(0, partition.stats().running());
    }

    @Test
    void noTaskIsLostOrRunTwiceWhileWorkersAreReplaced() throws Exception {
        ScheduledPartition partition = scheduling.start(TestPolicies.config(2, "100ms"), "fifo");
        PartitionExecutor executor = partition.executor();
        CountDownLatch stubbornReturned = new CountDownLatch(1);
        executor.execute(() -> spinIgnoringInterrupts(stubbornReturned));
        executor.execute(() -> spinIgnoringInterrupts(stubbornReturned));
        Map<Integer, Integer> runs = new ConcurrentHashMap<>();
        int tasks = 10_000;
        for (int i = 0; i < tasks; i++) {
            int id = i;
            executor.execute(() -> runs.merge(id, 1, Integer::sum));
        }
        await(() -> runs.size() == tasks, "every task queued behind the stuck workers runs on their replacements: " + runs.size());
        assertTrue(runs.values().stream().allMatch(n -> n == 1), "none ran twice");
        // One replacement may run every queued task before the other stuck worker's bound is up.
        await(() -> partition.stats().replacedWorkers() == 2, "both stuck workers replaced: " + partition.stats().replacedWorkers());
        assertTrue(faults.poll(30, TimeUnit.SECONDS).contains("submitted by the kernel (no bundle known)"));
        released = true;
        assertTrue(stubbornReturned.await(30, TimeUnit.SECONDS));
        await(() -> partition.stats().completed() == tasks + 2, "the stuck tasks complete too, once");
    }
}
