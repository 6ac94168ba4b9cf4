package io.hallows.messaging.impl.log;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.record.internal.MemoryRecords;
import org.apache.kafka.common.record.internal.MutableRecordBatch;
import org.apache.kafka.common.record.internal.Record;

/** Reads from one segment, below a byte limit (the high watermark's position when it lies in the segment). */
final class SegmentReads {
    /** An offset and the timestamp of its record. */
    record Found(long offset, long timestamp) {
    }

    private SegmentReads() {
    }

    /**
     * The whole batches from the one holding {@code offset}, at most {@code maxBytes} of them but the
     * first one whatever its size when {@code minOneBatch}.
     */
    static MemoryRecords batches(LogSegment segment, long offset, int limit, int maxBytes, boolean minOneBatch) throws IOException {
        int position = segment.positionOf(offset, limit);
        int available = limit - position;
        if (available <= 0) {
            return MemoryRecords.EMPTY;
        }
        ByteBuffer buffer = segment.read(position, Math.min(available, Math.max(maxBytes, 0)));
        int whole = wholeBatches(buffer);
        if (whole == 0 && minOneBatch) {
            BatchHeader first = segment.header(position, limit);
            if (first == null) {
                return MemoryRecords.EMPTY;
            }
            buffer = segment.read(position, Math.min(first.sizeInBytes(), available));
            whole = wholeBatches(buffer);
        }
        return whole == 0 ? MemoryRecords.EMPTY : MemoryRecords.readableRecords(buffer.limit(whole).slice());
    }

    /** How many bytes at the start of {@code buffer} are whole batches. */
    private static int wholeBatches(ByteBuffer buffer) {
        int at = 0;
        while (buffer.limit() - at >= BatchHeader.LOG_OVERHEAD) {
            int size = buffer.getInt(at + 8) + BatchHeader.LOG_OVERHEAD;
            if (size < BatchHeader.SIZE || buffer.limit() - at < size) {
                break;
            }
            at += size;
        }
        return at;
    }

    /**
     * The first record at or after {@code timestamp} in the segment below {@code limit}, or null:
     * the time index gives where to start, the batch headers where the record is, the batch itself
     * which record it is.
     */
    static Found atOrAfter(LogSegment segment, long timestamp, int limit) throws IOException {
        int position = segment.positionBeforeTimestamp(timestamp);
        BatchHeader header;
        while ((header = segment.header(position, limit)) != null) {
            if (header.maxTimestamp() >= timestamp) {
                return within(segment, position, header, timestamp);
            }
            position += header.sizeInBytes();
        }
        return null;
    }

    /** The record of a batch whose timestamp is the first at or after {@code timestamp}. */
    static Found within(LogSegment segment, int position, BatchHeader header, long timestamp) throws IOException {
        if (header.timestampType() == TimestampType.LOG_APPEND_TIME) {
            return new Found(header.baseOffset(), header.maxTimestamp());
        }
        MemoryRecords records = MemoryRecords.readableRecords(segment.read(position, header.sizeInBytes()));
        try {
            for (MutableRecordBatch batch : records.batches()) {
                for (Record record : batch) {
                    if (record.timestamp() >= timestamp) {
                        return new Found(record.offset(), record.timestamp());
                    }
                }
            }
        } catch (RuntimeException | LinkageError e) {
            // A compressed batch whose codec is not available: the batch's first offset is the answer Kafka's index would give.
            return new Found(header.baseOffset(), header.maxTimestamp());
        }
        return new Found(header.baseOffset(), header.maxTimestamp());
    }
}
