package io.hallows.messaging.impl.log;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.record.internal.MemoryRecords;
import org.apache.kafka.common.record.internal.MutableRecordBatch;
import org.apache.kafka.common.record.internal.Record;
import org.apache.kafka.common.requests.ListOffsetsRequest;

/** Reads from one segment, below a byte limit (the high watermark's position when it lies in the segment). */
final class SegmentReads {
    /** An offset and the timestamp of its record. */
    record Found(long offset, long timestamp) {
    }

    /** The most one read returns (a larger first batch aside): a caller asking for "everything" gets it in parts. */
    static final int MAX_READ_BYTES = 16 << 20;
    private static final OffsetLookup NONE_FOUND = new OffsetLookup(Errors.NONE, -1, -1);

    private SegmentReads() {
    }

    /** How far a segment may be read: all of it below the high watermark's segment, up to its position in it. */
    static int limitIn(LogSegment segment, PartitionLog.Mark mark) {
        if (segment.baseOffset() < mark.segmentBase()) {
            return segment.size();
        }
        return segment.baseOffset() == mark.segmentBase() ? Math.min(mark.position(), segment.size()) : 0;
    }

    /**
     * ListOffsets over a partition's segments: -2 (and -4, the local log start) the log start, -1
     * the high watermark, -3 the record with the largest timestamp, otherwise the first record at or
     * after the timestamp; offset -1 when there is none.
     */
    static OffsetLookup listOffset(List<LogSegment> segments, long timestamp, PartitionLog.Mark mark, long logStart) throws IOException {
        if (timestamp == ListOffsetsRequest.EARLIEST_TIMESTAMP || timestamp == ListOffsetsRequest.EARLIEST_LOCAL_TIMESTAMP) {
            return new OffsetLookup(Errors.NONE, logStart, -1);
        }
        if (timestamp == ListOffsetsRequest.LATEST_TIMESTAMP) {
            return new OffsetLookup(Errors.NONE, mark.offset(), -1);
        }
        if (timestamp == ListOffsetsRequest.MAX_TIMESTAMP) {
            LogSegment newest = null;
            for (LogSegment segment : segments) {
                if (segment.maxTimestamp() >= 0 && (newest == null || segment.maxTimestamp() > newest.maxTimestamp())) {
                    newest = segment;
                }
            }
            return newest == null ? NONE_FOUND : lookup(newest, newest.maxTimestamp(), mark);
        }
        if (timestamp < 0) {
            return new OffsetLookup(Errors.UNSUPPORTED_VERSION, -1, -1);
        }
        for (LogSegment segment : segments) {
            if (segment.maxTimestamp() >= timestamp) {
                return lookup(segment, timestamp, mark);
            }
        }
        return NONE_FOUND;
    }

    private static OffsetLookup lookup(LogSegment segment, long timestamp, PartitionLog.Mark mark) throws IOException {
        Found found = atOrAfter(segment, timestamp, limitIn(segment, mark));
        return found == null ? NONE_FOUND : new OffsetLookup(Errors.NONE, found.offset(), found.timestamp());
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
        ByteBuffer buffer = segment.read(position, Math.min(available, Math.clamp(maxBytes, 0, MAX_READ_BYTES)));
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
