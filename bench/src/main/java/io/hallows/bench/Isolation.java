package io.hallows.bench;

import io.hallows.hal.api.CpuSet;
import io.hallows.hal.api.Hal;
import io.hallows.hal.impl.HalSelection;
import io.hallows.kernel.impl.scheduler.PartitionScheduling;
import io.hallows.kernel.impl.scheduler.ScheduledPartition;
import io.hallows.kernel.impl.scheduler.Pinner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * Isolation by pinning: the response time of a periodic task while a noisy workload saturates the
 * machine, with the two in partitions pinned to different cpus against the two in one unpinned
 * pool (the kernel's, then a JDK fixed pool).
 *
 * <p>The periodic task is released every {@value #PERIOD_NANOS} ns against an absolute schedule
 * and does {@value #RT_WORK_NANOS} ns of arithmetic; its response time is completion minus its
 * scheduled release. The noisy workload is chunks of {@value #NOISY_WORK_NANOS} ns of arithmetic,
 * which {@value #PRODUCERS} producers keep queued, {@value #OUTSTANDING} each. Pinned: partition
 * {@code rt} (1 worker) and the release thread on cpu 1, partition {@code noisy} (2 workers) and
 * the producers on cpu 0, each pinned by the HAL, and checked from inside the partitions' tasks
 * before measuring. Then the same two partitions on cpus 0-1, nothing pinned (separate queues
 * without pinning, to tell the two apart). Shared: one partition of 3 workers on cpus 0-1, nothing
 * pinned; then a {@code newFixedThreadPool(3)}. Each setup warms up for 2 s, then is measured.
 *
 * <p>Not a JMH benchmark (a latency distribution is not a score): {@link BenchMain} runs it after
 * the JMH run; {@link #main} runs it alone.
 */
final class Isolation {
    static final long PERIOD_NANOS = 1_000_000;
    static final long RT_WORK_NANOS = 20_000;
    static final long NOISY_WORK_NANOS = 200_000;
    static final int PRODUCERS = 2;
    static final int OUTSTANDING = 8;
    private static final long WARMUP_NANOS = TimeUnit.SECONDS.toNanos(2);
    /** Where the arithmetic's results go, so that the JIT must compute them. */
    private static volatile long sink;

    /**
     * One setup's times in ns, each sorted: response (completion minus scheduled release), release
     * lag (submission minus scheduled release: the timer's part) and completion minus submission
     * (the executor's and the OS scheduler's part); what the noisy side got done meanwhile; the
     * host's steal over the window.
     */
    record Run(String setup, long[] response, long[] lag, long[] fromSubmit, long noisyChunks, long measuredNanos,
            double stealPercent) {
        static long quantile(long[] sorted, double q) {
            return sorted.length == 0 ? 0 : sorted[Math.max(0, (int) Math.ceil(q * sorted.length) - 1)];
        }

        long quantile(double q) {
            return quantile(response, q);
        }

        double noisyPerSecond() {
            return noisyChunks * 1e9 / measuredNanos;
        }
    }

    /**
     * @param notPinned why the pinned setup did not run, or null when it did
     * @param checks what the pinned setup's threads were found pinned to
     */
    record Result(String platform, long rtIterations, String notPinned, List<String> checks, List<Run> runs) {
    }

    /** Where each workload runs; the cpus its feeding thread pins itself to, or null for none. */
    private record Setup(String name, Executor rt, CpuSet rtCpus, Executor noisy, CpuSet noisyCpus) {
    }

    /** Iterations of {@link #burn} that take the wanted time on this machine, measured once. */
    private record Iterations(long rt, long noisy) {
        static Iterations calibrate() {
            int iterations = 100_000;
            long best = Long.MAX_VALUE;
            for (int trial = 0; trial < 300; trial++) { // the first trials compile it; the best unpreempted one counts
                long t0 = System.nanoTime();
                burn(iterations);
                best = Math.min(best, System.nanoTime() - t0);
            }
            return new Iterations(RT_WORK_NANOS * iterations / best, NOISY_WORK_NANOS * iterations / best);
        }
    }

    private Isolation() {
    }

    public static void main(String[] args) throws Exception {
        print(run(Duration.ofSeconds(args.length > 0 ? Long.parseLong(args[0]) : 10)));
    }

    static Result run(Duration measured) throws Exception {
        Hal hal = HalSelection.select(System::getProperty);
        Iterations work = Iterations.calibrate();
        List<Run> runs = new ArrayList<>();
        List<String> checks = new ArrayList<>();
        String notPinned = Pinning.probe(hal, CpuSet.of(1));
        if (notPinned == null) {
            try (PartitionScheduling kernel = Work.scheduling(Pinner.with(hal))) {
                ScheduledPartition rt = kernel.start(Work.config("rt", "1", 1, Map.of()), "fifo");
                ScheduledPartition noisy = kernel.start(Work.config("noisy", "0", 2, Map.of()), "fifo");
                checks.add(Pinning.requireWorkersOn(hal, "rt", rt.executor(), 1, 1));
                checks.add(Pinning.requireWorkersOn(hal, "noisy", noisy.executor(), 2, 0));
                runs.add(measure(hal, work, measured, new Setup("pinned (rt on cpu 1, noisy on cpu 0)",
                        rt.executor(), CpuSet.of(1), noisy.executor(), CpuSet.of(0))));
            }
        }
        try (PartitionScheduling kernel = Work.scheduling()) {
            ScheduledPartition rt = kernel.start(Work.config("rt", "0-1", 1, Map.of()), "fifo");
            ScheduledPartition noisy = kernel.start(Work.config("noisy", "0-1", 2, Map.of()), "fifo");
            runs.add(measure(hal, work, measured, new Setup("two partitions, unpinned (cpus 0-1)",
                    rt.executor(), null, noisy.executor(), null)));
        }
        try (PartitionScheduling kernel = Work.scheduling()) {
            ScheduledPartition shared = kernel.start(Work.config("shared", "0-1", 3, Map.of()), "fifo");
            runs.add(measure(hal, work, measured, new Setup("kernel shared (3 workers, cpus 0-1)",
                    shared.executor(), null, shared.executor(), null)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(3, Thread.ofPlatform().name("bench-jdk-pool-", 0).daemon().factory());
        try {
            runs.add(measure(hal, work, measured, new Setup("JDK newFixedThreadPool(3), unpinned", pool, null, pool, null)));
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(10, TimeUnit.SECONDS);
        }
        return new Result(hal.platform(), work.rt(), notPinned, checks, runs);
    }

    private static Run measure(Hal hal, Iterations work, Duration measured, Setup setup) throws Exception {
        int releases = (int) ((WARMUP_NANOS + measured.toNanos()) / PERIOD_NANOS);
        int skipped = (int) (WARMUP_NANOS / PERIOD_NANOS);
        long[] response = new long[releases - skipped];
        long[] lag = new long[releases - skipped];
        long[] fromSubmit = new long[releases - skipped];
        long[] noisyAt = new long[2];
        CpuSteal[] stealAt = new CpuSteal[2];
        CountDownLatch done = new CountDownLatch(releases);
        LongAdder chunks = new LongAdder();
        AtomicBoolean stop = new AtomicBoolean();
        List<FutureTask<Void>> producers = new ArrayList<>();
        for (int p = 0; p < PRODUCERS; p++) {
            FutureTask<Void> producer = new FutureTask<>(() -> {
                Pinning.pinCurrent(hal, setup.noisyCpus());
                Semaphore outstanding = new Semaphore(OUTSTANDING);
                Runnable chunk = () -> {
                    burn(work.noisy());
                    chunks.increment();
                    outstanding.release();
                };
                while (true) {
                    outstanding.acquireUninterruptibly();
                    if (stop.get()) {
                        return null;
                    }
                    setup.noisy().execute(chunk);
                }
            });
            producers.add(producer);
            Thread.ofPlatform().name("bench-noisy-producer-" + p).daemon().start(producer);
        }
        FutureTask<Void> release = new FutureTask<>(() -> {
            Pinning.pinCurrent(hal, setup.rtCpus());
            long start = System.nanoTime() + PERIOD_NANOS;
            for (int i = 0; i < releases; i++) {
                long due = start + i * PERIOD_NANOS;
                parkUntil(due);
                int slot = i - skipped;
                long submitted = System.nanoTime();
                setup.rt().execute(() -> {
                    burn(work.rt());
                    long end = System.nanoTime();
                    if (slot >= 0) {
                        response[slot] = end - due;
                        fromSubmit[slot] = end - submitted;
                    }
                    done.countDown();
                });
                if (slot >= 0) {
                    lag[slot] = submitted - due;
                }
                if (slot == 0) {
                    noisyAt[0] = chunks.sum();
                    stealAt[0] = CpuSteal.now();
                }
            }
            parkUntil(start + releases * PERIOD_NANOS);
            noisyAt[1] = chunks.sum();
            stealAt[1] = CpuSteal.now();
            return null;
        });
        Thread.ofPlatform().name("bench-release").daemon().start(release);
        release.get();
        Work.await(done, setup.name());
        stop.set(true);
        for (FutureTask<Void> producer : producers) {
            producer.get(); // each wakes as its last chunks complete, sees stop and ends
        }
        Arrays.sort(response);
        Arrays.sort(lag);
        Arrays.sort(fromSubmit);
        return new Run(setup.name(), response, lag, fromSubmit, noisyAt[1] - noisyAt[0], (releases - skipped) * PERIOD_NANOS,
                CpuSteal.percent(stealAt[0], stealAt[1]));
    }

    /** The workload's timer: parks until {@code due} on the monotonic clock. */
    private static void parkUntil(long due) {
        for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
            LockSupport.parkNanos(wait);
        }
    }

    private static void burn(long iterations) {
        long x = 0x9E3779B97F4A7C15L;
        for (long i = 0; i < iterations; i++) { // xorshift: no closed form for the JIT to find
            x ^= x << 13;
            x ^= x >>> 7;
            x ^= x << 17;
        }
        sink = x;
    }

    static void print(Result r) {
        System.out.printf("isolation: a task every %d ms doing %.0f us of arithmetic (%,d iterations), beside %d producers"
                + " keeping %d chunks of %.0f us queued; 2 s warm-up per setup%n", PERIOD_NANOS / 1_000_000,
                RT_WORK_NANOS / 1e3, r.rtIterations(), PRODUCERS, PRODUCERS * OUTSTANDING, NOISY_WORK_NANOS / 1e3);
        System.out.println("HAL: " + r.platform());
        if (r.notPinned() != null) {
            System.out.println("NOT PINNED: the pinned setup was skipped: " + r.notPinned());
        }
        r.checks().forEach(c -> System.out.println("checked " + c));
        System.out.println();
        System.out.println("| setup | samples | p50 | p99 | p99.9 | max | noisy chunks/s | steal |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|");
        for (Run run : r.runs()) {
            System.out.printf("| %s | %,d | %s | %,.0f | %.0f%% |%n", run.setup(), run.response().length, quantiles(run.response()),
                    run.noisyPerSecond(), run.stealPercent());
        }
        System.out.println();
        System.out.println("| setup | part | p50 | p99 | p99.9 | max |");
        System.out.println("|---|---|---:|---:|---:|---:|");
        for (Run run : r.runs()) {
            System.out.printf("| %s | release lag | %s |%n", run.setup(), quantiles(run.lag()));
            System.out.printf("| %s | submission to completion | %s |%n", run.setup(), quantiles(run.fromSubmit()));
        }
        if (r.notPinned() == null) {
            Run pinned = r.runs().get(0);
            System.out.println();
            System.out.println("| ratio to pinned | p50 | p99 | p99.9 | noisy chunks/s |");
            System.out.println("|---|---:|---:|---:|---:|");
            for (Run run : r.runs().subList(1, r.runs().size())) {
                System.out.printf("| %s | %.2fx | %.2fx | %.2fx | %.2fx |%n", run.setup(), ratio(run, pinned, 0.5),
                        ratio(run, pinned, 0.99), ratio(run, pinned, 0.999), run.noisyPerSecond() / pinned.noisyPerSecond());
            }
        }
    }

    private static double ratio(Run run, Run pinned, double q) {
        return (double) run.quantile(q) / Math.max(1, pinned.quantile(q));
    }

    /** p50, p99, p99.9 and max of {@code sorted}, as table cells. */
    private static String quantiles(long[] sorted) {
        return String.format("%,.1f us | %,.1f us | %,.1f us | %,.1f us", Run.quantile(sorted, 0.5) / 1e3,
                Run.quantile(sorted, 0.99) / 1e3, Run.quantile(sorted, 0.999) / 1e3, Run.quantile(sorted, 1) / 1e3);
    }
}
