package io.hallows.messaging.api;

/** Where an acknowledged record was appended: its partition, offset and timestamp. */
public record Published(String topic, int partition, long offset, long timestamp) {
}
