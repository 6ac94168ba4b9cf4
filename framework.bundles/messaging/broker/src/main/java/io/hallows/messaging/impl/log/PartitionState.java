package io.hallows.messaging.impl.log;

/**
 * A partition now.
 *
 * @param logStartOffset the first offset kept
 * @param highWatermark the end of what is acknowledged and readable
 * @param logEndOffset the offset the next record gets (above the high watermark while a force is pending)
 * @param segments segment files
 * @param bytes their total size
 */
public record PartitionState(String topic, int partition, long logStartOffset, long highWatermark, long logEndOffset,
        int segments, long bytes) {
}
