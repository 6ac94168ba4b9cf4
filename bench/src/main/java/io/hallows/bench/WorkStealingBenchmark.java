package io.hallows.bench;

import io.hallows.kernel.impl.scheduler.PartitionScheduling;
import io.hallows.kernel.impl.scheduler.ScheduledPartition;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
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
 * Skewed fan-out, as in a backend API: {@value #REQUESTS} requests arrive from outside; each
 * submits its children from its worker, and one request fans out {@value #HOT_CHILDREN} children
 * while the others fan out {@value #COLD_CHILDREN}. Children cost {@value #CHILD_NANOS} ns. The hot
 * request's children land on one worker's deque: the other must steal them to share the load.
 * The kernel on {@code workstealing} and on its built-in FIFO against a {@code ForkJoinPool(2)},
 * whose workers also push children locally and steal. Scores are ns per task (requests + children).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@OperationsPerInvocation(WorkStealingBenchmark.TASKS)
public class WorkStealingBenchmark {
    static final int REQUESTS = 8;
    static final int HOT_CHILDREN = 448;
    static final int COLD_CHILDREN = 8;
    static final long CHILD_NANOS = 5_000;
    static final int TASKS = REQUESTS + HOT_CHILDREN + (REQUESTS - 1) * COLD_CHILDREN;

    private PartitionScheduling scheduling;
    private ScheduledPartition stealing;
    private ScheduledPartition fifo;
    private ForkJoinPool pool;

    @Setup(Level.Trial)
    public void open() {
        scheduling = Work.scheduling();
        stealing = Work.partition(scheduling, "workstealing", Map.of());
        fifo = Work.partition(scheduling, "fifo", Map.of());
        pool = new ForkJoinPool(Work.WORKERS);
    }

    @TearDown(Level.Trial)
    public void close() {
        scheduling.close();
        pool.shutdownNow();
    }

    @Benchmark
    public void kernelWorkStealing() throws InterruptedException {
        fanOut("kernelWorkStealing", stealing.executor());
    }

    @Benchmark
    public void kernelFifo() throws InterruptedException {
        fanOut("kernelFifo", fifo.executor());
    }

    @Benchmark
    public void forkJoinPool() throws InterruptedException {
        fanOut("forkJoinPool", pool);
    }

    private static void fanOut(String workload, Executor executor) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(TASKS);
        Runnable child = () -> {
            Work.spin(CHILD_NANOS);
            done.countDown();
        };
        for (int r = 0; r < REQUESTS; r++) {
            int children = r == 0 ? HOT_CHILDREN : COLD_CHILDREN;
            executor.execute(() -> {
                for (int c = 0; c < children; c++) {
                    executor.execute(child); // from the request's worker: stays local where the policy allows
                }
                done.countDown();
            });
        }
        Work.await(done, workload);
    }
}
