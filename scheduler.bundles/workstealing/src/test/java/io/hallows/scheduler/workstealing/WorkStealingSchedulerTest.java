package io.hallows.scheduler.workstealing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallows.kernel.spi.Scheduler;
import io.hallows.kernel.spi.SchedulerFactory;
import io.hallows.scheduler.testkit.SchedulerContract;
import io.hallows.scheduler.testkit.TestContext;
import io.hallows.scheduler.testkit.TestTask;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

/** The work-stealing policy: the SPI's contract, and children spreading from their parent's worker. */
class WorkStealingSchedulerTest extends SchedulerContract<Scheduler> {
    private static final int CHILDREN = 2_000;
    private static final long CHILD_WORK_NANOS = TimeUnit.MICROSECONDS.toNanos(100);

    @Override
    protected SchedulerFactory factory() {
        return new WorkStealingSchedulerFactory();
    }

    @Override
    protected void checkMetricsAfterLoad(Map<String, Object> metrics, Load load) {
        assertEquals(0L, metrics.get("dropped"), "a run() returned false: a task was run twice");
        assertEquals((long) load.external().size(), metrics.get("submitted.external"));
        assertEquals((long) load.fromWorkers().size(), metrics.get("submitted.local"));
        assertEquals((long) load.all().size(), executedInAll(metrics));
    }

    /** One parent on some worker submits all the children: they land on its deque, then spread. */
    private FanOut fanOut() throws InterruptedException {
        Scheduler scheduler = scheduler();
        TestContext context = context();
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

    @Test
    void idleWorkersStealChildrenQueuedOnTheirParentsWorker() throws InterruptedException {
        start(2, Map.of());
        FanOut run = fanOut();
        assertEquals((long) CHILDREN, run.metrics().get("submitted.local"), "children stay on the parent's deque");
        assertTrue((long) run.metrics().get("steals") > 0, "no steals: " + run.metrics());
        for (int w = 0; w < context().parallelism(); w++) {
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
    void aMalformedStealOptionIsRefusedWithWhatToSet() {
        TestContext bad = new TestContext("web", 1, Map.of("steal", "yes"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new WorkStealingSchedulerFactory().create(bad));
        assertEquals("partition 'web': scheduler.steal must be true or false, not 'yes'", e.getMessage());
        assertEquals(List.of(), bad.workers(), "no worker should start for a refused option");
    }

    private long executedInAll(Map<String, Object> metrics) {
        long sum = 0;
        for (int w = 0; w < context().parallelism(); w++) {
            sum += (long) metrics.get("executed." + w);
        }
        return sum;
    }
}
