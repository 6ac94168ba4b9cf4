package io.hallows.scheduler.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallows.scheduler.testkit.TestContext;
import io.hallows.scheduler.testkit.TestTask;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The properties the batch policy exists for: batches by key and size or delay, in order. */
class BatchingSchedulerTest {
    private static final long TIMEOUT_SECONDS = 30; // a failure guard only

    @Test
    void formsBatchesOfOneKeyUpToTheSizeAndRunsEachBackToBackOnOneWorker() throws Exception {
        // A delay no test run reaches: every batch is flushed by size, so the test knows each one.
        TestContext context = new TestContext(2, Map.of("batchSize", "50", "batchDelayMicros", "60000000"));
        BatchingScheduler scheduler = create(context);
        List<List<TestTask>> byKey = submitRoundRobin(context, scheduler, 1000, 4, 0);

        Map<String, Object> metrics = scheduler.metrics();
        assertEquals(20L, metrics.get("batches"));
        assertEquals(20L, metrics.get("flushedBySize"));
        assertEquals(0L, metrics.get("flushedByTime"));
        assertEquals(1000L, metrics.get("batchedTasks"));
        assertEquals(50L, metrics.get("maxBatchSize"));
        assertEquals(50.0, metrics.get("meanBatchSize"));
        List<TestTask> all = byKey.stream().flatMap(List::stream).toList();
        for (List<TestTask> key : byKey) {
            for (int from = 0; from < key.size(); from += 50) {
                List<TestTask> batch = key.subList(from, from + 50);
                int worker = batch.get(0).worker();
                assertTrue(batch.stream().allMatch(t -> t.worker() == worker), "a batch ran on one worker");
                assertInSequence(batch);
                long begin = batch.get(0).startedAt(), end = batch.get(49).finishedAt();
                assertTrue(all.stream().filter(t -> !batch.contains(t) && t.worker() == worker)
                        .noneMatch(t -> t.startedAt() >= begin && t.startedAt() <= end), "nothing ran between a batch's tasks");
            }
        }
        stop(scheduler, context);
    }

    @Test
    void fillsMostBatchesUnderTheDefaultDelayWhenSubmittedQuickly() throws Exception {
        TestContext context = new TestContext(2, Map.of("batchSize", "50"));
        BatchingScheduler scheduler = create(context);
        submitRoundRobin(context, scheduler, 1000, 4, 0);

        Map<String, Object> metrics = scheduler.metrics();
        long batches = (long) metrics.get("batches");
        assertEquals(1000L, metrics.get("batchedTasks"));
        assertTrue((long) metrics.get("maxBatchSize") <= 50);
        assertTrue((long) metrics.get("flushedBySize") * 2 > batches, "most of " + batches + " batches are full: " + metrics);
        stop(scheduler, context);
    }

    @Test
    void runsEachKeyInSubmissionOrderOneBatchAtATime() throws Exception {
        // Small batches, a short delay and real work: batches of a key queue behind each other.
        TestContext context = new TestContext(2, Map.of("batchSize", "8", "batchDelayMicros", "200"));
        BatchingScheduler scheduler = create(context);
        List<List<TestTask>> byKey = submitRoundRobin(context, scheduler, 600, 2, TimeUnit.MICROSECONDS.toNanos(50));

        byKey.forEach(BatchingSchedulerTest::assertInSequence);
        assertTrue((long) scheduler.metrics().get("batches") >= 600 / 8);
        stop(scheduler, context);
    }

    @Test
    void flushesALoneTaskWhenTheDelayHasPassed() throws Exception {
        TestContext context = new TestContext(1, Map.of("batchSize", "1000"));
        BatchingScheduler scheduler = create(context);
        CountDownLatch ran = new CountDownLatch(1);
        TestTask task = TestTask.of(context, ran::countDown, TestTask.NO_DEADLINE, null, "log", 0);
        scheduler.submit(task);
        assertTrue(ran.await(TIMEOUT_SECONDS, TimeUnit.SECONDS));

        assertTrue(task.startedAt() - task.submittedAt() >= TimeUnit.MICROSECONDS.toNanos(2000), "it waited for company");
        assertEquals(1L, scheduler.metrics().get("flushedByTime"));
        assertEquals(0L, scheduler.metrics().get("flushedBySize"));
        assertEquals(1L, scheduler.metrics().get("batches"));
        stop(scheduler, context);
    }

    @Test
    void runsTasksWithoutABatchKeyAloneInSubmissionOrder() throws Exception {
        TestContext context = new TestContext(1, Map.of());
        BatchingScheduler scheduler = create(context);
        List<List<TestTask>> tasks = submitRoundRobin(context, scheduler, 100, 1, 0, null);

        assertInSequence(tasks.get(0));
        assertEquals(0L, scheduler.metrics().get("batches"));
        stop(scheduler, context);
    }

    static BatchingScheduler create(TestContext context) {
        return (BatchingScheduler) new BatchingSchedulerFactory().create(context);
    }

    private static List<List<TestTask>> submitRoundRobin(TestContext context, BatchingScheduler scheduler, int count,
            int keys, long work) throws InterruptedException {
        return submitRoundRobin(context, scheduler, count, keys, work, "log-");
    }

    /**
     * Submits {@code count} tasks of {@code work} busy nanoseconds from this thread, their batch
     * keys taking turns ({@code prefix} + index, or none when the prefix is null); returns them per
     * key in submission order once all have run.
     */
    private static List<List<TestTask>> submitRoundRobin(TestContext context, BatchingScheduler scheduler, int count,
            int keys, long work, String prefix) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(count);
        List<List<TestTask>> byKey = new ArrayList<>();
        for (int k = 0; k < keys; k++) {
            byKey.add(new ArrayList<>());
        }
        for (int i = 0; i < count; i++) {
            String key = prefix == null ? null : prefix + i % keys;
            TestTask task = TestTask.of(context, () -> {
                spin(work);
                done.countDown();
            }, TestTask.NO_DEADLINE, null, key, 0);
            byKey.get(i % keys).add(task);
            scheduler.submit(task);
        }
        assertTrue(done.await(TIMEOUT_SECONDS, TimeUnit.SECONDS), done.getCount() + " of " + count + " never ran");
        return byKey;
    }

    /** Each task started after the one submitted before it had finished. */
    private static void assertInSequence(List<TestTask> tasks) {
        List<TestTask> byStart = tasks.stream().sorted(Comparator.comparingLong(TestTask::startedAt)).toList();
        assertEquals(tasks, byStart, "ran in submission order");
        for (int i = 1; i < tasks.size(); i++) {
            assertTrue(tasks.get(i).startedAt() >= tasks.get(i - 1).finishedAt(), tasks.get(i) + " overlapped its predecessor");
        }
    }

    /** Switches the instance out as the kernel does, and checks its workers left cleanly. */
    static void stop(BatchingScheduler scheduler, TestContext context) throws InterruptedException {
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
