package io.hallows.kernel.api;

import java.time.Duration;

/**
 * How a partition's supervisor reacts to faults: restart with exponential backoff, starting at
 * {@code backoff} and doubling up to {@code maxBackoff}; more than {@code maxRestarts} restarts
 * within {@code window} quarantine the partition.
 *
 * @param maxRestarts restarts allowed within the window, at least 0
 * @param window the sliding window restarts are counted in, positive
 * @param backoff delay before the first restart, positive
 * @param maxBackoff the longest delay, at least {@code backoff}
 */
public record RestartPolicy(int maxRestarts, Duration window, Duration backoff, Duration maxBackoff) {
    /** The delay before restart number {@code attempt} (1-based). */
    public Duration delayBefore(int attempt) {
        long factor = 1L << Math.min(Math.max(attempt - 1, 0), 30);
        long millis = backoff.toMillis() > maxBackoff.toMillis() / factor ? maxBackoff.toMillis() : backoff.toMillis() * factor;
        return Duration.ofMillis(Math.min(millis, maxBackoff.toMillis()));
    }

    @Override
    public String toString() {
        return maxRestarts + " in " + window.toSeconds() + "s, backoff " + backoff.toMillis() + "-" + maxBackoff.toMillis() + "ms";
    }
}
