package io.hallows.scheduler.keyed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallows.kernel.spi.SchedulerFactory;
import io.hallows.kernel.spi.Task;
import io.hallows.scheduler.testkit.SchedulerContract;
import io.hallows.scheduler.testkit.TestContext;
import io.hallows.scheduler.testkit.TestTask;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The keyed policy: the SPI's contract, and affinity (a key's worker, in order, no balancing). */
class KeyedSchedulerTest extends SchedulerContract<KeyedScheduler> {
    @Override
    protected SchedulerFactory factory() {
        return new KeyedSchedulerFactory();
    }

    @Override
    protected Function<Task, String> orderKey() {
        return Task::key;
    }

    @Override
    protected void checkMetricsAfterLoad(Map<String, Object> metrics, Load load) {
        assertEquals(0L, metrics.get("dropped"), "a run() returned false: a task was run twice");
        assertEquals(load.all().stream().filter(t -> t.key() != null).count(), metrics.get("keyed"));
        assertEquals(load.all().stream().filter(t -> t.key() == null).count(), metrics.get("unkeyed"));
    }

    private void start(int workers) {
        start(workers, Map.of());
    }

    private TestTask keyed(String key, Runnable body) {
        return TestTask.of(context(), body, Task.NO_DEADLINE, key, null, 0);
    }

    /** The first key after {@code after}, in the order key-0, key-1…, that belongs to {@code worker}. */
    private String keyOf(int worker, String after) {
        return IntStream.iterate(0, i -> i + 1).mapToObj(i -> "key-" + i)
                .filter(k -> !k.equals(after) && KeyedScheduler.workerFor(k, context().parallelism()) == worker)
                .findFirst().orElseThrow();
    }

    @Test
    void eachKeyRunsInSubmissionOrderOnItsOwnWorker() throws InterruptedException {
        start(4);
        int keys = 16;
        int perKey = 500;
        Map<String, Queue<Integer>> order = new ConcurrentHashMap<>();
        Map<String, Set<Integer>> ranOn = new ConcurrentHashMap<>();
        CountDownLatch done = new CountDownLatch(keys * perKey);
        TestContext context = context();
        for (int i = 0; i < perKey; i++) {
            for (int k = 0; k < keys; k++) {
                String key = "key-" + k;
                int index = i;
                scheduler().submit(keyed(key, () -> {
                    order.computeIfAbsent(key, x -> new ConcurrentLinkedQueue<>()).add(index);
                    ranOn.computeIfAbsent(key, x -> ConcurrentHashMap.newKeySet()).add(context.workerIndex());
                    done.countDown();
                }));
            }
        }
        assertTrue(done.await(60, TimeUnit.SECONDS), "tasks still missing: " + done.getCount());
        List<Integer> submitted = IntStream.range(0, perKey).boxed().toList();
        for (int k = 0; k < keys; k++) {
            String key = "key-" + k;
            assertEquals(submitted, List.copyOf(order.get(key)), "run order of " + key);
            assertEquals(Set.of(KeyedScheduler.workerFor(key, 4)), ranOn.get(key), "workers of " + key);
        }
        assertEquals(4, ranOn.values().stream().flatMap(Set::stream).distinct().count(), "16 keys should use all 4 workers");
        assertEquals((long) keys * perKey, scheduler().metrics().get("keyed"));
    }

    @Test
    void keysOfDifferentWorkersRunInParallel() throws InterruptedException {
        start(2);
        // Each task waits at the barrier until the other is running too: they only pass together.
        CyclicBarrier bothRunning = new CyclicBarrier(2);
        CountDownLatch met = new CountDownLatch(2);
        for (String key : List.of(keyOf(0, null), keyOf(1, null))) {
            scheduler().submit(keyed(key, () -> {
                try {
                    bothRunning.await(30, TimeUnit.SECONDS);
                    met.countDown();
                } catch (Exception e) {
                    // the latch stays up and the assertion below reports it
                }
            }));
        }
        assertTrue(met.await(60, TimeUnit.SECONDS), "keys of different workers did not run at the same time");
    }

    @Test
    void aKeyWaitsBehindTheRunningTaskOfAnotherKeyOfItsWorker() throws InterruptedException {
        start(2);
        String first = keyOf(0, null);
        String second = keyOf(0, first);
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(2);
        scheduler().submit(keyed(first, () -> {
            running.countDown();
            await(release);
            done.countDown();
        }));
        assertTrue(running.await(30, TimeUnit.SECONDS));
        TestTask waiting = keyed(second, done::countDown);
        scheduler().submit(waiting);
        // Worker 1 is idle, yet the task stays queued: affinity, not balance.
        assertEquals(1L, scheduler().metrics().get("depth.0"));
        assertEquals(0L, scheduler().metrics().get("depth.1"));
        release.countDown();
        assertTrue(done.await(30, TimeUnit.SECONDS));
        assertEquals(0, waiting.worker());
    }

    @Test
    void tasksWithoutKeyGoRoundRobin() throws InterruptedException {
        start(4);
        CountDownLatch done = new CountDownLatch(400);
        for (int i = 0; i < 400; i++) {
            scheduler().submit(TestTask.of(context(), done::countDown));
        }
        assertTrue(done.await(30, TimeUnit.SECONDS), "tasks still missing: " + done.getCount());
        Map<String, Object> metrics = stop();
        for (int w = 0; w < 4; w++) {
            assertEquals(100L, metrics.get("executed." + w), "worker " + w + ": " + metrics);
        }
        assertEquals(400L, metrics.get("unkeyed"));
    }
}
