package io.hallows.messaging.api;

/**
 * One partition of a topic now.
 *
 * @param startOffset the first offset still kept (retention removes older segments)
 * @param endOffset the offset the next record will get (records below it are readable)
 * @param segments how many segment files the partition has
 * @param bytes the size of its segment files
 */
public record PartitionDescription(int partition, long startOffset, long endOffset, int segments, long bytes) {
}
