package io.hallows.messaging.impl.log;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.record.internal.MemoryRecords;
import org.apache.kafka.common.record.internal.MutableRecordBatch;
import org.apache.kafka.common.record.internal.RecordBatch;

/**
 * The batches of one produce request to a partition, checked before anything is written: per
 * batch, only its header and its CRC (no record is parsed). Kafka's errors: a format before v2 is
 * UNSUPPORTED_FOR_MESSAGE_FORMAT, a bad CRC or a torn batch CORRUPT_MESSAGE, a batch above
 * max.message.bytes MESSAGE_TOO_LARGE, a request above segment.bytes RECORD_LIST_TOO_LARGE;
 * control and transactional batches are refused (Hallows has no transactions).
 *
 * @param error why the request is refused, or null
 * @param duplicate the earlier append this request repeats (an idempotent producer's retry), or null
 */
record IncomingBatches(List<MutableRecordBatch> batches, List<BatchHeader> headers, AppendResult error,
        ProducerStates.Appended duplicate) {

    static IncomingBatches check(String where, MemoryRecords records, TopicConfig config, ProducerStates producers) {
        if (records.sizeInBytes() > config.segmentBytes()) {
            return refused(Errors.RECORD_LIST_TOO_LARGE, where + ": " + records.sizeInBytes() + " bytes of batches exceed segment.bytes "
                    + config.segmentBytes());
        }
        List<MutableRecordBatch> batches = new ArrayList<>(1);
        List<BatchHeader> headers = new ArrayList<>(1);
        ByteBuffer buffer = records.buffer();
        int position = 0;
        try {
            for (MutableRecordBatch batch : records.batches()) {
                if (batch.magic() < RecordBatch.MAGIC_VALUE_V2) {
                    return refused(Errors.UNSUPPORTED_FOR_MESSAGE_FORMAT, where + ": record batch of magic " + batch.magic()
                            + " (Hallows stores only v2 batches, Kafka 0.11 and later)");
                }
                if (batch.sizeInBytes() > config.maxMessageBytes()) {
                    return refused(Errors.MESSAGE_TOO_LARGE, where + ": a record batch of " + batch.sizeInBytes()
                            + " bytes exceeds max.message.bytes " + config.maxMessageBytes());
                }
                if (!batch.isValid()) {
                    return refused(Errors.CORRUPT_MESSAGE, where + ": record batch at offset " + position + " of the request fails its CRC");
                }
                BatchHeader header = BatchHeader.parse(buffer, buffer.position() + position);
                AppendResult invalid = invalid(where, batch, header);
                if (invalid != null) {
                    return new IncomingBatches(List.of(), List.of(), invalid, null);
                }
                ProducerStates.Verdict verdict = producers.check(header, previousOf(headers, header.producerId()));
                if (verdict.duplicate() != null) {
                    if (!batches.isEmpty()) {
                        // Answering the whole request as the duplicate would acknowledge the new batches before it unwritten.
                        return refused(Errors.INVALID_RECORD, where + ": a request with new record batches before one already appended"
                                + " (producer " + header.producerId() + ", sequence " + header.baseSequence() + ")");
                    }
                    return new IncomingBatches(List.of(), List.of(), null, verdict.duplicate());
                }
                if (!verdict.ok()) {
                    return refused(verdict.error(), where + ": " + verdict.message());
                }
                batches.add(batch);
                headers.add(header);
                position += batch.sizeInBytes();
            }
        } catch (KafkaException e) {
            return refused(Errors.CORRUPT_MESSAGE, where + ": unreadable record batch at offset " + position + " of the request: " + e.getMessage());
        }
        if (position != records.sizeInBytes()) {
            return refused(Errors.CORRUPT_MESSAGE, where + ": " + (records.sizeInBytes() - position)
                    + " bytes after the last whole record batch of the request");
        }
        if (batches.isEmpty()) {
            return refused(Errors.INVALID_RECORD, where + ": the request holds no record batch");
        }
        return new IncomingBatches(batches, headers, null, null);
    }

    private static AppendResult invalid(String where, MutableRecordBatch batch, BatchHeader header) {
        String why = null;
        if (header.isControl()) {
            why = "clients may not write control batches";
        } else if (header.isTransactional()) {
            why = "transactional batches are not supported (Hallows has no transactions; use an idempotent producer without transactional.id)";
        } else if (batch.countOrNull() == null || batch.countOrNull() != header.lastOffsetDelta() + 1 || header.lastOffsetDelta() < 0) {
            why = "the batch's record count " + batch.countOrNull() + " does not match its offset range " + (header.lastOffsetDelta() + 1);
        } else if (header.hasProducerId() && header.baseSequence() < 0) {
            why = "the batch has producer id " + header.producerId() + " but no sequence number";
        }
        return why == null ? null : AppendResult.failed(Errors.INVALID_RECORD, where + ": " + why);
    }

    private static BatchHeader previousOf(List<BatchHeader> headers, long producerId) {
        if (producerId == RecordBatch.NO_PRODUCER_ID) {
            return null;
        }
        for (int i = headers.size() - 1; i >= 0; i--) {
            if (headers.get(i).producerId() == producerId) {
                return headers.get(i);
            }
        }
        return null;
    }

    private static IncomingBatches refused(Errors error, String message) {
        return new IncomingBatches(List.of(), List.of(), AppendResult.failed(error, message), null);
    }
}
