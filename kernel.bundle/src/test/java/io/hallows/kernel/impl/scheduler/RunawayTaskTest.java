package io.hallows.kernel.impl.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallows.hal.api.CpuSet;
import io.hallows.kernel.api.PartitionExecutor;
import io.hallows.kernel.api.TaskAbandonedException;
import io.hallows.kernel.api.TaskHints;
import io.hallows.kernel.impl.partition.PartitionConfig;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 15, item 3: tasks that never return on the built-in FIFO. A caller waiting for such a task
 * is released once the kernel gives the task up (its worker written off); two of them filling the
 * partition's workers do not hang it; and an operator's kill interrupts a task, or gives up its
 * worker when it ignores the interrupt, touching no other partition.
 */
class RunawayTaskTest {
    private final LinkedBlockingQueue<String> faults = new LinkedBlockingQueue<>();
    private final List<String> kills = new CopyOnWriteArrayList<>();
    private final PartitionScheduling scheduling = PartitionScheduling.builder()
            .events(new PartitionScheduling.Events() {
                @Override
                public void killed(String partition, String detail) {
                    kills.add(partition + ": " + detail);
                }
            })
            .taskFailures(100, Duration.ofSeconds(10), (partition, reason) -> faults.add(partition + ": " + reason))
            .build();
    /** Lets the tasks that ignore interrupts return at the end, so that no test leaves a thread spinning. */
    private volatile boolean released;

    @AfterEach
    void close() {
        released = true;
        scheduling.close();
    }

    private static PartitionConfig config(String name, String watchdog) throws Exception {
        return PartitionConfig.parse(Map.of("name", name, "cpus", "0", "workers", 2, "watchdog", watchdog), CpuSet.parse("0-1"));
    }

    /** Spins until the test ends, ignoring interrupts, as a runaway Parseltongue loop does. */
    private String spinIgnoringInterrupts(CountDownLatch started) {
        started.countDown();
        while (!released) {
            Thread.onSpinWait();
        }
        return "returned";
    }

