package io.hallows.messaging.impl.channel;

import io.hallows.messaging.api.Message;
import io.hallows.messaging.api.MessagingException;
import io.hallows.messaging.impl.log.Logs;
import io.hallows.messaging.impl.log.PartitionState;
import io.hallows.messaging.impl.log.ReadResult;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.apache.kafka.common.protocol.Errors;

/**
 * One partition's reading for one subscription: reads a chunk of the log when asked and its buffer
 * is empty, waits for data ({@link Logs#awaitData}) when caught up, and tells its subscription when
 * messages are ready. Never blocks: reads and waits are futures whose completions come back as
 * events of the subscription's {@link Serial}, which is also the only caller of these methods.
 */
final class PartitionReader {
    /** What a reader tells its subscription. */
    interface Listener {
        void readable();

        void failed(MessagingException error);
    }

    private final Logs logs;
    private final String topic;
    private final int partition;
    private final int chunkBytes;
    private final Serial serial;
    private final Listener listener;
    private final ArrayDeque<Message> buffered = new ArrayDeque<>();
    private long position;
    private boolean busy;
    private boolean stopped;
    private CompletableFuture<Void> waiting;
    private MessagingException unreadable;

    PartitionReader(Logs logs, String topic, int partition, long position, int chunkBytes, Serial serial, Listener listener) {
        this.logs = logs;
        this.topic = topic;
        this.partition = partition;
        this.position = position;
        this.chunkBytes = chunkBytes;
        this.serial = serial;
        this.listener = listener;
    }

    boolean hasMessage() {
        return !buffered.isEmpty();
    }

    Message next() {
        return buffered.poll();
    }

    /**
     * Why this partition cannot be read on, once the messages before the unreadable batch are
     * delivered; null while it can.
     */
    MessagingException failure() {
        return buffered.isEmpty() ? unreadable : null;
    }

    /** Starts a read if nothing is buffered and no read or wait is in flight. */
    void fill() {
        if (busy || stopped || unreadable != null || !buffered.isEmpty()) {
            return;
        }
        busy = true;
        logs.read(topic, partition, position, chunkBytes, true).whenComplete((result, error) -> serial.run(() -> read(result, error)));
    }

    /** Stops reading: a pending wait is forgotten by the log, a pending read's result ignored. */
    void stop() {
        stopped = true;
        buffered.clear();
        if (waiting != null) {
            waiting.cancel(false);
        }
    }

    private void read(ReadResult result, Throwable error) {
        busy = false;
        if (stopped) {
            return;
        }
        if (error != null) {
            listener.failed(storageError("reading", error));
            return;
        }
        if (result.error() == Errors.OFFSET_OUT_OF_RANGE) {
            outOfRange();
            return;
        }
        if (result.error() != Errors.NONE) {
            listener.failed(new MessagingException(result.error().name(), "reading " + topic + "-" + partition + " at offset "
                    + position + ": " + result.error().message()));
            return;
        }
        long before = position;
        try {
            position = RecordCodec.decode(topic, partition, result.records(), position, buffered::add);
        } catch (MessagingException e) {
            unreadable = e; // the messages decoded before it go first
            listener.readable();
            return;
        }
        if (buffered.isEmpty() && position == before) {
            await(); // caught up with the high watermark
        } else {
            listener.readable(); // messages, or only batches without any (control batches): read on
        }
    }

    /** Below the log start (retention removed it): go on from the start. Above the end: wait until it exists. */
    private void outOfRange() {
        Optional<PartitionState> state = logs.state(topic, partition);
        if (state.isEmpty()) {
            listener.failed(new MessagingException(Errors.UNKNOWN_TOPIC_OR_PARTITION.name(), topic + "-" + partition + " no longer exists"));
        } else if (position < state.get().logStartOffset()) {
            position = state.get().logStartOffset();
            listener.readable();
        } else if (position > state.get().highWatermark()) {
            await();
        } else {
            listener.readable();
        }
    }

    private void await() {
        busy = true;
        CompletableFuture<Void> wait = logs.awaitData(topic, partition, position);
        waiting = wait;
        wait.whenComplete((ignored, error) -> serial.run(() -> {
            busy = false;
            waiting = null;
            if (stopped) {
                return;
            }
            if (error != null && !(error instanceof CancellationException)) {
                listener.failed(storageError("waiting for data of", error));
            } else {
                listener.readable();
            }
        }));
    }

    private MessagingException storageError(String doing, Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        return cause instanceof MessagingException m ? m : new MessagingException(Errors.KAFKA_STORAGE_ERROR.name(),
                doing + " " + topic + "-" + partition + " at offset " + position + " failed: " + cause, cause);
    }
}
