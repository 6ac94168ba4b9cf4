package io.hallows.messaging.impl.log;

import org.apache.kafka.common.Uuid;

/** A topic: its name, its id (stable across restarts, as Kafka's Metadata reports it), its partition count and settings. */
public record TopicInfo(String name, Uuid id, int partitions, TopicConfig config) {
}
