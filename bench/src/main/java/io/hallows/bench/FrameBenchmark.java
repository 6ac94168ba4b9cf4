package io.hallows.bench;

import io.hallows.kernel.api.TaskHints;
import io.hallows.kernel.impl.scheduler.PartitionScheduling;
import io.hallows.kernel.impl.scheduler.ScheduledPartition;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BiConsumer;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * A UI partition at {@value #FRAME_RATE} Hz. Each frame, vsync-aligned (submitted
 * {@value #LEAD_MICROS} µs before the frame policy's tick), brings {@value #BULK} bulk tasks of
 * {@value #BULK_MICROS} µs without a deadline, then {@value #URGENT} urgent tasks of
 * {@value #URGENT_MICROS} µs that must be complete {@value #DEADLINE_MILLIS} ms after submission.
 * About a third of two cores is busy. In submission order the urgent work waits behind the bulk
 * work; earliest-deadline-first runs it first.
 *
 * <p>The figure that matters is the counters: {@code urgentTasks} and {@code missedDeadlines}
 * (urgent tasks that finished after their deadline, timed by the task itself on its worker). The
 * score is the frame's makespan, µs from its first submission until all its tasks are done: it
 * shows what waiting for the tick costs. The kernel on {@code frame} against the kernel's built-in
 * FIFO and a {@code ForkJoinPool(2)}, under the same load and schedule.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class FrameBenchmark {
    static final int FRAME_RATE = 60;
    static final int BULK = 20;
    static final long BULK_MICROS = 500;
    static final int URGENT = 8;
    static final long URGENT_MICROS = 50;
    static final long DEADLINE_MILLIS = 4;
    static final long LEAD_MICROS = 2_000;
    private static final TaskHints URGENT_HINTS = TaskHints.deadline(Duration.ofMillis(DEADLINE_MILLIS));

    private PartitionScheduling scheduling;
    private ScheduledPartition frame;
    private ScheduledPartition fifo;
    private ForkJoinPool pool;
    /** A tick of the frame policy's clock, as observed: the grid is this plus whole frame periods. */
    private long origin;
    private long tick;

    /** Deadline counts beside the score: reset per iteration, summed by JMH over the measured ones. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Deadlines {
        public long urgentTasks;
        public long missedDeadlines;

        @Setup(Level.Iteration)
        public void reset() {
            urgentTasks = 0;
            missedDeadlines = 0;
        }
    }

    @Setup(Level.Trial)
    public void open() throws InterruptedException {
        scheduling = Work.scheduling();
        frame = Work.partition(scheduling, "frame", Map.of("frameRate", String.valueOf(FRAME_RATE)));
        origin = observeTick();
        fifo = Work.partition(scheduling, "fifo", Map.of());
        pool = new ForkJoinPool(Work.WORKERS);
    }

    @TearDown(Level.Trial)
    public void close() {
        scheduling.close();
        pool.shutdownNow();
    }

    /**
     * Finds the frame policy's grid as a UI finds vsync: a lone task runs at the next tick. (Its
     * clock starts when the instance is created, but class loading makes that moment vague on a
     * cold JVM.) The task starts a worker's wake-up latency after the tick (tens to hundreds of µs
     * here), which the {@value #LEAD_MICROS} µs lead absorbs along with the time to submit a frame.
     */
    private long observeTick() throws InterruptedException {
        long[] ranAt = new long[1];
        CountDownLatch ran = new CountDownLatch(1);
        frame.executor().execute(() -> {
            ranAt[0] = System.nanoTime();
            ran.countDown();
        });
        Work.await(ran, "frame probe");
        return ranAt[0];
    }

    /** Waits (untimed) until just before the frame policy's next tick, as a vsync-driven UI would. */
    @Setup(Level.Invocation)
    public void awaitVsync() {
        long now = System.nanoTime();
        tick = Math.max(tick + 1, (now - origin + TimeUnit.MICROSECONDS.toNanos(LEAD_MICROS)) * FRAME_RATE / 1_000_000_000L + 1);
        long due = origin + tick / FRAME_RATE * 1_000_000_000L + tick % FRAME_RATE * 1_000_000_000L / FRAME_RATE
                - TimeUnit.MICROSECONDS.toNanos(LEAD_MICROS);
        while ((now = System.nanoTime()) < due) {
            LockSupport.parkNanos(due - now);
        }
    }

    @Benchmark
    public void kernelFrame(Deadlines d) throws InterruptedException {
        runFrame("kernelFrame", d, frame.executor()::execute);
    }

    @Benchmark
    public void kernelFifo(Deadlines d) throws InterruptedException {
        runFrame("kernelFifo", d, fifo.executor()::execute);
    }

    @Benchmark
    public void forkJoinPool(Deadlines d) throws InterruptedException {
        runFrame("forkJoinPool", d, (task, hints) -> pool.execute(task));
    }

    private static void runFrame(String workload, Deadlines d, BiConsumer<Runnable, TaskHints> submit) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(DEADLINE_MILLIS);
        // Waiting for the whole frame, not just its urgent part: with both cores busy on bulk work,
        // this thread would wake late and blur what it measures.
        CountDownLatch done = new CountDownLatch(BULK + URGENT);
        AtomicInteger missed = new AtomicInteger();
        Runnable bulk = () -> {
            Work.spin(TimeUnit.MICROSECONDS.toNanos(BULK_MICROS));
            done.countDown();
        };
        Runnable urgent = () -> {
            Work.spin(TimeUnit.MICROSECONDS.toNanos(URGENT_MICROS));
            if (System.nanoTime() > deadline) {
                missed.incrementAndGet();
            }
            done.countDown();
        };
        for (int i = 0; i < BULK; i++) {
            submit.accept(bulk, TaskHints.NONE);
        }
        for (int i = 0; i < URGENT; i++) {
            submit.accept(urgent, URGENT_HINTS);
        }
        Work.await(done, workload);
        d.urgentTasks += URGENT;
        d.missedDeadlines += missed.get();
    }
}
