package io.hallows.messaging.api;

import java.util.List;

/**
 * A record read from the log.
 *
 * @param topic its topic
 * @param partition its partition
 * @param offset its offset in the partition
 * @param timestamp its timestamp, milliseconds since the epoch (the producer's, or the log's)
 * @param key its key, or null
 * @param value its value, or null
 * @param headers its headers, in order
 */
public record Message(String topic, int partition, long offset, long timestamp, byte[] key, byte[] value, List<Header> headers) {
    /** @throws NullPointerException if topic or headers is null */
    public Message {
        java.util.Objects.requireNonNull(topic, "topic");
        headers = List.copyOf(headers);
    }
}
