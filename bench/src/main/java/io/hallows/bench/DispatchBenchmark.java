package io.hallows.bench;

import io.hallows.kernel.api.PartitionExecutor;
import io.hallows.kernel.api.TaskHints;
import io.hallows.kernel.impl.scheduler.PartitionScheduling;
import io.hallows.kernel.impl.scheduler.ScheduledPartition;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
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
 * Per-task dispatch cost: one thread submits {@value #TASKS} no-op tasks and waits until all have
 * run, through the kernel (built-in FIFO, 2 workers) and through a bare {@code ForkJoinPool(2)}.
 * Scores are ns per task. The keyed variant spreads tasks over 64 ordering keys, which the kernel
 * keeps in order; the pool has no such notion, so its peer is the same unordered run. A
 * {@code newFixedThreadPool(2)} is shown too: it shares the kernel FIFO's queue
 * ({@code LinkedBlockingQueue}), so the gap to it is the kernel's own bookkeeping.
 * {@code kernelFifoProxied} submits as another bundle does: through the kernel's protected-service
 * proxy ({@link Protected}) in front of the executor's per-holder view.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@OperationsPerInvocation(DispatchBenchmark.TASKS)
public class DispatchBenchmark {
    static final int TASKS = 10_000;
    private static final TaskHints[] KEYS = Work.keys("k", 64);

    private PartitionScheduling scheduling;
    private ScheduledPartition kernel;
    private PartitionExecutor proxied;
    private ForkJoinPool pool;
    private ExecutorService fixed;

    @Setup(Level.Trial)
    public void open() {
        scheduling = Work.scheduling();
        kernel = Work.partition(scheduling, "fifo", Map.of());
        proxied = Protected.proxied(kernel.executor());
        pool = new ForkJoinPool(Work.WORKERS);
        fixed = Executors.newFixedThreadPool(Work.WORKERS);
    }

    @TearDown(Level.Trial)
    public void close() {
        scheduling.close();
        pool.shutdownNow();
        fixed.shutdownNow();
    }

    @Benchmark
    public void kernelFifo() throws InterruptedException {
        CountDownLatch done = new CountDownLatch(TASKS);
        Runnable task = done::countDown;
        PartitionExecutor executor = kernel.executor();
        for (int i = 0; i < TASKS; i++) {
            executor.execute(task, TaskHints.NONE);
        }
        Work.await(done, "kernelFifo");
    }

    @Benchmark
    public void kernelFifoKeyed() throws InterruptedException {
        CountDownLatch done = new CountDownLatch(TASKS);
        Runnable task = done::countDown;
        PartitionExecutor executor = kernel.executor();
        for (int i = 0; i < TASKS; i++) {
            executor.execute(task, KEYS[i & (KEYS.length - 1)]);
        }
        Work.await(done, "kernelFifoKeyed");
    }

    @Benchmark
    public void kernelFifoProxied() throws InterruptedException {
        CountDownLatch done = new CountDownLatch(TASKS);
        Runnable task = done::countDown;
        PartitionExecutor executor = proxied;
        for (int i = 0; i < TASKS; i++) {
            executor.execute(task, TaskHints.NONE);
        }
        Work.await(done, "kernelFifoProxied");
    }

    @Benchmark
    public void forkJoinPool() throws InterruptedException {
        CountDownLatch done = new CountDownLatch(TASKS);
        Runnable task = done::countDown;
        for (int i = 0; i < TASKS; i++) {
            pool.execute(task);
        }
        Work.await(done, "forkJoinPool");
    }

    @Benchmark
    public void threadPoolExecutor() throws InterruptedException {
        CountDownLatch done = new CountDownLatch(TASKS);
        Runnable task = done::countDown;
        for (int i = 0; i < TASKS; i++) {
            fixed.execute(task);
        }
        Work.await(done, "threadPoolExecutor");
    }
}
