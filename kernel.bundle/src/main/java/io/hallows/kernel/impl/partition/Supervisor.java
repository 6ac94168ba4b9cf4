package io.hallows.kernel.impl.partition;

import io.hallows.kernel.api.PartitionState;
import io.hallows.kernel.impl.audit.AuditJournal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;

/**
 * Starts, stops and restarts partitions' bundles. Every action runs on one supervisor thread, so
 * partitions change state in a single order; restarts after a fault are scheduled on it with
 * exponential backoff, and a partition that spends its restart budget is quarantined. A fault in
 * one partition never touches another's bundles.
 */
final class Supervisor implements AutoCloseable {
    private final AuditJournal audit;
    private volatile Thread supervisorThread;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "hallows-supervisor");
        t.setDaemon(true);
        supervisorThread = t;
        return t;
    });

    private final Membership membership;
    private final Runnable onChange;

    /** @param onChange called after every state change, on the supervisor thread */
    Supervisor(AuditJournal audit, Membership membership, Runnable onChange) {
        this.audit = audit;
        this.membership = membership;
        this.onChange = onChange;
    }

    /**
     * Runs {@code action} on the supervisor thread and waits for it (operator commands). Called on
     * the supervisor thread itself (an activator of a partition bundle calling the kernel), it runs
     * at once instead of waiting for itself.
     */
    <T> T call(Callable<T> action) {
        if (Thread.currentThread() == supervisorThread) {
            try {
                return action.call();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        try {
            return thread.submit(action).get(60, TimeUnit.SECONDS);
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
            throw new IllegalStateException("the supervisor did not answer within 60 s (a bundle activator may be stuck)", e);
        }
    }

    /** Runs {@code action} on the supervisor thread later (events from framework threads). */
    void post(Runnable action) {
        try {
            thread.execute(() -> {
                try {
                    action.run();
                } catch (RuntimeException e) {
                    // A scheduled executor would swallow it; a kernel bug must be visible.
                    audit.record("supervisor", "error", "kernel", "internal error: " + e);
                    System.err.println("hallows: internal error in the supervisor: " + e);
                    e.printStackTrace();
                }
            });
        } catch (RejectedExecutionException stopping) {
            // The kernel is stopping: there is nothing left to supervise.
        }
    }

    /** The bundles the partition supervises, by id. */
    List<Bundle> bundlesOf(PartitionConfig config) {
        return membership.members(config);
    }

    void start(Partition p) {
        List<Bundle> bundles = bundlesOf(p.config());
        long transition = enter(p, PartitionState.STARTING, "starting " + bundles.size() + " bundle(s)");
        for (Bundle b : bundles) {
            if (!startBundle(p, b)) {
                return;
            }
            if (p.transitions() != transition) {
                // An activator stopped or quarantined its own partition: that decision stands. Its own
                // bundle could not be stopped while starting; stop it now that its activator returned.
                PartitionState now = p.state();
                if (now == PartitionState.STOPPED || now == PartitionState.QUARANTINED) {
                    stopBundles(p);
                }
                return;
            }
        }
        enter(p, PartitionState.RUNNING, "running");
    }

    /** Starts one bundle of a running partition (a newly installed one). */
    void adopt(Partition p, Bundle b) {
        if (p.state() == PartitionState.RUNNING) {
            startBundle(p, b);
        }
    }

    private boolean startBundle(Partition p, Bundle b) {
        if (b.getState() == Bundle.ACTIVE || b.getState() == Bundle.UNINSTALLED) {
            return true;
        }
        try {
            b.start();
            return true;
        } catch (BundleException | RuntimeException e) {
            fault(p, "bundle " + b.getSymbolicName() + " [" + b.getBundleId() + "] failed to start: " + rootCause(e));
            return false;
        }
    }

    /** A fault: restart with backoff, or quarantine when the restart budget in the window is spent. */
    void fault(Partition p, String reason) {
        PartitionState now = p.state();
        if (now == PartitionState.QUARANTINED || now == PartitionState.STOPPED) {
            audit.record("supervisor", "partition.fault", p.name(), "ignored while " + now.label() + ": " + reason);
            return;
        }
        p.fault(reason);
        if (now == PartitionState.RESTARTING && p.pendingStart != null) {
            // A restart is already on its way; a burst of faults must not spend the budget without restarting.
            audit.record("supervisor", "partition.fault", p.name(), "while a restart is pending: " + reason);
            return;
        }
        audit.record("supervisor", "partition.fault", p.name(), reason);
        int used = p.restartsInWindow();
        int budget = p.config().restart().maxRestarts();
        if (used >= budget) {
            quarantine(p, "restart budget spent (" + used + " restarts within " + p.config().restart().window().toSeconds()
                    + "s); last fault: " + reason);
            return;
        }
        Duration delay = p.config().restart().delayBefore(used + 1);
        p.countRestart();
        cancelPending(p);
        stopBundles(p);
        enter(p, PartitionState.RESTARTING, "restart " + (used + 1) + " of " + budget + " in " + delay.toMillis() + " ms");
        p.pendingStart = thread.schedule(() -> {
            p.pendingStart = null;
            start(p);
        }, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    void restartNow(Partition p, String why) {
        PartitionState now = p.state();
        if (now == PartitionState.QUARANTINED || now == PartitionState.STOPPED) {
            throw new IllegalStateException("partition '" + p.name() + "' is " + now.label() + "; release it to start it again");
        }
        cancelPending(p);
        stopBundles(p);
        enter(p, PartitionState.RESTARTING, why);
        start(p);
    }

    void quarantine(Partition p, String why) {
        cancelPending(p);
        stopBundles(p);
        enter(p, PartitionState.QUARANTINED, why);
    }

    void release(Partition p) {
        cancelPending(p);
        p.forgiveRestarts();
        audit.record("shell", "partition.release", p.name(), "released from " + p.state().label());
        start(p);
    }

    void stop(Partition p, String why) {
        cancelPending(p);
        stopBundles(p);
        enter(p, PartitionState.STOPPED, why);
    }

    /** Ends supervision of a deleted partition without touching bundles (the manager places them). */
    void retire(Partition p, String why) {
        cancelPending(p);
        enter(p, PartitionState.STOPPED, why);
    }

    /** A bundle that came to {@code p} from another partition, or from none: give it {@code p}'s state. */
    void placed(Partition p, Bundle b) {
        if (p.state() == PartitionState.RUNNING) {
            startBundle(p, b);
        } else if (b.getState() == Bundle.ACTIVE) {
            try {
                b.stop();
            } catch (BundleException | RuntimeException e) {
                audit.record("supervisor", "partition.fault", p.name(), "bundle " + b.getSymbolicName() + " failed to stop: " + rootCause(e));
            }
        }
    }

    /** Stops a bundle that no partition supervises any more. */
    void stopUnowned(Bundle b, String why) {
        if (b.getState() == Bundle.ACTIVE) {
            try {
                b.stop();
                audit.record("supervisor", "bundle.stop", b.getSymbolicName(), why);
            } catch (BundleException | RuntimeException e) {
                audit.record("supervisor", "bundle.stop", b.getSymbolicName(), "failed to stop: " + rootCause(e));
            }
        }
    }

    private void stopBundles(Partition p) {
        List<Bundle> bundles = bundlesOf(p.config());
        for (int i = bundles.size() - 1; i >= 0; i--) {
            Bundle b = bundles.get(i);
            // A bundle still STARTING is the one whose activator called in on this thread: it cannot
            // be stopped from inside its own start; start() stops it once the activator returns.
            if (b.getState() == Bundle.ACTIVE) {
                try {
                    b.stop();
                } catch (BundleException | RuntimeException e) {
                    audit.record("supervisor", "partition.fault", p.name(),
                            "bundle " + b.getSymbolicName() + " failed to stop: " + rootCause(e));
                }
            }
        }
    }

    private void cancelPending(Partition p) {
        if (p.pendingStart != null) {
            p.pendingStart.cancel(false);
            p.pendingStart = null;
        }
    }

    private long enter(Partition p, PartitionState state, String detail) {
        long transition = p.enter(state);
        audit.record("supervisor", "partition." + state.label(), p.name(), detail);
        onChange.run();
        return transition;
    }

    static String rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (caused by " + t + ")";
    }

    @Override
    public void close() {
        thread.shutdownNow();
        try {
            if (!thread.awaitTermination(10, TimeUnit.SECONDS)) {
                System.err.println("hallows: the supervisor is still busy (a bundle activator may be stuck); leaving it");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
