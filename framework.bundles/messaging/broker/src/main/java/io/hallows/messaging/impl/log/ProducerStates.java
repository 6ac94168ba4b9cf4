package io.hallows.messaging.impl.log;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.record.internal.RecordBatch;

/**
 * The idempotent producers of one partition, as a single Kafka broker keeps them: for each producer
 * id its epoch and the last {@value #CACHED_BATCHES} batches it appended (sequence range and
 * offsets). A batch is checked before it is appended:
 * <ul>
 * <li>a repeat of a cached batch (same epoch and sequence range) is a duplicate: it succeeds with
 * the offsets it got the first time, and nothing is appended;</li>
 * <li>an older epoch fails with INVALID_PRODUCER_EPOCH;</li>
 * <li>a newer epoch must start at sequence 0, the same epoch must continue the last sequence, or
 * the batch fails with OUT_OF_ORDER_SEQUENCE_NUMBER; a producer the partition does not know (never
 * seen, or its batches deleted by retention) may start anywhere.</li>
 * </ul>
 * Owned by the partition's task. Rebuilt at open from the batch headers of the segments.
 */
final class ProducerStates {
    static final int CACHED_BATCHES = 5;

    /** A batch a producer appended: its sequence range, its offsets, the timestamp it was stored with. */
    record Appended(int firstSeq, int lastSeq, long baseOffset, long lastOffset, long timestamp) {
    }

    /** The answer for one batch: append it ({@link #OK}), answer it as a {@code duplicate}, or fail with {@code error}. */
    record Verdict(Errors error, String message, Appended duplicate) {
        static final Verdict OK = new Verdict(Errors.NONE, null, null);

        boolean ok() {
            return error == Errors.NONE && duplicate == null;
        }
    }

    private static final class Producer {
        short epoch;
        final ArrayDeque<Appended> batches = new ArrayDeque<>(CACHED_BATCHES);
    }

    private final Map<Long, Producer> producers = new HashMap<>();

    int size() {
        return producers.size();
    }

    /**
     * Checks a batch of {@code producerId} against what the partition holds, or against
     * {@code previous}, the batch of the same producer just before it in the same request (null if none).
     */
    Verdict check(BatchHeader batch, BatchHeader previous) {
        if (!batch.hasProducerId()) {
            return Verdict.OK;
        }
        if (previous != null) {
            return sequenceAfter(batch, previous.producerEpoch(), previous.lastSequence(), true);
        }
        Producer producer = producers.get(batch.producerId());
        if (producer == null) {
            return Verdict.OK;
        }
        if (batch.producerEpoch() == producer.epoch) {
            for (Appended appended : producer.batches) {
                if (appended.firstSeq() == batch.baseSequence() && appended.lastSeq() == batch.lastSequence()) {
                    return new Verdict(Errors.NONE, null, appended);
                }
            }
        }
        int lastSeq = producer.batches.isEmpty() ? RecordBatch.NO_SEQUENCE : producer.batches.peekLast().lastSeq();
        return sequenceAfter(batch, producer.epoch, lastSeq, !producer.batches.isEmpty());
    }

    private static Verdict sequenceAfter(BatchHeader batch, short epoch, int lastSeq, boolean known) {
        if (batch.producerEpoch() < epoch) {
            return new Verdict(Errors.INVALID_PRODUCER_EPOCH, "producer " + batch.producerId() + " epoch " + batch.producerEpoch()
                    + " is older than its current epoch " + epoch, null);
        }
        if (batch.producerEpoch() > epoch) {
            return batch.baseSequence() == 0 || !known ? Verdict.OK
                    : outOfOrder(batch, "a new epoch " + batch.producerEpoch() + " must start at sequence 0");
        }
        if (!known || batch.baseSequence() == lastSeq + 1 || (batch.baseSequence() == 0 && lastSeq == Integer.MAX_VALUE)) {
            return Verdict.OK;
        }
        return outOfOrder(batch, "expected sequence " + (lastSeq + 1L) + " after " + lastSeq);
    }

    private static Verdict outOfOrder(BatchHeader batch, String why) {
        return new Verdict(Errors.OUT_OF_ORDER_SEQUENCE_NUMBER, "producer " + batch.producerId() + " epoch " + batch.producerEpoch()
                + ": batch with sequence " + batch.baseSequence() + " is out of order (" + why + ")", null);
    }

    /** Records a batch appended at {@code baseOffset} (after {@link #check}, or while rebuilding at open). */
    void appended(BatchHeader batch, long baseOffset, long timestamp) {
        if (!batch.hasProducerId()) {
            return;
        }
        Producer producer = producers.computeIfAbsent(batch.producerId(), id -> new Producer());
        if (batch.producerEpoch() < producer.epoch && !producer.batches.isEmpty()) {
            return;
        }
        if (batch.producerEpoch() != producer.epoch) {
            producer.epoch = batch.producerEpoch();
            producer.batches.clear();
        }
        if (producer.batches.size() == CACHED_BATCHES) {
            producer.batches.removeFirst();
        }
        producer.batches.addLast(new Appended(batch.baseSequence(), batch.lastSequence(), baseOffset,
                baseOffset + batch.lastOffsetDelta(), timestamp));
    }
}
