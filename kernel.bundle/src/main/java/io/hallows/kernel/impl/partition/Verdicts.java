package io.hallows.kernel.impl.partition;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

/**
 * Lets waiters learn what became of configuration changes: the verdict on one change (the shell's
 * {@code configure} marks its change with a token), or that a set of partitions has settled (the
 * ready line). Told of every decision and state change on the supervisor thread.
 */
final class Verdicts {
    private final Map<String, CompletableFuture<String>> byToken = new ConcurrentHashMap<>();
    private final Object changes = new Object();

    /** A future completed with null when the change carrying {@code token} is accepted, or with the rejection message. */
    CompletableFuture<String> of(String token) {
        return byToken.computeIfAbsent(token, t -> new CompletableFuture<>());
    }

    void forget(String token) {
        byToken.remove(token);
    }

    /** A change was decided: {@code rejection} is null if it was accepted; {@code token} null if it carried none. */
    void decide(Object token, String rejection) {
        changed();
        if (token != null) {
            of(token.toString()).complete(rejection);
        }
    }

    /** Something waiters may be waiting for changed. */
    void changed() {
        synchronized (changes) {
            changes.notifyAll();
        }
    }

    /** Waits until {@code condition} holds, re-checking after every change. @return false on timeout */
    boolean await(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (changes) {
            while (!condition.getAsBoolean()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                changes.wait(Math.max(1, left / 1_000_000));
            }
            return true;
        }
    }
}
