package io.hallows.scheduler.keyed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallows.kernel.spi.Scheduler;
import io.hallows.kernel.spi.Task;
import io.hallows.scheduler.testkit.TestContext;
import io.hallows.scheduler.testkit.TestTask;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class KeyedSchedulerTest {
    private TestContext context;
    private Scheduler scheduler;

    private void start(int workers) {
        context = new TestContext(workers, Map.of());
        scheduler = new KeyedSchedulerFactory().create(context);
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

    private TestTask keyed(String key, Runnable body) {
        return TestTask.of(context, body, Task.NO_DEADLINE, key, null, 0);
    }

    /** The first key after {@code after}, in the order key-0, key-1…, that belongs to {@code worker}. */
    private String keyOf(int worker, String after) {
        return IntStream.iterate(0, i -> i + 1).mapToObj(i -> "key-" + i)
                .filter(k -> !k.equals(after) && KeyedScheduler.workerFor(k, context.parallelism()) == worker)
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
        for (int i = 0; i < perKey; i++) {
            for (int k = 0; k < keys; k++) {
                String key = "key-" + k;
                int index = i;
                scheduler.submit(keyed(key, () -> {
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
        assertEquals((long) keys * perKey, scheduler.metrics().get("keyed"));
    }

    @Test
    void keysOfDifferentWorkersRunInParallel() throws InterruptedException {
        start(2);
        // Each task waits at the barrier until the other is running too: they only pass together.
        CyclicBarrier bothRunning = new CyclicBarrier(2);
        CountDownLatch met = new CountDownLatch(2);
        for (String key : List.of(keyOf(0, null), keyOf(1, null))) {
            scheduler.submit(keyed(key, () -> {
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
        scheduler.submit(keyed(first, () -> {
            running.countDown();
            await(release);
            done.countDown();
        }));
        assertTrue(running.await(30, TimeUnit.SECONDS));
        TestTask waiting = keyed(second, done::countDown);
        scheduler.submit(waiting);
        // Worker 1 is idle, yet the task stays queued: affinity, not balance.
        assertEquals(1L, scheduler.metrics().get("depth.0"));
        assertEquals(0L, scheduler.metrics().get("depth.1"));
        release.countDown();
        assertTrue(done.await(30, TimeUnit.SECONDS));
        assertEquals(0, waiting.worker());
    }

    @Test
    void tasksWithoutKeyGoRoundRobin() throws InterruptedException {
        start(4);
        CountDownLatch done = new CountDownLatch(400);
        for (int i = 0; i < 400; i++) {
            scheduler.submit(TestTask.of(context, done::countDown));
        }
        assertTrue(done.await(30, TimeUnit.SECONDS), "tasks still missing: " + done.getCount());
        Map<String, Object> metrics = stop();
        for (int w = 0; w < 4; w++) {
            assertEquals(100L, metrics.get("executed." + w), "worker " + w + ": " + metrics);
        }
        assertEquals(400L, metrics.get("unkeyed"));
    }

    @Test
    void handBackReturnsWhatIsQueuedBehindBusyWorkersAndStartsNothingMore() throws InterruptedException {
        start(2);
        CountDownLatch busy = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        for (int w = 0; w < 2; w++) {
            scheduler.submit(keyed(keyOf(w, null), () -> {
                busy.countDown();
                await(release);
            }));
        }
        assertTrue(busy.await(30, TimeUnit.SECONDS), "both workers should be running a blocker");
        List<TestTask> queued = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            TestTask task = i % 3 == 0 ? TestTask.of(context, () -> { }) : keyed("key-" + i % 7, () -> { });
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
    void handBackWhileWorkersTakeReturnsExactlyTheTasksThatDidNotStart() throws InterruptedException {
        start(3);
        List<TestTask> submitted = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            TestTask task = keyed(i % 4 == 0 ? null : "key-" + i % 13, KeyedSchedulerTest::shortWork);
            submitted.add(task);
            scheduler.submit(task);
        }

        Set<Task> returned = Set.copyOf(scheduler.handBack());
        stop(); // every task a worker took has finished once the workers are gone

        for (TestTask task : submitted) {
            assertTrue(task.ran() != returned.contains(task), task + (task.ran() ? " ran and was returned" : " was lost"));
        }
    }

    private static void shortWork() {
        long end = System.nanoTime() + TimeUnit.MICROSECONDS.toNanos(5);
        while (System.nanoTime() < end) {
            Thread.onSpinWait();
        }
    }

    @Test
    void everyTaskRunsExactlyOnceAndKeysKeepOrderUnderConcurrentSubmitters() throws InterruptedException {
        start(4);
        int producers = 4;
        int perProducer = 50_000;
        int total = producers * perProducer;
        AtomicIntegerArray runs = new AtomicIntegerArray(total);
        Map<String, Queue<Integer>> order = new ConcurrentHashMap<>();
        CountDownLatch done = new CountDownLatch(total);
        List<Thread> threads = new ArrayList<>();
        for (int p = 0; p < producers; p++) {
            int producer = p;
            threads.add(Thread.ofPlatform().start(() -> {
                for (int i = 0; i < perProducer; i++) {
                    int id = producer * perProducer + i;
                    // Keys are per producer, so each key's submission order is that producer's.
                    String key = i % 2 == 0 ? "p" + producer + "-k" + i % 32 : null;
                    scheduler.submit(keyed(key, () -> {
                        runs.incrementAndGet(id);
                        if (key != null) {
                            order.computeIfAbsent(key, x -> new ConcurrentLinkedQueue<>()).add(id);
                        }
                        done.countDown();
                    }));
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        assertTrue(done.await(60, TimeUnit.SECONDS), "tasks still missing: " + done.getCount());
        for (int i = 0; i < total; i++) {
            assertEquals(1, runs.get(i), "task " + i + " ran " + runs.get(i) + " times");
        }
        order.forEach((key, ids) -> assertEquals(ids.stream().sorted().toList(), List.copyOf(ids), "run order of " + key));
        assertEquals(producers * 16, order.size()); // even i, i % 32
        assertEquals(0L, stop().get("dropped"), "a run() returned false: a task was run twice");
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(30, TimeUnit.SECONDS), "never released");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
