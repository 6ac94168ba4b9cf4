package io.hallows.scheduler.frame;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallows.kernel.spi.Task;
import io.hallows.scheduler.testkit.TestContext;
import io.hallows.scheduler.testkit.TestTask;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/** The properties the frame policy exists for: deadlines, EDF inside a frame, a paced clock. */
class FrameDeadlineSchedulerTest {
    private static final long TIMEOUT_SECONDS = 30; // a failure guard only

    @Test
    void meetsDeadlinesUnderModerateLoad() throws Exception {
        // 5 tasks of 1 ms per 16.7 ms frame on 2 workers: about 15% of capacity.
        TestContext context = new TestContext(2, Map.of("frameRate", "60"));
        FrameDeadlineScheduler scheduler = create(context);
        long period = TimeUnit.SECONDS.toNanos(1) / 60;
        List<TestTask> tasks = runPaced(context, scheduler, 120, 5, TimeUnit.MILLISECONDS.toNanos(1), 3 * period);

        assertTrue(tasks.stream().allMatch(TestTask::ran));
        assertEquals(0, tasks.stream().filter(t -> t.finishedAt() > t.deadline()).count(), "tasks seen late");
        assertEquals(0L, scheduler.metrics().get("missedDeadlines"));
        assertTrue((long) scheduler.metrics().get("frames") >= 2);
        stop(scheduler, context);
    }

    @Test
    void countsExactlyTheDeadlinesMissedWhenOverloaded() throws Exception {
        // 8 tasks of 4 ms per 16.7 ms frame on one worker: about twice what a frame can hold.
        TestContext context = new TestContext(1, Map.of("frameRate", "60"));
        FrameDeadlineScheduler scheduler = create(context);
        long period = TimeUnit.SECONDS.toNanos(1) / 60;
        List<TestTask> tasks = runPaced(context, scheduler, 20, 8, TimeUnit.MILLISECONDS.toNanos(4), period);

        // The policy times a task when run() returns, just after TestTask records finishedAt; the
        // next task's start on the (only) worker bounds that moment from above.
        List<TestTask> byStart = tasks.stream().sorted(Comparator.comparingLong(TestTask::startedAt)).toList();
        long late = 0, unsure = 0;
        for (int i = 0; i < byStart.size(); i++) {
            TestTask t = byStart.get(i);
            long timedBefore = i + 1 < byStart.size() ? byStart.get(i + 1).startedAt() : System.nanoTime();
            if (t.finishedAt() > t.deadline()) {
                late++;
            } else if (timedBefore > t.deadline()) {
                unsure++;
            }
        }
        long missed = (long) scheduler.metrics().get("missedDeadlines");
        assertTrue(late > 0, "an overloaded frame misses deadlines");
        assertTrue(missed >= late && missed <= late + unsure,
                "missed " + missed + ", seen late " + late + " (+" + unsure + " finished within ns of their deadline)");
        assertTrue((long) scheduler.metrics().get("overruns") > 0);
        stop(scheduler, context);
    }

    @Test
    void runsAFrameEarliestDeadlineFirst() throws Exception {
        TestContext context = new TestContext(1, Map.of());
        FrameDeadlineScheduler scheduler = create(context);
        CountDownLatch blocking = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        scheduler.submit(TestTask.of(context, () -> {
            blocking.countDown();
            await(release);
        }));
        assertTrue(blocking.await(TIMEOUT_SECONDS, TimeUnit.SECONDS));

        // Submitted while the only worker is inside the previous frame: they form the next one together.
        long[] deadlines = { 5, Task.NO_DEADLINE, 1, 3, Task.NO_DEADLINE, 2, 4 };
        CountDownLatch done = new CountDownLatch(deadlines.length);
        List<TestTask> submitted = new ArrayList<>();
        for (long seconds : deadlines) {
            long relative = seconds == Task.NO_DEADLINE ? Task.NO_DEADLINE : TimeUnit.SECONDS.toNanos(seconds);
            TestTask task = TestTask.of(context, done::countDown, relative, null, null, 0);
            submitted.add(task);
            scheduler.submit(task);
        }
        release.countDown();
        assertTrue(done.await(TIMEOUT_SECONDS, TimeUnit.SECONDS));

        List<TestTask> ranInOrder = submitted.stream().sorted(Comparator.comparingLong(TestTask::startedAt)).toList();
        List<Integer> expected = List.of(2, 5, 3, 6, 0, 1, 4); // by deadline; the two without one in submission order
        assertEquals(expected.stream().map(submitted::get).toList(), ranInOrder);
        stop(scheduler, context);
    }