    private static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, what);
            Thread.onSpinWait();
        }
    }

    /** What {@code future.get} throws within 30 s: the caller must not wait for ever. */
    private static Throwable failureOf(CompletableFuture<?> future) {
        return assertThrows(ExecutionException.class, () -> future.get(30, TimeUnit.SECONDS)).getCause();
    }

    @Test
    void twoRunawayCallsFillingTheWorkersAreReportedAndTheirCallersReleased() throws Exception {
        ScheduledPartition apps = scheduling.start(config("apps", "100ms"), "fifo");
        PartitionExecutor executor = apps.executor();
        CountDownLatch started = new CountDownLatch(2);
        CompletableFuture<String> first = executor.submit(() -> spinIgnoringInterrupts(started), TaskHints.NONE);
        CompletableFuture<String> second = executor.submit(() -> spinIgnoringInterrupts(started), TaskHints.NONE);
        CompletableFuture<String> later = executor.submit(() -> Thread.currentThread().getName(), TaskHints.NONE);

        for (CompletableFuture<String> runaway : List.of(first, second)) {
            Throwable why = failureOf(runaway);
            assertTrue(why instanceof TaskAbandonedException, String.valueOf(why));
            assertTrue(why.getMessage().matches("task #[12] of partition 'apps' was given up after \\d+ ms: still running despite the interrupt;"
                    + " it may go on running on the written-off thread hallows-apps-fifo-.*"), why.getMessage());
        }
        assertTrue(later.get(30, TimeUnit.SECONDS).startsWith("hallows-apps-fifo-"), "a later call runs on a replacement");
        for (int i = 0; i < 2; i++) {
            String fault = faults.poll(30, TimeUnit.SECONDS);
            assertTrue(fault != null && fault.startsWith("apps: task overran the watchdog bound: task #"), "reported as the fault: " + fault);
            assertTrue(fault.contains("spinIgnoringInterrupts"), "with where it was: " + fault);
        }
        List<RunningTask> running = apps.running();
        assertEquals(2, running.size(), running.toString());
        assertTrue(running.stream().allMatch(t -> t.state().equals("written off")), running.toString());
        assertEquals(2, apps.stats().replacedWorkers());
    }

    @Test
    void killInterruptsATaskThatHeedsInterrupts() throws Exception {
        ScheduledPartition apps = scheduling.start(config("apps", "1h"), "fifo");
        CountDownLatch started = new CountDownLatch(1);
        CompletableFuture<String> call = apps.executor().submit(() -> {
            started.countDown();
            while (!Thread.currentThread().isInterrupted()) {
                Thread.onSpinWait();
            }
            return "stopped on interrupt";
        }, TaskHints.key("k1"));
        assertTrue(started.await(30, TimeUnit.SECONDS));
        List<RunningTask> running = apps.running();
        assertEquals(1, running.size(), running.toString());
        RunningTask task = running.get(0);
        assertEquals("k1", task.key());
        assertEquals("running", task.state());

        String outcome = apps.kill(task.number(), Duration.ofSeconds(30), "the test");
        assertEquals("task #" + task.number() + " key k1 killed by the test: interrupted; it returned", outcome);
        assertEquals("stopped on interrupt", call.get(30, TimeUnit.SECONDS));
        assertEquals(List.of("apps: " + outcome), kills);
        assertEquals(0, apps.stats().replacedWorkers(), "a task that returned leaves its worker in service");
        assertEquals("ran", apps.executor().submit(() -> "ran", TaskHints.key("k1")).get(30, TimeUnit.SECONDS),
                "its key's next task runs");
    }

    @Test
    void killGivesUpATaskThatIgnoresItAndLeavesOtherPartitionsAlone() throws Exception {
        ScheduledPartition apps = scheduling.start(config("apps", "1h"), "fifo");
        ScheduledPartition other = scheduling.start(config("other", "1h"), "fifo");
        CountDownLatch started = new CountDownLatch(1);
        CompletableFuture<String> call = apps.executor().submit(() -> spinIgnoringInterrupts(started), TaskHints.NONE);
        assertTrue(started.await(30, TimeUnit.SECONDS));
        long number = apps.running().get(0).number();

        String outcome = apps.kill(number, Duration.ofMillis(50), "the test");
        assertTrue(outcome.matches("task #" + number + " killed by the test: interrupted; worker hallows-apps-fifo-\\S+ is still in task #"
                + number + " \\d+ ms after it started, after the test's kill and 50 ms of grace: written off, replaced by"
                + " hallows-apps-fifo-\\S+-r1; its caller is released"), outcome);
        Throwable why = failureOf(call);
        assertTrue(why instanceof TaskAbandonedException && why.getMessage().contains("after the test's kill"), String.valueOf(why));
        assertEquals("written off", apps.running().get(0).state());
        assertEquals(1, apps.stats().replacedWorkers());
        assertEquals("ran", apps.executor().submit(() -> "ran", TaskHints.NONE).get(30, TimeUnit.SECONDS));

        assertEquals("ran", other.executor().submit(() -> "ran", TaskHints.NONE).get(30, TimeUnit.SECONDS));
        assertEquals(0, other.stats().replacedWorkers());
        assertEquals(0, other.stats().overruns());
        assertTrue(faults.isEmpty(), "a kill is an operator's act, not a fault: " + faults);

        String again = apps.kill(number, Duration.ofMillis(50), "the test");
        assertTrue(again.endsWith("was already written off; interrupted it again"), again);
        released = true;
        await(() -> apps.running().isEmpty(), "the written-off thread leaves once its task returns");
        assertEquals(2, apps.runtime().threads().workers().size());
    }

    @Test
    void stoppingThePartitionsBundlesGivesUpItsOverrunningTasksOnly() throws Exception {
        ScheduledPartition apps = scheduling.start(config("apps", "1s"), "fifo");
        CountDownLatch started = new CountDownLatch(1);
        CompletableFuture<String> runaway = apps.executor().submit(() -> spinIgnoringInterrupts(started), TaskHints.NONE);
        String fault = faults.poll(30, TimeUnit.SECONDS);
        assertTrue(fault != null && fault.startsWith("apps: task overran the watchdog bound"), String.valueOf(fault));
        CountDownLatch inBound = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        CompletableFuture<String> young = apps.executor().submit(() -> {
            inBound.countDown();
            finish.await();
            return "finished";
        }, TaskHints.NONE);
        assertTrue(inBound.await(30, TimeUnit.SECONDS));

        // The supervisor stops the bundles (a restart after the fault) a bound before the watchdog would write the worker off.
        apps.giveUpOverruns("restart after a fault", Duration.ZERO);
        Throwable why = failureOf(runaway);
        assertTrue(why instanceof TaskAbandonedException
                && why.getMessage().contains(": still running when its partition's bundles stopped (restart after a fault);"), String.valueOf(why));
        finish.countDown();
        assertEquals("finished", young.get(30, TimeUnit.SECONDS), "a task within the bound is left alone");
        assertEquals(1, apps.stats().replacedWorkers());
    }

    @Test
    void killOfATaskThatIsNotRunningSaysWhatRuns() throws Exception {
        ScheduledPartition apps = scheduling.start(config("apps", "1h"), "fifo");
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> apps.kill(7, Duration.ZERO, "the test"));
        assertEquals("partition 'apps' runs no task #7 now (it runs none)", none.getMessage());
        CountDownLatch started = new CountDownLatch(1);
        apps.executor().submit(() -> spinIgnoringInterrupts(started), TaskHints.NONE);
        assertTrue(started.await(30, TimeUnit.SECONDS));
        IllegalArgumentException other = assertThrows(IllegalArgumentException.class, () -> apps.kill(7, Duration.ZERO, "the test"));
        assertEquals("partition 'apps' runs no task #7 now (it runs #1)", other.getMessage());
        assertTrue(kills.isEmpty(), kills.toString());
    }
}
