package io.hallows.messaging.api;

import java.util.List;
import java.util.Map;

/**
 * A topic: its name, its settings (every setting, defaults included) and its partitions.
 *
 * @param id the topic's id, as Kafka clients see it (base64 of a UUID)
 */
public record TopicDescription(String name, String id, Map<String, String> config, List<PartitionDescription> partitions) {
    public TopicDescription {
        config = Map.copyOf(config);
        partitions = List.copyOf(partitions);
    }
}