    @Test
    void tasksSubmittedDuringAFrameWaitForTheNextTickOnTheGrid() throws Exception {
        // A chain: each task, running in its frame, submits the next one.
        int frames = 30;
        long period = TimeUnit.SECONDS.toNanos(1) / 100;
        TestContext context = new TestContext(1, Map.of("frameRate", "100"));
        FrameDeadlineScheduler scheduler = create(context);
        long[] ticks = new long[frames];
        List<TestTask> chain = new ArrayList<>();
        CountDownLatch done = new CountDownLatch(1);
        Runnable[] link = new Runnable[1];
        link[0] = () -> {
            int i = chain.size();
            TestTask task = TestTask.of(context, () -> {
                ticks[i] = scheduler.frameTick();
                if (i + 1 < frames) {
                    link[0].run();
                } else {
                    done.countDown();
                }
            });
            chain.add(task); // one task at a time: each appends before the next can run
            scheduler.submit(task);
        };
        link[0].run();
        assertTrue(done.await(TIMEOUT_SECONDS, TimeUnit.SECONDS));

        for (int i = 1; i < frames; i++) {
            long step = ticks[i] - ticks[i - 1];
            assertTrue(step >= period && step % period == 0, "tick " + i + " is " + step + " ns after the previous");
            assertTrue(chain.get(i).startedAt() >= ticks[i - 1] + period, "task " + i + " started before the next tick");
        }
        drain(context, scheduler);
        assertTrue((long) scheduler.metrics().get("frames") >= frames);
        stop(scheduler, context);
    }

    static FrameDeadlineScheduler create(TestContext context) {
        return (FrameDeadlineScheduler) new FrameDeadlineSchedulerFactory().create(context);
    }

    /**
     * Submits {@code perFrame} tasks of {@code work} busy nanoseconds at each of {@code frames}
     * steady periods (the partition's frame period), each due {@code deadline} after submission;
     * returns them once all have run and the policy has accounted for them.
     */
    private static List<TestTask> runPaced(TestContext context, FrameDeadlineScheduler scheduler, int frames,
            int perFrame, long work, long deadline) throws InterruptedException {
        long period = TimeUnit.SECONDS.toNanos(1) / (int) scheduler.metrics().get("frameRate");
        CountDownLatch done = new CountDownLatch(frames * perFrame);
        List<TestTask> tasks = new ArrayList<>();
        long start = System.nanoTime();
        for (int f = 0; f < frames; f++) {
            LockSupport.parkNanos(start + f * period - System.nanoTime()); // pacing the load, not synchronising
            for (int i = 0; i < perFrame; i++) {
                TestTask task = TestTask.of(context, () -> {
                    spin(work);
                    done.countDown();
                }, deadline, null, null, 0);
                tasks.add(task);
                scheduler.submit(task);
            }
        }
        assertTrue(done.await(TIMEOUT_SECONDS, TimeUnit.SECONDS));
        drain(context, scheduler);
        return tasks;
    }

    /**
     * Runs one more task and waits for it. Frames do not overlap, so by then every earlier task's
     * completion has been accounted for in the metrics.
     */
    static void drain(TestContext context, FrameDeadlineScheduler scheduler) throws InterruptedException {
        CountDownLatch ran = new CountDownLatch(1);
        scheduler.submit(TestTask.of(context, ran::countDown));
        assertTrue(ran.await(TIMEOUT_SECONDS, TimeUnit.SECONDS));
    }

    /** Switches the instance out as the kernel does, and checks its workers left cleanly. */
    static void stop(FrameDeadlineScheduler scheduler, TestContext context) throws InterruptedException {
        scheduler.handBack();
        context.deactivate();
        assertTrue(context.awaitWorkersExit(TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS)));
        assertEquals(List.of(), context.loopFailures());
    }

    static void spin(long nanos) {
        long end = System.nanoTime() + nanos;
        while (System.nanoTime() < end) {
            Thread.onSpinWait();
        }
    }

    static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(TIMEOUT_SECONDS, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
