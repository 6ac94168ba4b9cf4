package io.hallows.kernel.impl.scheduler;

import io.hallows.kernel.api.ExitReason;
import io.hallows.kernel.impl.log.KernelLog;
import io.hallows.kernel.impl.log.KernelLogger;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Looks at every partition every {@value #PERIOD_MS} ms, and reports what it finds; apart from
 * interrupting an overrunning task it changes nothing itself (Vert.x's {@code BlockedThreadChecker}
 * has the same one job): what becomes of a finding is decided by whom it reports to.
 * <ul>
 * <li>A task running for longer than the partition's bound, on any policy including the built-in
 * FIFO, is an overrun: reported once, with its worker's stack, and its worker interrupted. A
 * worker still in that task a whole bound after the interrupt is reported as stuck, so that it
 * is written off and replaced (Java cannot stop a thread that ignores interrupts).</li>
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

    /** Where overrunning tasks and the workers stuck in them are reported. */
    interface OverrunReport {
        OverrunReport NONE = new OverrunReport() {
            @Override
            public void overran(PartitionRuntime runtime, Overrun overrun) {
            }

            @Override
            public void stuck(PartitionRuntime runtime, LaneThread worker, KernelTask task) {
            }
        };

        /** A task ran over the bound; its worker has just been interrupted. Once per task. */
        void overran(PartitionRuntime runtime, Overrun overrun);

        /** {@code worker} is still in {@code task} a bound after the interrupt. Once per worker. */
        void stuck(PartitionRuntime runtime, LaneThread worker, KernelTask task);
    }

    private final Supplier<List<PartitionRuntime>> runtimes;
    private final Verdict verdict;
    private final StallReport stalls;
    private final OverrunReport overruns;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "hallows-watchdog");
        t.setDaemon(true);
        return t;
    });

    Watchdog(Supplier<List<PartitionRuntime>> runtimes, Verdict verdict, StallReport stalls, OverrunReport overruns) {
        this.runtimes = runtimes;
        this.verdict = verdict;
        this.stalls = stalls;
        this.overruns = overruns;
    }

    void start() {
        timer.scheduleWithFixedDelay(this::check, PERIOD_MS, PERIOD_MS, TimeUnit.MILLISECONDS);
    }

    /** One look at every partition; package-private so that tests can look without waiting for the timer. */
    void check() {
        for (PartitionRuntime runtime : runtimes.get()) {
            try {
                checkLoops(runtime);
                checkWorkers(runtime);
                checkScheduler(runtime);
            } catch (Throwable e) { // an Error escaping would end the scheduled task, and the watchdog with it
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

    /**
     * A task running for over the bound is reported once and its worker interrupted; a worker still
     * in it a bound later is reported stuck, once (it is written off then, and skipped from then on).
     */
    private void checkWorkers(PartitionRuntime runtime) {
        long bound = runtime.watchdogNanos();
        for (LaneThread worker : runtime.threads().workers()) {
            KernelTask task = worker.current();
            long now = System.nanoTime();
            if (task == null || worker.writtenOff || now - task.startedAt() <= bound) {
                continue;
            }
            if (!worker.interruptedIn(task)) {
                Overrun overrun = Overrun.of(task, worker, now - task.startedAt(), bound); // the stack before the interrupt
                if (worker.interruptIfIn(task, now)) {
                    overruns.overran(runtime, overrun);
                    runtime.figures().overran(overrun);
                }
            } else if (now - worker.interruptedAt() > bound && worker.current() == task) {
                overruns.stuck(runtime, worker, task);
            }
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

    /** Runs {@code action} on the watchdog's thread after {@code delayNanos}, without waiting; dropped once stopped. */
    void later(Runnable action, long delayNanos) {
        try {
            timer.schedule(() -> {
                try {
                    action.run();
                } catch (RuntimeException e) { // a failed action must not end the watchdog
                    LOG.error("the watchdog failed on a scheduled action", e);
                }
            }, delayNanos, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException stopped) {
            // Closing: nothing is given up any more.
        }
    }

    /**
     * Runs {@code action} on the watchdog's thread and waits for it: the thread that keeps workers'
     * interrupt bookkeeping, so that an operator's look or kill never races the watchdog's own.
     *
     * @throws IllegalStateException if the watchdog has stopped or does not answer within 10 s
     */
    <T> T onOwnThread(Callable<T> action) {
        Future<T> done;
        try {
            done = timer.submit(action);
        } catch (RejectedExecutionException e) {
            throw new IllegalStateException("the watchdog has stopped", e);
        }
        try {
            return done.get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the watchdog", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("the watchdog did not answer within 10 s", e);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
