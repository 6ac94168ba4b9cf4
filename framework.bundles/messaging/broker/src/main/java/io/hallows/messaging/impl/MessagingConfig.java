package io.hallows.messaging.impl;

import io.hallows.messaging.impl.log.LogException;
import io.hallows.messaging.impl.log.TopicConfig;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The broker's settings. Where it listens comes from framework properties (so a test or a
 * benchmark can move the port with {@code -D}); what topics get and how groups behave comes from
 * the configuration PID {@value #PID} in the stack file. Each is checked, with an error naming the
 * setting and its value.
 *
 * @param host {@value #HOST}, default 127.0.0.1
 * @param port {@value #PORT}, default 9092 (0: any free port)
 * @param advertisedHost {@value #ADVERTISED_HOST}: the host Metadata names, default the bound host
 * @param advertisedPort {@value #ADVERTISED_PORT}: default the bound port
 * @param maxFrameBytes {@value #MAX_FRAME_BYTES}: the largest request, default 100 MiB (Kafka's socket.request.max.bytes)
 * @param maxConnections {@value #MAX_CONNECTIONS}, default 1024
 * @param topicDefaults {@code topic.<setting>} in the PID: what a new topic gets ({@link TopicConfig} names)
 * @param defaultPartitions {@code topic.partitions}: partitions of an auto-created topic, default 1
 * @param autoCreateTopics {@code autoCreateTopics}: Kafka's auto.create.topics.enable, default true
 * @param initialRebalanceDelayMs {@code group.initialRebalanceDelay.ms}: Kafka's group.initial.rebalance.delay.ms, default 3000
 * @param maintenanceIntervalMs {@code maintenance.interval.ms}: how often retention and time-based roll run, default 30000
 */
public record MessagingConfig(String host, int port, String advertisedHost, int advertisedPort, int maxFrameBytes, int maxConnections,
        TopicConfig topicDefaults, int defaultPartitions, boolean autoCreateTopics, int initialRebalanceDelayMs, long maintenanceIntervalMs) {
    public static final String PID = "io.hallows.messaging";
    public static final String HOST = "hallows.messaging.host";
    public static final String PORT = "hallows.messaging.port";
    public static final String ADVERTISED_HOST = "hallows.messaging.advertisedHost";
    public static final String ADVERTISED_PORT = "hallows.messaging.advertisedPort";
    public static final String MAX_FRAME_BYTES = "hallows.messaging.maxFrameBytes";
    public static final String MAX_CONNECTIONS = "hallows.messaging.maxConnections";
    static final String TOPIC_PREFIX = "topic.";

    /**
     * @param properties the component's configuration (unknown keys are ignored: DS adds its own)
     * @param framework looks a framework property up by name, null if unset
     * @throws IllegalArgumentException naming the setting whose value is not usable
     */
    public static MessagingConfig from(Map<String, ?> properties, Function<String, String> framework) {
        String host = text(framework.apply(HOST), "127.0.0.1");
        int port = (int) number(framework.apply(PORT), PORT, 9092, 0, 65535);
        String advertisedHost = text(framework.apply(ADVERTISED_HOST), host);
        int advertisedPort = (int) number(framework.apply(ADVERTISED_PORT), ADVERTISED_PORT, 0, 0, 65535);
        int maxFrame = (int) number(framework.apply(MAX_FRAME_BYTES), MAX_FRAME_BYTES, 100 << 20, 1024, Integer.MAX_VALUE);
        int maxConnections = (int) number(framework.apply(MAX_CONNECTIONS), MAX_CONNECTIONS, 1024, 1, 1_000_000);
        Map<String, String> topic = new LinkedHashMap<>();
        properties.forEach((key, value) -> {
            if (key.startsWith(TOPIC_PREFIX) && !key.equals("topic.partitions") && value != null) {
                topic.put(key.substring(TOPIC_PREFIX.length()), value.toString());
            }
        });
        TopicConfig defaults;
        try {
            defaults = TopicConfig.parse(topic, TopicConfig.DEFAULTS);
        } catch (LogException e) {
            throw new IllegalArgumentException(PID + ": " + e.getMessage(), e);
        }
        int partitions = (int) number(string(properties.get("topic.partitions")), "topic.partitions", 1, 1, 100_000);
        String auto = text(string(properties.get("autoCreateTopics")), "true");
        if (!auto.equals("true") && !auto.equals("false")) {
            throw new IllegalArgumentException("autoCreateTopics must be true or false (was '" + auto + "')");
        }
        int delay = (int) number(string(properties.get("group.initialRebalanceDelay.ms")), "group.initialRebalanceDelay.ms", 3000, 0,
                300_000);
        long maintenance = number(string(properties.get("maintenance.interval.ms")), "maintenance.interval.ms", 30_000, 100,
                86_400_000L);
        return new MessagingConfig(host, port, advertisedHost, advertisedPort, maxFrame, maxConnections, defaults, partitions,
                Boolean.parseBoolean(auto), delay, maintenance);
    }

    private static String string(Object value) {
        return value == null ? null : value.toString();
    }

    private static String text(String value, String otherwise) {
        return value == null || value.isBlank() ? otherwise : value.strip();
    }

    private static long number(String raw, String name, long otherwise, long min, long max) {
        String text = text(raw, Long.toString(otherwise));
        try {
            long n = Long.parseLong(text);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below, with the setting's name
        }
        throw new IllegalArgumentException(name + " must be a number from " + min + " to " + max + " (was '" + text + "')");
    }
}
