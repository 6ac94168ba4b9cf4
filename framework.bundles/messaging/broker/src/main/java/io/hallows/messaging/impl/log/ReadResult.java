package io.hallows.messaging.impl.log;

import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.record.internal.MemoryRecords;

/** What a read found: whole batches as stored (possibly none), the partition's high watermark and log start. */
public record ReadResult(Errors error, MemoryRecords records, long highWatermark, long logStartOffset) {
    public static ReadResult failed(Errors error) {
        return new ReadResult(error, MemoryRecords.EMPTY, -1, -1);
    }
}
