package io.hallows.messaging.impl.log;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.LongSupplier;

/**
 * Futures waiting for a partition's high watermark to pass an offset (long polls). Thread-safe:
 * waiters are added from any thread, released by whichever thread advances the high watermark, and
 * forgotten when their future is cancelled.
 */
final class Waiters {
    private record Waiter(long offset, CompletableFuture<Void> future) {
    }

    private final ConcurrentLinkedQueue<Waiter> waiting = new ConcurrentLinkedQueue<>();

    /** A future completed once {@code highWatermark} is above {@code offset}. */
    CompletableFuture<Void> await(long offset, LongSupplier highWatermark) {
        CompletableFuture<Void> future = new CompletableFuture<>();
        if (highWatermark.getAsLong() > offset) {
            future.complete(null);
            return future;
        }
        Waiter waiter = new Waiter(offset, future);
        waiting.add(waiter);
        future.whenComplete((done, failure) -> waiting.remove(waiter));
        // The high watermark may have moved between the check and the add: look again.
        if (highWatermark.getAsLong() > offset) {
            future.complete(null);
        }
        return future;
    }

    /** Completes every waiter below {@code highWatermark}. */
    void release(long highWatermark) {
        for (Waiter waiter : waiting) {
            if (waiter.offset < highWatermark) {
                waiter.future.complete(null);
            }
        }
    }

    /** Completes every waiter (the partition is gone). */
    void releaseAll() {
        release(Long.MAX_VALUE);
    }

    int size() {
        return waiting.size();
    }
}
