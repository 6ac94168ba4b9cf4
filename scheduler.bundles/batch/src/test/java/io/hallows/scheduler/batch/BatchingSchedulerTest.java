package io.hallows.scheduler.batch;

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
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The batch policy: the SPI's contract, and what the policy exists for: batches by key and size
 * or delay, each key's batches in order.
 */
class BatchingSchedulerTest extends SchedulerContract<BatchingScheduler> {
    @Override
    protected SchedulerFactory factory() {
        return new BatchingSchedulerFactory();
    }

    /** Batches of a few tasks, flushed quickly: many batches under load, none waiting long. */
    @Override
    protected Map<String, String> options() {
        return Map.of("batchSize", "16", "batchDelayMicros", "500");
    }

    /**
     * Batches of three and a delay no test reaches: at hand-back, tasks are held in every state a
     * batch has (filling, ready, waiting behind its key's running batch, unclaimed in a running one).
     */
    @Override
    protected Map<String, String> handBackOptions() {
        return Map.of("batchSize", "3", "batchDelayMicros", "60000000");
    }

    @Override
    protected Function<Task, String> orderKey() {
        return Task::batchKey;
    }

    @Override
    protected void checkMetricsAfterLoad(Map<String, Object> metrics, Load load) {
        assertEquals(load.all().stream().filter(t -> t.batchKey() != null).count(), metrics.get("batchedTasks"));
    }

    @Test
    void formsBatchesOfOneKeyUpToTheSizeAndRunsEachBackToBackOnOneWorker() throws Exception {
        // A delay no test run reaches: every batch is flushed by size, so the test knows each one.
        BatchingScheduler scheduler = start(2, Map.of("batchSize", "50", "batchDelayMicros", "60000000"));
        TestContext context = context();
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
        stop();
    }

    @Test
    void fillsMostBatchesUnderTheDefaultDelayWhenSubmittedQuickly() throws Exception {
        BatchingScheduler scheduler = start(2, Map.of("batchSize", "50"));
        TestContext context = context();
        submitRoundRobin(context, scheduler, 1000, 4, 0);

        Map<String, Object> metrics = scheduler.metrics();
        long batches = (long) metrics.get("batches");
        assertEquals(1000L, metrics.get("batchedTasks"));
        assertTrue((long) metrics.get("maxBatchSize") <= 50);
        assertTrue((long) metrics.get("flushedBySize") * 2 > batches, "most of " + batches + " batches are full: " + metrics);
        stop();
    }

    @Test
    void runsEachKeyInSubmissionOrderOneBatchAtATime() throws Exception {
        // Small batches, a short delay and real work: batches of a key queue behind each other.
        BatchingScheduler scheduler = start(2, Map.of("batchSize", "8", "batchDelayMicros", "200"));
        TestContext context = context();
        List<List<TestTask>> byKey = submitRoundRobin(context, scheduler, 600, 2, TimeUnit.MICROSECONDS.toNanos(50));

        byKey.forEach(SchedulerContract::assertInSequence);
        assertTrue((long) scheduler.metrics().get("batches") >= 600 / 8);
        stop();
    }

    @Test
    void flushesALoneTaskWhenTheDelayHasPassed() throws Exception {
        BatchingScheduler scheduler = start(1, Map.of("batchSize", "1000"));
        TestContext context = context();
        CountDownLatch ran = new CountDownLatch(1);
        TestTask task = TestTask.of(context, ran::countDown, TestTask.NO_DEADLINE, null, "log", 0);
        scheduler.submit(task);
        assertTrue(ran.await(TIMEOUT_SECONDS, TimeUnit.SECONDS));

        assertTrue(task.startedAt() - task.submittedAt() >= TimeUnit.MICROSECONDS.toNanos(2000), "it waited for company");
        assertEquals(1L, scheduler.metrics().get("flushedByTime"));
        assertEquals(0L, scheduler.metrics().get("flushedBySize"));
        assertEquals(1L, scheduler.metrics().get("batches"));
        stop();
    }

    @Test
    void runsTasksWithoutABatchKeyAloneInSubmissionOrder() throws Exception {
        BatchingScheduler scheduler = start(1, Map.of());
        TestContext context = context();
        List<List<TestTask>> tasks = submitRoundRobin(context, scheduler, 100, 1, 0, null);

        assertInSequence(tasks.get(0));
        assertEquals(0L, scheduler.metrics().get("batches"));
        stop();
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
}
