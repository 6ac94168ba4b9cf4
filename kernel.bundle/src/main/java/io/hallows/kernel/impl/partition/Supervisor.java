package io.hallows.kernel.impl.partition;

import io.hallows.kernel.api.PartitionState;
import io.hallows.kernel.impl.audit.AuditJournal;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;

/**
 * Starts, stops and restarts partitions' bundles, on the {@link SupervisorThread} (every method
 * here runs on it). Restarts after a fault are scheduled with exponential backoff, and a partition
 * that spends its restart budget is quarantined. A fault in one partition never touches another's
 * bundles. Each action checks the {@link Lifecycle} before it touches a bundle, so an illegal
 * request changes nothing.
 */
final class Supervisor {
    private final AuditJournal audit;
    private final SupervisorThread thread;
    private final Membership membership;
    private final Runnable onChange;
    /** Told before the partition's bundles are stopped, so that its overrunning tasks are given up. */
    private final PartitionListener listener;
    /** Restarts waiting out their backoff; touched on the supervisor thread only. */
    private final Map<Partition, ScheduledFuture<?>> pendingStarts = new HashMap<>();

    /**
     * @param onChange called after every state change, on the supervisor thread
     * @param listener told (its {@code stopping}) before a partition's bundles are stopped
     */
    Supervisor(AuditJournal audit, SupervisorThread thread, Membership membership, Runnable onChange, PartitionListener listener) {
        this.audit = audit;
        this.thread = thread;
        this.membership = membership;
        this.onChange = onChange;
        this.listener = listener;
    }

    /** The bundles the partition supervises, by id. */
    List<Bundle> bundlesOf(PartitionConfig config) {
        return membership.members(config);
    }

    void start(Partition p) {
        List<Bundle> bundles = bundlesOf(p.config());
        long transition = enter(p, p.state(), PartitionState.STARTING, "starting " + bundles.size() + " bundle(s)");
        for (Bundle b : bundles) {
            if (!startBundle(p, b)) {
                return;
            }
            if (p.transitions() != transition) {
                // An activator stopped or quarantined its own partition: that decision stands. Its own
                // bundle could not be stopped while starting; stop it now that its activator returned.
                if (p.lifecycle().held()) {
                    stopBundles(p, p.state().label());
                }
                return;
            }
        }
        enter(p, PartitionState.STARTING, PartitionState.RUNNING, "running");
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
        if (!Lifecycle.of(now).supervised()) {
            audit.record("supervisor", "partition.fault", p.name(), "ignored while " + now.label() + ": " + reason);
            return;
        }
        p.fault(reason);
        if (now == PartitionState.RESTARTING && pendingStarts.containsKey(p)) {
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
        stopBundles(p, "restart after a fault");
        enter(p, now, PartitionState.RESTARTING, "restart " + (used + 1) + " of " + budget + " in " + delay.toMillis() + " ms");
        ScheduledFuture<?> restart = thread.schedule(() -> {
            pendingStarts.remove(p);
            start(p);
        }, delay);
        if (restart != null) {
            pendingStarts.put(p, restart);
        }
    }

    void restartNow(Partition p, String why) {
        PartitionState now = p.state();
        if (Lifecycle.of(now).held()) {
            throw new IllegalStateException("partition '" + p.name() + "' is " + now.label() + "; release it to start it again");
        }
        Lifecycle.of(now).require(p.name(), PartitionState.RESTARTING);
        cancelPending(p);
        stopBundles(p, why);
        enter(p, now, PartitionState.RESTARTING, why);
        start(p);
    }

    void quarantine(Partition p, String why) {
        hold(p, PartitionState.QUARANTINED, why);
    }

    void stop(Partition p, String why) {
        hold(p, PartitionState.STOPPED, why);
    }

    private void hold(Partition p, PartitionState held, String why) {
        PartitionState now = p.state();
        Lifecycle.of(now).require(p.name(), held);
        cancelPending(p);
        stopBundles(p, held.label());
        enter(p, now, held, why);
    }

    /** Starts a quarantined or stopped partition again, with a fresh restart budget. */
    void release(Partition p) {
        PartitionState now = p.state();
        if (!Lifecycle.of(now).held()) {
            throw new IllegalStateException("partition '" + p.name() + "' is " + now.label()
                    + "; only a quarantined or stopped partition can be released");
        }
        p.forgiveRestarts();
        audit.record("shell", "partition.release", p.name(), "released from " + now.label());
        start(p);
    }

    /** Ends supervision of a deleted partition without touching bundles (the manager places them). */
    void retire(Partition p, String why) {
        cancelPending(p);
        PartitionState now = p.state();
        if (now != PartitionState.STOPPED) {
            enter(p, now, PartitionState.STOPPED, why);
        }
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

    /** Gives up the partition's overrunning tasks ({@code why} names the occasion), then stops its bundles, last first. */
    private void stopBundles(Partition p, String why) {
        try {
            listener.stopping(p.config(), why);
        } catch (RuntimeException e) { // the bundles are stopped whatever the scheduler says
            audit.record("supervisor", "partition.fault", p.name(), "giving up its overrunning tasks failed: " + e);
        }
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
        ScheduledFuture<?> pending = pendingStarts.remove(p);
        if (pending != null) {
            pending.cancel(false);
        }
    }

    private long enter(Partition p, PartitionState expected, PartitionState next, String detail) {
        long transition = p.setState(expected, next);
        audit.record("supervisor", "partition." + next.label(), p.name(), detail);
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
}
