package io.hallows.messaging.impl.kafka;

import io.hallows.messaging.impl.log.ReadResult;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.record.internal.MutableRecordBatch;

/**
 * The reads of one fetch and its long poll: reads every partition; while the reads hold fewer
 * than {@code minBytes}, none failed and the deadline ({@code maxWaitMs}) is ahead, waits for the
 * first partition whose high watermark passes what was read (or a timer at the deadline),
 * cancels the other waiters and reads again. Cancelling the result (the connection closed)
 * cancels the waiters and the timer.
 */
final class FetchPoll {
    private final Broker broker;
    private final List<FetchHandler.Part> parts;
    private final int minBytes;
    private final long deadlineNanos;
    private final boolean mayWait;
    private final CompletableFuture<ReadResult[]> result = new CompletableFuture<>();
    private final Object lock = new Object();
    private List<CompletableFuture<Void>> waiters = List.of();
    private long timer = -1;
    private boolean waiting;

    FetchPoll(Broker broker, List<FetchHandler.Part> parts, int minBytes, int maxWaitMs) {
        this.broker = broker;
        this.parts = parts;
        this.minBytes = minBytes;
        this.mayWait = maxWaitMs > 0 && minBytes > 0;
        this.deadlineNanos = System.nanoTime() + Math.max(0, maxWaitMs) * 1_000_000L;
        result.whenComplete((r, failure) -> stopWaiting());
    }

    CompletableFuture<ReadResult[]> run() {
        read();
        return result;
    }

    private void read() {
        ReadResult[] reads = new ReadResult[parts.size()];
        CompletableFuture<?>[] futures = new CompletableFuture<?>[parts.size()];
        for (int i = 0; i < parts.size(); i++) {
            FetchHandler.Part part = parts.get(i);
            int index = i;
            futures[i] = broker.logs.read(part.topic(), part.partition(), part.fetchOffset(), part.maxBytes(), true)
                    .handle((read, failure) -> reads[index] = failure == null ? read : ReadResult.failed(Broker.error(failure)));
        }
        CompletableFuture.allOf(futures).whenComplete((v, failure) -> readsDone(reads));
    }

    private void readsDone(ReadResult[] reads) {
        if (result.isDone()) {
            return;
        }
        long bytes = 0;
        boolean failed = false;
        for (ReadResult read : reads) {
            failed |= read.error() != Errors.NONE;
            bytes += read.records().sizeInBytes();
        }
        long remainingMs = (deadlineNanos - System.nanoTime()) / 1_000_000L;
        if (!mayWait || failed || bytes >= minBytes || remainingMs <= 0) {
            result.complete(reads);
            return;
        }
        List<CompletableFuture<Void>> awaits = new ArrayList<>(parts.size());
        for (int i = 0; i < parts.size(); i++) {
            FetchHandler.Part part = parts.get(i);
            awaits.add(broker.logs.awaitData(part.topic(), part.partition(), nextOffset(part.fetchOffset(), reads[i])));
        }
        synchronized (lock) {
            if (result.isDone()) {
                awaits.forEach(a -> a.cancel(false));
                return;
            }
            waiters = awaits;
            waiting = true;
            timer = broker.vertx.setTimer(Math.max(1, remainingMs), id -> wake(reads, true));
        }
        for (CompletableFuture<Void> await : awaits) {
            await.whenComplete((v, failure) -> wake(reads, false));
        }
    }

    /** The first waiter or the timer ends this wait: the others are cancelled. */
    private void wake(ReadResult[] previous, boolean timedOut) {
        synchronized (lock) {
            if (!waiting) {
                return;
            }
            waiting = false;
        }
        stopWaiting();
        if (timedOut) {
            result.complete(previous);
        } else if (!result.isDone()) {
            read();
        }
    }

    private void stopWaiting() {
        List<CompletableFuture<Void>> cancelled;
        long timerId;
        synchronized (lock) {
            cancelled = waiters;
            waiters = List.of();
            timerId = timer;
            timer = -1;
            waiting = false;
        }
        for (CompletableFuture<Void> waiter : cancelled) {
            waiter.cancel(false);
        }
        if (timerId >= 0) {
            broker.vertx.cancelTimer(timerId);
        }
    }

    /** The offset past what {@code read} found: new data is anything at or beyond it. */
    private static long nextOffset(long fetchOffset, ReadResult read) {
        long next = fetchOffset;
        for (MutableRecordBatch batch : read.records().batches()) {
            next = batch.nextOffset();
        }
        return next;
    }
}
