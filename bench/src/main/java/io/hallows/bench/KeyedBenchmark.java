package io.hallows.bench;

import io.hallows.kernel.api.TaskHints;
import io.hallows.kernel.impl.scheduler.PartitionScheduling;
import io.hallows.kernel.impl.scheduler.ScheduledPartition;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Messaging with per-key order: {@value #TASKS} messages round-robin over {@value #KEYS} keys,
 * each costing {@value #WORK_NANOS} ns and checking that it follows its key's previous message.
 * The kernel on the {@code keyed} policy (2 workers) against the usual JDK answer, one
 * single-thread executor per key ({@value #KEYS} threads); a {@code ForkJoinPool(2)} that keeps no
 * order is shown as the unordered floor. Scores are ns per message.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@OperationsPerInvocation(KeyedBenchmark.TASKS)
public class KeyedBenchmark {
    static final int TASKS = 10_000;
    static final int KEYS = 16;
    static final long WORK_NANOS = 1_000;
    private static final TaskHints[] HINTS = Work.keys("account-", KEYS);

    private PartitionScheduling scheduling;
    private ScheduledPartition kernel;
    private ExecutorService[] perKey;
    private ForkJoinPool pool;

    @Setup(Level.Trial)
    public void open() {
        scheduling = Work.scheduling();
        kernel = Work.partition(scheduling, "keyed", Map.of());
        perKey = new ExecutorService[KEYS];
        for (int k = 0; k < KEYS; k++) {
            perKey[k] = Executors.newSingleThreadExecutor();
        }
        pool = new ForkJoinPool(Work.WORKERS);
    }

    @TearDown(Level.Trial)
    public void close() {
        scheduling.close();
        for (ExecutorService e : perKey) {
            e.shutdownNow();
        }
        pool.shutdownNow();
    }

    @Benchmark
    public void kernelKeyed() throws InterruptedException {
        run("kernelKeyed", true, (key, task) -> kernel.executor().execute(task, HINTS[key]));
    }

    @Benchmark
    public void singleThreadPerKey() throws InterruptedException {
        run("singleThreadPerKey", true, (key, task) -> perKey[key].execute(task));
    }

    @Benchmark
    public void forkJoinPoolUnordered() throws InterruptedException {
        run("forkJoinPoolUnordered", false, (key, task) -> pool.execute(task));
    }

    private static void run(String workload, boolean ordered, BiConsumer<Integer, Runnable> submit) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(TASKS);
        int[] last = new int[KEYS]; // each key's slot is touched by one task at a time, ordered by the executor
        AtomicInteger outOfOrder = new AtomicInteger();
        for (int i = 0; i < TASKS; i++) {
            int key = i % KEYS;
            int seq = i / KEYS + 1;
            submit.accept(key, () -> {
                Work.spin(WORK_NANOS);
                if (last[key] != seq - 1) {
                    outOfOrder.incrementAndGet();
                }
                last[key] = seq;
                done.countDown();
            });
        }
        Work.await(done, workload);
        if (ordered && outOfOrder.get() > 0) {
            throw new IllegalStateException(workload + ": " + outOfOrder.get() + " messages ran out of their key's order");
        }
    }
}
