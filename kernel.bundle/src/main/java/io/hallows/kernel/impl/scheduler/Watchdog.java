package io.hallows.kernel.impl.scheduler;

import io.hallows.kernel.api.ExitReason;
import io.hallows.kernel.impl.log.KernelLog;
import io.hallows.kernel.impl.log.KernelLogger;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Looks at every partition every {@value #PERIOD_MS} ms, and reports what it finds; it changes
 * nothing itself (Vert.x's {@code BlockedThreadChecker} has the same one job).
 * <ul>
 * <li>The oldest task the active scheduler holds must not have been runnable for longer than the
 * partition's bound, or the scheduler is condemned with exit reason {@code stall} (sched_ext's
 * watchdog, on the JVM). The built-in FIFO is never condemned: there is nothing safer to revert to.</li>
 * <li>A loop thread the partition owns ({@link io.hallows.kernel.api.PartitionExecutor#ownThread})
 * busy with one unit of work for longer than the bound is reported as a stall, once per unit of
 * work, with its stack; it is not interrupted.</li>
 * </ul>
 */
final class Watchdog implements AutoCloseable {
    static final long PERIOD_MS = 20;
    private static final KernelLogger LOG = KernelLog.of(Watchdog.class);
    /** How deep into a registry to look for the oldest owned task; a stalled one is near the head. */
    private static final int SCAN_LIMIT = 100_000;

    /** What becomes of a scheduler the watchdog condemns. */
    interface Verdict {
        void abort(Lane lane, ExitReason reason, String detail);
    }

    /** Where a loop thread's stall is reported, after it is counted in its partition's figures. */
    interface StallReport {
        void stalled(String partition, Stall stall);
    }

    private final Supplier<List<PartitionRuntime>> runtimes;
    private final Verdict verdict;
    private final StallReport stalls;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "hallows-watchdog");
        t.setDaemon(true);
        return t;
    });

    Watchdog(Supplier<List<PartitionRuntime>> runtimes, Verdict verdict, StallReport stalls) {
        this.runtimes = runtimes;
        this.verdict = verdict;
        this.stalls = stalls;
    }

    void start() {
        timer.scheduleWithFixedDelay(this::check, PERIOD_MS, PERIOD_MS, TimeUnit.MILLISECONDS);
    }

    /** One look at every partition; package-private so that tests can look without waiting for the timer. */
    void check() {
        for (PartitionRuntime runtime : runtimes.get()) {
            try {
                checkLoops(runtime);
                checkScheduler(runtime);
            } catch (RuntimeException e) {
                LOG.error("the watchdog failed on partition '" + runtime.name() + "'", e);
            }
        }
    }

    private void checkScheduler(PartitionRuntime runtime) {
        Lane lane = runtime.active();
        if (lane == null || lane.choice.builtIn()) {
            return;
        }
        KernelTask oldest = runtime.tasks().oldestOwnedBy(lane.epoch, SCAN_LIMIT);
        if (oldest == null) {
            return;
        }
        long waited = System.nanoTime() - oldest.runnableAt;
        long bound = runtime.watchdogNanos();
        if (waited > bound && runtime.active() == lane) {
            verdict.abort(lane, ExitReason.STALL, oldest + " was runnable for " + TimeUnit.NANOSECONDS.toMillis(waited)
                    + " ms, over the partition's watchdog bound of " + TimeUnit.NANOSECONDS.toMillis(bound) + " ms");
        }
    }

    /** A loop busy with one unit of work for over the bound is reported once; it is not interrupted. */
    private void checkLoops(PartitionRuntime runtime) {
        long now = System.nanoTime();
        long bound = runtime.watchdogNanos();
        for (LoopThread loop : runtime.threads().loops()) {
            Stall stall = loop.stallAt(now, bound);
            if (stall != null) {
                runtime.figures().stalled(stall);
                stalls.stalled(runtime.name(), stall);
            }
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
