package io.hallows.scheduler.workstealing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallows.kernel.spi.Scheduler;
import io.hallows.kernel.spi.Task;
import io.hallows.scheduler.testkit.TestContext;
import io.hallows.scheduler.testkit.TestTask;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WorkStealingSchedulerTest {
    private static final int CHILDREN = 2_000;
    private static final long CHILD_WORK_NANOS = TimeUnit.MICROSECONDS.toNanos(100);

    private TestContext context;
    private Scheduler scheduler;

    private void start(int workers, Map<String, String> options) {
        context = new TestContext(workers, options);
        scheduler = new WorkStealingSchedulerFactory().create(context);
    }

    @AfterEach
    void workersExitOnceSwitchedOutAndNeverThrew() throws InterruptedException {
        if (context != null) {
            stop();
            assertEquals(List.of(), context.loopFailures());
        }
    }

    /** Stops the workers, so that what they counted after a task's body is in the metrics too. */
    private Map<String, Object> stop() throws InterruptedException {
        context.deactivate();
        assertTrue(context.awaitWorkersExit(30_000), "worker loops did not return after deactivate");
        return scheduler.metrics();
    }

    /** One parent on some worker submits all the children: they land on its deque, then spread. */
    private FanOut fanOut() throws InterruptedException {
        AtomicInteger parentWorker = new AtomicInteger(-1);
        AtomicIntegerArray childrenRunOn = new AtomicIntegerArray(context.parallelism());
        CountDownLatch done = new CountDownLatch(CHILDREN);
        scheduler.submit(TestTask.of(context, () -> {
            parentWorker.set(context.workerIndex());
            for (int i = 0; i < CHILDREN; i++) {
                scheduler.submit(TestTask.of(context, () -> {
                    spin(CHILD_WORK_NANOS); // a request's own work
                    childrenRunOn.incrementAndGet(context.workerIndex());
                    done.countDown();
                }));
            }
        }));
        assertTrue(done.await(60, TimeUnit.SECONDS), "children still missing: " + done.getCount());
        return new FanOut(parentWorker.get(), childrenRunOn, stop());
    }

    private record FanOut(int parentWorker, AtomicIntegerArray childrenRunOn, Map<String, Object> metrics) { }

    private static void spin(long nanos) {
        long end = System.nanoTime() + nanos;
        while (System.nanoTime() < end) {
            Thread.onSpinWait();
        }
    }

    @Test
    void idleWorkersStealChildrenQueuedOnTheirParentsWorker() throws InterruptedException {
        start(2, Map.of());
        FanOut run = fanOut();
        assertEquals((long) CHILDREN, run.metrics().get("submitted.local"), "children stay on the parent's deque");
        assertTrue((long) run.metrics().get("steals") > 0, "no steals: " + run.metrics());
        for (int w = 0; w < context.parallelism(); w++) {
            assertTrue(run.childrenRunOn().get(w) >= CHILDREN / 5,
                    "worker " + w + " ran " + run.childrenRunOn().get(w) + " of " + CHILDREN + " children: " + run.childrenRunOn());
        }
        assertEquals(CHILDREN + 1L, executedInAll(run.metrics()));
    }

    @Test
    void withoutStealingAllChildrenRunOnTheirParentsWorker() throws InterruptedException {
        start(2, Map.of("steal", "false"));
        FanOut run = fanOut();
        assertEquals(0L, run.metrics().get("steals"));
        assertEquals(CHILDREN, run.childrenRunOn().get(run.parentWorker()), "children: " + run.childrenRunOn());
        assertEquals(0, run.childrenRunOn().get(1 - run.parentWorker()), "children: " + run.childrenRunOn());
    }

    @Test
    void handBackReturnsWhatIsQueuedBehindBusyWorkersAndStartsNothingMore() throws InterruptedException {
        start(2, Map.of());
        CountDownLatch busy = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        for (int i = 0; i < 2; i++) {
            scheduler.submit(TestTask.of(context, () -> {
                busy.countDown();
                await(release);
            }));
        }
        assertTrue(busy.await(30, TimeUnit.SECONDS), "both workers should be running a blocker");
        List<TestTask> queued = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            TestTask task = TestTask.of(context, () -> { });
            queued.add(task);
            scheduler.submit(task);
        }

        List<Task> returned = scheduler.handBack();
        release.countDown();
        stop();

        assertEquals(queued.size(), returned.size());
        assertEquals(Set.copyOf(queued), Set.copyOf(returned));
        assertTrue(queued.stream().noneMatch(TestTask::ran), "a task ran after it was handed back");
    }

    @Test
    void handBackWhileWorkersTakeAndStealReturnsExactlyTheTasksThatDidNotStart() throws InterruptedException {
        start(3, Map.of());
        List<TestTask> submitted = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            TestTask task = TestTask.of(context, () -> spin(TimeUnit.MICROSECONDS.toNanos(5)));
            submitted.add(task);
            scheduler.submit(task);
        }

        Set<Task> returned = Set.copyOf(scheduler.handBack());
        stop(); // every task a worker took has finished once the workers are gone

        for (TestTask task : submitted) {
            assertTrue(task.ran() != returned.contains(task), task + (task.ran() ? " ran and was returned" : " was lost"));
        }
    }

    @Test
    void handBackOfAnIdleInstanceReturnsNothingAndItsWorkersReturn() throws InterruptedException {
        start(3, Map.of());
        assertEquals(List.of(), scheduler.handBack());
        assertTrue(context.awaitWorkersExit(30_000), "idle workers should return once handed back");
    }

    @Test
    void everyTaskAndChildRunsExactlyOnceUnderConcurrentSubmitters() throws InterruptedException {
        start(4, Map.of());
        int producers = 4;
        int perProducer = 50_000;
        int parents = producers * perProducer;
        AtomicIntegerArray runs = new AtomicIntegerArray(2 * parents); // parents, then their children
        CountDownLatch done = new CountDownLatch(2 * parents);
        List<Thread> threads = new ArrayList<>();
        for (int p = 0; p < producers; p++) {
            int producer = p;
            threads.add(Thread.ofPlatform().start(() -> {
                for (int i = 0; i < perProducer; i++) {
                    int id = producer * perProducer + i;
                    scheduler.submit(TestTask.of(context, () -> {
                        scheduler.submit(TestTask.of(context, () -> {
                            runs.incrementAndGet(parents + id);
                            done.countDown();
                        }));
                        runs.incrementAndGet(id);
                        done.countDown();
                    }));
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        assertTrue(done.await(60, TimeUnit.SECONDS), "tasks still missing: " + done.getCount());
        for (int i = 0; i < runs.length(); i++) {
            assertEquals(1, runs.get(i), "task " + i + " ran " + runs.get(i) + " times");
        }
        Map<String, Object> metrics = stop();
        assertEquals(0L, metrics.get("dropped"), "a run() returned false: a task was run twice");
        assertEquals((long) parents, metrics.get("submitted.external"));
        assertEquals((long) parents, metrics.get("submitted.local"));
        assertEquals(2L * parents, executedInAll(metrics));
    }

    @Test
    void aMalformedStealOptionIsRefusedWithWhatToSet() {
        TestContext bad = new TestContext("web", 1, Map.of("steal", "yes"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new WorkStealingSchedulerFactory().create(bad));
        assertEquals("partition 'web': scheduler.steal must be true or false, not 'yes'", e.getMessage());
        assertEquals(List.of(), bad.workers(), "no worker should start for a refused option");
    }

    private long executedInAll(Map<String, Object> metrics) {
        long sum = 0;
        for (int w = 0; w < context.parallelism(); w++) {
            sum += (long) metrics.get("executed." + w);
        }
        return sum;
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(30, TimeUnit.SECONDS), "never released");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
