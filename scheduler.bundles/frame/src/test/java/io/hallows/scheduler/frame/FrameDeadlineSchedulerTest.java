package io.hallows.scheduler.frame;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallows.kernel.spi.SchedulerFactory;
import io.hallows.kernel.spi.Task;
import io.hallows.scheduler.testkit.SchedulerContract;
import io.hallows.scheduler.testkit.TestContext;
import io.hallows.scheduler.testkit.TestTask;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The frame policy: the SPI's contract, and what the policy exists for: deadlines, EDF inside a
 * frame, a paced clock.
 */
class FrameDeadlineSchedulerTest extends SchedulerContract<FrameDeadlineScheduler> {
    @Override
    protected SchedulerFactory factory() {
        return new FrameDeadlineSchedulerFactory();
    }

    /** Frames twice as often as the default, so the load run waits less for ticks. */
    @Override
    protected Map<String, String> options() {
        return Map.of("frameRate", "120");
    }

    /** At the default rate: tasks submitted during a frame wait long enough to be held at hand-back. */
    @Override
    protected Map<String, String> handBackOptions() {
        return Map.of();
    }

    @Test
    void meetsDeadlinesUnderModerateLoad() throws Exception {
        // 5 tasks of 1 ms per 16.7 ms frame on 2 workers: about 15% of capacity.
        FrameDeadlineScheduler scheduler = start(2, Map.of("frameRate", "60"));
        TestContext context = context();
        long period = TimeUnit.SECONDS.toNanos(1) / 60;
        List<TestTask> tasks = runPaced(context, scheduler, 120, 5, TimeUnit.MILLISECONDS.toNanos(1), 3 * period);

        assertTrue(tasks.stream().allMatch(TestTask::ran));
        assertEquals(0, tasks.stream().filter(t -> t.finishedAt() > t.deadline()).count(), "tasks seen late");
        assertEquals(0L, scheduler.metrics().get("missedDeadlines"));
        assertTrue((long) scheduler.metrics().get("frames") >= 2);
        stop();
    }

    @Test
    void countsExactlyTheDeadlinesMissedWhenOverloaded() throws Exception {
        // 8 tasks of 4 ms per 16.7 ms frame on one worker: about twice what a frame can hold.
        FrameDeadlineScheduler scheduler = start(1, Map.of("frameRate", "60"));
        TestContext context = context();
        long period = TimeUnit.SECONDS.toNanos(1) / 60;
        List<TestTask> tasks = runPaced(context, scheduler, 20, 8, TimeUnit.MILLISECONDS.toNanos(4), period);

        // The policy times a task when run() returns, just after TestTask records finishedAt; the
        // next task's start on the (only) worker bounds that moment from above.
        List<TestTask> byStart = byStart(tasks);
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
        stop();
    }

    @Test
    void runsAFrameEarliestDeadlineFirst() throws Exception {
        FrameDeadlineScheduler scheduler = start(1, Map.of());
        TestContext context = context();
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

        List<TestTask> ranInOrder = byStart(submitted);
        List<Integer> expected = List.of(2, 5, 3, 6, 0, 1, 4); // by deadline; the two without one in submission order
        assertEquals(expected.stream().map(submitted::get).toList(), ranInOrder);
        stop();
    }

    @Test
    void tasksSubmittedDuringAFrameWaitForTheNextTickOnTheGrid() throws Exception {
        // A chain: each task, running in its frame, submits the next one.
        int frames = 30;
        long period = TimeUnit.SECONDS.toNanos(1) / 100;
        FrameDeadlineScheduler scheduler = start(1, Map.of("frameRate", "100"));
        TestContext context = context();
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
        stop();
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

    @ParameterizedTest
    @ValueSource(strings = { "abc", "0", "-60", "1001", "", "60.5" })
    void rejectsAMalformedFrameRate(String rate) {
        TestContext context = new TestContext("ui", 1, Map.of("frameRate", rate));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new FrameDeadlineSchedulerFactory().create(context));
        assertTrue(e.getMessage().contains("frameRate") && e.getMessage().contains("'" + rate + "'"), e.getMessage());
        assertTrue(e.getMessage().contains("partition 'ui'"), e.getMessage());
        assertTrue(context.workers().isEmpty(), "no worker starts for a rejected configuration");
    }

    @Test
    void reportsItsFrameRate() throws Exception {
        FrameDeadlineScheduler scheduler = start(1, Map.of("frameRate", "144"));
        assertEquals(144, scheduler.metrics().get("frameRate"));
        assertEquals(0L, scheduler.metrics().get("frames"));
        stop();
    }
}
