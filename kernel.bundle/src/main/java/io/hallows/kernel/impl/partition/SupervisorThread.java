package io.hallows.kernel.impl.partition;

import io.hallows.kernel.impl.audit.AuditJournal;
import io.hallows.kernel.impl.log.KernelLog;
import io.hallows.kernel.impl.log.KernelLogger;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The one thread every partition change runs on, so that partitions change state in a single
 * order: events from framework threads are posted to it, operator commands wait for it, and
 * restarts after a backoff are scheduled on it.
 */
final class SupervisorThread implements AutoCloseable {
    private static final KernelLogger LOG = KernelLog.of(SupervisorThread.class);
    private static final Duration CALL_LIMIT = Duration.ofSeconds(60);

    private final AuditJournal audit;
    private volatile Thread thread;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "hallows-supervisor");
        t.setDaemon(true);
        thread = t;
        return t;
    });

    SupervisorThread(AuditJournal audit) {
        this.audit = audit;
    }

    /**
     * Runs {@code action} on the supervisor thread and waits for it (operator commands). Called on
     * the supervisor thread itself (an activator of a partition bundle calling the kernel), it runs
     * at once instead of waiting for itself.
     */
    <T> T call(Callable<T> action) {
        if (Thread.currentThread() == thread) {
            try {
                return action.call();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        try {
            return executor.submit(action).get(CALL_LIMIT.toSeconds(), TimeUnit.SECONDS);
        } catch (RejectedExecutionException e) {
            throw new IllegalStateException("the kernel is stopping", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the supervisor", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("the supervisor did not answer within " + CALL_LIMIT.toSeconds()
                    + " s (a bundle activator may be stuck)", e);
        }
    }

    /** Runs {@code action} on the supervisor thread later (events from framework threads). */
    void post(Runnable action) {
        try {
            executor.execute(() -> runReporting(action));
        } catch (RejectedExecutionException stopping) {
            // The kernel is stopping: there is nothing left to supervise.
        }
    }

    /** Runs {@code action} on the supervisor thread after {@code delay}; null once the kernel is stopping. */
    ScheduledFuture<?> schedule(Runnable action, Duration delay) {
        try {
            return executor.schedule(() -> runReporting(action), delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            return null;
        }
    }

    private void runReporting(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            // An executor would swallow it; a kernel bug must be visible.
            audit.record("supervisor", "error", "kernel", "internal error: " + e);
            LOG.error("internal error in the supervisor", e);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("the supervisor is still busy (a bundle activator may be stuck); leaving it");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
