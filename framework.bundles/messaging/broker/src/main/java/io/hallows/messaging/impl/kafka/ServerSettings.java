package io.hallows.messaging.impl.kafka;

/**
 * How the Kafka protocol server listens and what it tells clients.
 *
 * @param host the address to bind (127.0.0.1 by default)
 * @param port the port (9092 by default; 0 picks a free one)
 * @param advertisedHost the host Metadata names for this broker (the bound host by default)
 * @param advertisedPort the port Metadata names (the bound port when 0)
 * @param maxFrameBytes the largest request accepted; a larger size prefix closes the connection
 * @param maxConnections connections beyond this are closed at once
 * @param autoCreateTopics whether Metadata for an unknown topic (which producers ask before they
 *        produce) creates it with the defaults, as Kafka's {@code auto.create.topics.enable}
 * @param defaultPartitions the partition count of auto-created topics and of CreateTopics with -1
 * @param nodeId this broker's id in Metadata and FindCoordinator
 * @param clusterId the cluster id in Metadata (stable across restarts: kept in the data area)
 */
public record ServerSettings(String host, int port, String advertisedHost, int advertisedPort, int maxFrameBytes,
        int maxConnections, boolean autoCreateTopics, int defaultPartitions, int nodeId, String clusterId) {
}
