package io.hallows.scheduler.batch;

import static io.hallows.scheduler.batch.BatchingSchedulerTest.await;
import static io.hallows.scheduler.batch.BatchingSchedulerTest.create;
import static io.hallows.scheduler.batch.BatchingSchedulerTest.stop;
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
import org.junit.jupiter.params.provider.CsvSource;

/** What the scheduler SPI asks of every policy, checked on the batch policy. */
class BatchingSchedulerContractTest {
    @Test
    void handBackReturnsWhatHasNotStartedAndRunsNothingMore() throws Exception {
        TestContext context = new TestContext(1, Map.of("batchSize", "3", "batchDelayMicros", "60000000"));
        BatchingScheduler scheduler = create(context);
        CountDownLatch blocking = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        TestTask blocker = keyed(context, "x", () -> {
            blocking.countDown();
            await(release);
        });
        scheduler.submit(blocker);
        List<TestTask> held = new ArrayList<>(submit(context, scheduler, "x", 2)); // the rest of the running batch
        assertTrue(blocking.await(30, TimeUnit.SECONDS));
        held.addAll(submit(context, scheduler, "a", 5)); // one batch ready, two tasks filling
        held.addAll(submit(context, scheduler, "x", 3)); // a batch waiting behind the running one
        held.addAll(submit(context, scheduler, null, 2)); // alone, ready

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
        BatchingScheduler scheduler = create(context);
        scheduler.submit(keyed(context, "log", () -> { })); // one worker now waits, timed, for the batch to be due
        context.deactivate();
        assertTrue(context.awaitWorkersExit(30_000));
        assertEquals(List.of(), context.loopFailures());
    }

    @Test
    void runsEveryTaskExactlyOnceUnderConcurrentSubmitters() throws Exception {
        int submitters = 4, perSubmitter = 20_000, childEvery = 1_000;
        int total = submitters * perSubmitter + submitters * perSubmitter / childEvery;
        TestContext context = new TestContext(2, Map.of("batchSize", "16", "batchDelayMicros", "500"));
        BatchingScheduler scheduler = create(context);
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
                        TestTask child = keyed(context, "child", done::countDown);
                        tasks.add(child);
                        scheduler.submit(child);
                        done.countDown();
                    } : done::countDown;
                    TestTask task = keyed(context, i % 9 == 0 ? null : "log-" + i % 9, body);
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
        assertEquals((long) tasks.stream().filter(t -> t.batchKey() != null).count(), scheduler.metrics().get("batchedTasks"));
        assertEquals(List.of(), scheduler.handBack(), "nothing is left once all have run");
        stop(scheduler, context);
    }

    @ParameterizedTest
    @CsvSource({ "batchSize, abc", "batchSize, 0", "batchSize, -4", "batchSize, 2147483648", "batchDelayMicros, x",
            "batchDelayMicros, 0", "batchDelayMicros, 60000001", "batchDelayMicros, 2ms" })
    void rejectsMalformedOptions(String option, String value) {
        TestContext context = new TestContext("db", 1, Map.of(option, value));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new BatchingSchedulerFactory().create(context));
        assertTrue(e.getMessage().contains(option) && e.getMessage().contains("'" + value + "'"), e.getMessage());
        assertTrue(e.getMessage().contains("partition 'db'"), e.getMessage());
        assertTrue(context.workers().isEmpty(), "no worker starts for a rejected configuration");
    }

    private static TestTask keyed(TestContext context, String batchKey, Runnable body) {
        return TestTask.of(context, body, Task.NO_DEADLINE, null, batchKey, 0);
    }

    private static List<TestTask> submit(TestContext context, BatchingScheduler scheduler, String batchKey, int count) {
        List<TestTask> tasks = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            TestTask task = keyed(context, batchKey, () -> { });
            tasks.add(task);
            scheduler.submit(task);
        }
        return tasks;
    }
}
