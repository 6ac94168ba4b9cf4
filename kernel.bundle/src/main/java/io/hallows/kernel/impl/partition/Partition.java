package io.hallows.kernel.impl.partition;

import io.hallows.kernel.api.PartitionState;
import io.hallows.kernel.api.PartitionStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * One partition's runtime record. Its fields are changed only on the supervisor thread; other
 * threads read a {@link #snapshot} and wait for states through this object's monitor. Its state
 * changes only through {@link #setState}, which follows the {@link Lifecycle} table.
 */
final class Partition {
    final String pid;
    private volatile PartitionConfig config;
    private PartitionState state = PartitionState.DECLARED;
    private Instant since = Instant.now();
    private final Deque<Instant> restartTimes = new ArrayDeque<>();
    private int totalRestarts;
    private String lastFault;
    private Instant lastFaultTime;
    private volatile String rejected;
    private long transitions;

    Partition(String pid, PartitionConfig config) {
        this.pid = pid;
        this.config = config;
    }

    PartitionConfig config() {
        return config;
    }

    String name() {
        return config.name();
    }

    void accept(PartitionConfig newConfig) {
        config = newConfig;
        rejected = null;
    }

    void reject(String error) {
        rejected = error;
    }

    synchronized PartitionState state() {
        return state;
    }

    synchronized Lifecycle lifecycle() {
        return Lifecycle.of(state);
    }

    /**
     * Moves from {@code expected} to {@code next}; returns the number of the transition, which a
     * later one changes.
     *
     * @throws IllegalStateException if the partition is not in {@code expected} (another change came
     *     first), or if the lifecycle does not lead from {@code expected} to {@code next}
     */
    synchronized long setState(PartitionState expected, PartitionState next) {
        if (state != expected) {
            throw new IllegalStateException("partition '" + name() + "' is " + state.label() + ", not " + expected.label()
                    + ": it cannot become " + next.label());
        }
        Lifecycle.of(expected).require(name(), next);
        transitions++;
        state = next;
        since = Instant.now();
        notifyAll();
        return transitions;
    }

    /** The number of the latest transition. */
    synchronized long transitions() {
        return transitions;
    }

    synchronized void fault(String reason) {
        lastFault = reason;
        lastFaultTime = Instant.now();
    }

    /** Restarts within the window ending now, after forgetting older ones. */
    synchronized int restartsInWindow() {
        Instant horizon = Instant.now().minus(config.restart().window());
        while (!restartTimes.isEmpty() && restartTimes.peekFirst().isBefore(horizon)) {
            restartTimes.removeFirst();
        }
        return restartTimes.size();
    }

    /** Restarts within the window ending now, without forgetting older ones (for readers). */
    private int countInWindow() {
        Instant horizon = Instant.now().minus(config.restart().window());
        return (int) restartTimes.stream().filter(t -> !t.isBefore(horizon)).count();
    }

    synchronized void countRestart() {
        restartTimes.addLast(Instant.now());
        totalRestarts++;
    }

    synchronized void forgiveRestarts() {
        restartTimes.clear();
    }

    synchronized boolean await(PartitionState wanted, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (state != wanted) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    synchronized PartitionStatus snapshot(List<String> bundles) {
        PartitionConfig c = config;
        return new PartitionStatus(c.name(), state, c.cpus().toString(), c.exclusive(), c.scheduler(), c.restart(),
                c.bundles().stream().map(Object::toString).toList(), bundles,
                c.grants().stream().map(Object::toString).toList(), countInWindow(), totalRestarts,
                lastFault, lastFaultTime, since, rejected);
    }
}
