package io.hallows.bench;

import io.hallows.kernel.api.TaskHints;
import io.hallows.kernel.impl.scheduler.PartitionScheduling;
import io.hallows.kernel.impl.scheduler.ScheduledPartition;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BiConsumer;
import org.openjdk.jmh.annotations.AuxCounters;
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
 * Group commit, as a database partition does it: {@value #TASKS} writes round-robin over
 * {@value #LOGS} logs (batch keys). A write costs {@value #WRITE_NANOS} ns; a worker keeps one
 * log open and flushes it ({@value #FLUSH_NANOS} ns, standing for an fsync) when it moves to a
 * write for another log. Writes of one log run back to back thus share one flush: once per batch
 * on the {@code batch} policy, about once per write where logs interleave. The kernel on
 * {@code batch} (size 64, delay 2 ms: the defaults) against an unbatched {@code ForkJoinPool(2)};
 * the kernel's FIFO is shown too. Scores are ns per write; counter {@code flushes}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@OperationsPerInvocation(BatchBenchmark.TASKS)
public class BatchBenchmark {
    static final int TASKS = 4_096;
    static final int LOGS = 8;
    static final long WRITE_NANOS = 1_000;
    static final long FLUSH_NANOS = 20_000;
    private static final TaskHints[] HINTS = hints();
    /** The log each worker has open; compared by identity with the hints' own strings. */
    private static final ThreadLocal<String[]> OPEN_LOG = ThreadLocal.withInitial(() -> new String[1]);

    private PartitionScheduling scheduling;
    private ScheduledPartition batch;
    private ScheduledPartition fifo;
    private ForkJoinPool pool;

    /** Flushes beside the writes (summed over measured iterations): flushes / writes is the batching achieved. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Flushes {
        public long writes;
        public long flushes;

        @Setup(Level.Iteration)
        public void reset() {
            writes = 0;
            flushes = 0;
        }
    }

    @Setup(Level.Trial)
    public void open() {
        scheduling = Work.scheduling();
        batch = Work.partition(scheduling, "batch", Map.of("batchSize", "64", "batchDelayMicros", "2000"));
        fifo = Work.partition(scheduling, "fifo", Map.of());
        pool = new ForkJoinPool(Work.WORKERS);
    }

    @TearDown(Level.Trial)
    public void close() {
        scheduling.close();
        pool.shutdownNow();
    }

    @Benchmark
    public void kernelBatch(Flushes f) throws InterruptedException {
        writes("kernelBatch", f, batch.executor()::execute);
    }

    @Benchmark
    public void kernelFifo(Flushes f) throws InterruptedException {
        writes("kernelFifo", f, fifo.executor()::execute);
    }

    @Benchmark
    public void forkJoinPoolUnbatched(Flushes f) throws InterruptedException {
        writes("forkJoinPoolUnbatched", f, (task, hints) -> pool.execute(task));
    }

    private static void writes(String workload, Flushes f, BiConsumer<Runnable, TaskHints> submit) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(TASKS);
        LongAdder flushes = new LongAdder();
        for (int i = 0; i < TASKS; i++) {
            String log = HINTS[i % LOGS].batchKey();
            submit.accept(() -> {
                String[] open = OPEN_LOG.get();
                if (open[0] != log) {
                    Work.spin(FLUSH_NANOS); // flush the log this worker had open, then switch to this one
                    flushes.increment();
                    open[0] = log;
                }
                Work.spin(WRITE_NANOS);
                done.countDown();
            }, HINTS[i % LOGS]);
        }
        Work.await(done, workload);
        f.writes += TASKS;
        f.flushes += flushes.sum();
    }

    private static TaskHints[] hints() {
        TaskHints[] hints = new TaskHints[LOGS];
        for (int i = 0; i < LOGS; i++) {
            hints[i] = TaskHints.batch("log-" + i);
        }
        return hints;
    }
}
