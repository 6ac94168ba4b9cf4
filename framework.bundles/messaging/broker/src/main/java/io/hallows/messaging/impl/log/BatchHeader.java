package io.hallows.messaging.impl.log;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.record.internal.DefaultRecordBatch;
import org.apache.kafka.common.record.internal.RecordBatch;

/**
 * The fixed header of a stored record batch (magic v2), read without loading the batch: enough to
 * walk a segment, rebuild its indexes and the producers' state. The layout is the one
 * {@link DefaultRecordBatch} documents; its CRC is checked only where the whole batch is loaded.
 */
record BatchHeader(long baseOffset, int sizeInBytes, byte magic, short attributes, int lastOffsetDelta, long maxTimestamp,
        long producerId, short producerEpoch, int baseSequence) {
    /** Bytes of the header, and so of the smallest batch. */
    static final int SIZE = DefaultRecordBatch.RECORD_BATCH_OVERHEAD;
    /** Bytes that precede a batch's size field and that the size does not count (base offset, size). */
    static final int LOG_OVERHEAD = 12;
    private static final int MAGIC_AT = 16;
    private static final int ATTRIBUTES_AT = 21;
    private static final int LAST_OFFSET_DELTA_AT = 23;
    private static final int MAX_TIMESTAMP_AT = 35;
    private static final int PRODUCER_ID_AT = 43;
    private static final int PRODUCER_EPOCH_AT = 51;
    private static final int BASE_SEQUENCE_AT = 53;
    private static final int TIMESTAMP_TYPE_BIT = 0x08;
    private static final int TRANSACTIONAL_BIT = 0x10;
    private static final int CONTROL_BIT = 0x20;

    /**
     * The header at {@code position} of {@code channel} (whose meaningful bytes end at {@code limit}),
     * or null when no whole header lies there or its size field is impossible.
     *
     * @param buffer a reusable buffer of at least {@link #SIZE} bytes
     */
    static BatchHeader read(FileChannel channel, int position, int limit, ByteBuffer buffer) throws IOException {
        if (limit - position < SIZE) {
            return null;
        }
        buffer.clear().limit(SIZE);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                return null;
            }
        }
        return parse(buffer, 0);
    }

    /** The header at {@code at} of {@code buffer}, or null when its size field is impossible. */
    static BatchHeader parse(ByteBuffer buffer, int at) {
        int size = buffer.getInt(at + 8) + LOG_OVERHEAD;
        if (size < SIZE) {
            return null;
        }
        return new BatchHeader(buffer.getLong(at), size, buffer.get(at + MAGIC_AT), buffer.getShort(at + ATTRIBUTES_AT),
                buffer.getInt(at + LAST_OFFSET_DELTA_AT), buffer.getLong(at + MAX_TIMESTAMP_AT), buffer.getLong(at + PRODUCER_ID_AT),
                buffer.getShort(at + PRODUCER_EPOCH_AT), buffer.getInt(at + BASE_SEQUENCE_AT));
    }

    long lastOffset() {
        return baseOffset + lastOffsetDelta;
    }

    long nextOffset() {
        return lastOffset() + 1;
    }

    boolean hasProducerId() {
        return producerId != RecordBatch.NO_PRODUCER_ID;
    }

    int lastSequence() {
        return DefaultRecordBatch.incrementSequence(baseSequence, lastOffsetDelta);
    }

    boolean isTransactional() {
        return (attributes & TRANSACTIONAL_BIT) != 0;
    }

    boolean isControl() {
        return (attributes & CONTROL_BIT) != 0;
    }

    TimestampType timestampType() {
        return (attributes & TIMESTAMP_TYPE_BIT) != 0 ? TimestampType.LOG_APPEND_TIME : TimestampType.CREATE_TIME;
    }
}
