package io.hallows.messaging.impl.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** kafka-clients' producer, consumer and admin client, configured for a {@link Fixture}. */
final class Clients {
    private Clients() {
    }

    static KafkaProducer<String, String> producer(Fixture fixture, Map<String, String> overrides) {
        Properties props = new Properties();
        props.put("bootstrap.servers", fixture.bootstrap());
        props.put("linger.ms", "2");
        props.put("max.block.ms", "20000");
        props.putAll(overrides);
        return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    static KafkaConsumer<String, String> consumer(Fixture fixture, Map<String, String> overrides) {
        Properties props = new Properties();
        props.put("bootstrap.servers", fixture.bootstrap());
        props.put("auto.offset.reset", "earliest");
        props.put("enable.auto.commit", "false");
        props.putAll(overrides);
        return new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
    }

    static Admin admin(Fixture fixture) {
        Properties props = new Properties();
        props.put("bootstrap.servers", fixture.bootstrap());
        props.put("default.api.timeout.ms", "20000");
        props.put("request.timeout.ms", "10000");
        return Admin.create(props);
    }

    /** Reads {@code count} records of every partition from the start with assign(): values by key, in the order read. */
    static Map<String, List<Integer>> consumeAll(Fixture fixture, String topic, int partitions, int count) {
        Map<String, List<Integer>> byKey = new HashMap<>();
        try (KafkaConsumer<String, String> consumer = consumer(fixture, Map.of())) {
            List<TopicPartition> all = new ArrayList<>();
            for (int p = 0; p < partitions; p++) {
                all.add(new TopicPartition(topic, p));
            }
            consumer.assign(all);
            consumer.seekToBeginning(all);
            int read = 0;
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (read < count && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    byKey.computeIfAbsent(record.key(), k -> new ArrayList<>()).add(Integer.parseInt(record.value()));
                    read++;
                }
            }
        }
        return byKey;
    }

    /** Subscribes as a member of {@code group}, reads {@code count} records and commits them. */
    static long consumeInGroup(Fixture fixture, String topic, String group, int count) {
        long read = 0;
        try (KafkaConsumer<String, String> consumer = consumer(fixture, Map.of("group.id", group))) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (read < count && System.nanoTime() < deadline) {
                read += consumer.poll(Duration.ofMillis(500)).count();
            }
            consumer.commitSync();
        }
        return read;
    }
}
