package io.hallows.scheduler.frame;

import static io.hallows.scheduler.frame.FrameDeadlineSchedulerTest.await;
import static io.hallows.scheduler.frame.FrameDeadlineSchedulerTest.create;
import static io.hallows.scheduler.frame.FrameDeadlineSchedulerTest.stop;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallows.kernel.spi.Task;
import io.hallows.scheduler.testkit.TestContext;
import io.hallows.scheduler.testkit.TestTask;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the scheduler SPI asks of every policy, checked on the frame policy. */
class FrameSchedulerContractTest {
    @Test
    void handBackReturnsWhatHasNotStartedAndRunsNothingMore() throws Exception {
        TestContext context = new TestContext(1, Map.of());
        FrameDeadlineScheduler scheduler = create(context);
        CountDownLatch blocking = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        // The earliest deadline: it runs first in its frame, so later tasks of that frame stay queued.
        TestTask blocker = TestTask.of(context, () -> {
            blocking.countDown();
            await(release);
        }, TimeUnit.MILLISECONDS.toNanos(1), null, null, 0);
        scheduler.submit(blocker);
        List<TestTask> held = submitNoOps(context, scheduler, 5); // its frame, or the next one
        assertTrue(blocking.await(30, TimeUnit.SECONDS));
        held.addAll(submitNoOps(context, scheduler, 5)); // during its frame: the next one

        List<Task> returned = scheduler.handBack();
        release.countDown();
        context.deactivate();

        assertTrue(context.awaitWorkersExit(30_000));
        assertEquals(new HashSet<>(held), new HashSet<>(returned));
        assertEquals(held.size(), returned.size());
        assertTrue(blocker.ran());
        assertFalse(held.stream().anyMatch(TestTask::ran));
        assertEquals(List.of(), context.loopFailures());
    }

    @Test
    void idleWorkersLeaveWhenDeactivated() throws Exception {
        TestContext context = new TestContext(2, Map.of());
        create(context);
        context.deactivate();
        assertTrue(context.awaitWorkersExit(30_000));
        assertEquals(List.of(), context.loopFailures());
    }

    @Test
    void runsEveryTaskExactlyOnceUnderConcurrentSubmitters() throws Exception {
        int submitters = 4, perSubmitter = 20_000, childEvery = 1_000;
        int total = submitters * perSubmitter + submitters * perSubmitter / childEvery;
        TestContext context = new TestContext(2, Map.of("frameRate", "120"));
        FrameDeadlineScheduler scheduler = create(context);
        CountDownLatch done = new CountDownLatch(total);
        CountDownLatch go = new CountDownLatch(1);
        List<TestTask> tasks = Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = new ArrayList<>();
        for (int s = 0; s < submitters; s++) {
            Thread thread = new Thread(() -> {
                await(go);
                for (int i = 0; i < perSubmitter; i++) {
                    // Every so often a task submits another from its worker, as the SPI allows.
                    Runnable body = i % childEvery == 0 ? () -> {
                        TestTask child = TestTask.of(context, done::countDown);
                        tasks.add(child);
                        scheduler.submit(child);
                        done.countDown();
                    } : done::countDown;
                    TestTask task = TestTask.of(context, body, TimeUnit.MILLISECONDS.toNanos(i % 50), null, null, 0);
                    tasks.add(task);
                    scheduler.submit(task);
                }
            });
            threads.add(thread);
            thread.start();
        }
        go.countDown();
        assertTrue(done.await(60, TimeUnit.SECONDS), done.getCount() + " of " + total + " tasks never ran");
        for (Thread thread : threads) {
            thread.join();
        }

        assertEquals(total, tasks.size());
        assertTrue(tasks.stream().allMatch(TestTask::ran));
        assertEquals(List.of(), scheduler.handBack(), "nothing is left once all have run");
        stop(scheduler, context);
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
        TestContext context = new TestContext(1, Map.of("frameRate", "144"));
        FrameDeadlineScheduler scheduler = create(context);
        assertEquals(144, scheduler.metrics().get("frameRate"));
        assertEquals(0L, scheduler.metrics().get("frames"));
        stop(scheduler, context);
    }

    private static List<TestTask> submitNoOps(TestContext context, FrameDeadlineScheduler scheduler, int count) {
        List<TestTask> tasks = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            TestTask task = TestTask.of(context, () -> { });
            tasks.add(task);
            scheduler.submit(task);
        }
        return tasks;
    }
}
