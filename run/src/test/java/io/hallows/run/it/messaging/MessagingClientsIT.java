package io.hallows.run.it.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.InvalidConfigurationException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kafka's own client library against a real stack: keyed records across partitions keep their
 * order per key, the AdminClient creates, describes and deletes topics and gets Kafka's errors,
 * retention removes old segments. Consumer groups are in {@link ConsumerGroupIT}.
 */
class MessagingClientsIT {
    @TempDir
    static Path work;
    static KafkaStack stack;

    @BeforeAll
    static void start() throws Exception {
        stack = new KafkaStack(work);
        stack.start();
    }

    @AfterAll
    static void stop() throws Exception {
        stack.close();
    }

    @Test
    void keyedRecordsKeepTheirOrderPerKeyAcrossPartitions() throws Exception {
        try (Admin admin = stack.admin()) {
            admin.createTopics(List.of(new NewTopic("orders", 4, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        int keys = 20;
        int perKey = 100;
        Map<String, Integer> partitionOfKey = new HashMap<>();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(stack.producer())) {
            List<java.util.concurrent.Future<RecordMetadata>> sent = new ArrayList<>();
            for (int i = 0; i < perKey; i++) {
                for (int k = 0; k < keys; k++) {
                    sent.add(producer.send(new ProducerRecord<>("orders", bytes("key-" + k), bytes("key-" + k + ":" + i))));
                }
            }
            for (var future : sent) {
                future.get(60, TimeUnit.SECONDS);
            }
        }
        Map<String, List<Integer>> seen = new HashMap<>();
        List<ConsumerRecord<byte[], byte[]>> records = readAll("orders", 4, keys * perKey);
        for (ConsumerRecord<byte[], byte[]> r : records) {
            String key = text(r.key());
            Integer before = partitionOfKey.putIfAbsent(key, r.partition());
            assertTrue(before == null || before == r.partition(), key + " is in one partition, not " + before + " and " + r.partition());
            String[] value = text(r.value()).split(":");
            assertEquals(key, value[0]);
            seen.computeIfAbsent(key, x -> new ArrayList<>()).add(Integer.parseInt(value[1]));
        }
        assertEquals(keys, seen.size());
        for (var entry : seen.entrySet()) {
            List<Integer> expected = java.util.stream.IntStream.range(0, perKey).boxed().toList();
            assertEquals(expected, entry.getValue(), "the records of " + entry.getKey() + ", in order, each once");
        }
        assertTrue(Set.copyOf(partitionOfKey.values()).size() > 1, "keys spread over partitions: " + partitionOfKey);
    }

    @Test
    void theAdminClientCreatesDescribesAndDeletesTopicsWithKafkasErrors() throws Exception {
        try (Admin admin = stack.admin()) {
            NewTopic topic = new NewTopic("admin-made", 3, (short) 1).configs(Map.of("retention.ms", "3600000", "flush", "os"));
            admin.createTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
            TopicDescription described = admin.describeTopics(List.of("admin-made")).allTopicNames().get(30, TimeUnit.SECONDS)
                    .get("admin-made");
            assertEquals(3, described.partitions().size());
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, "admin-made");
            Config config = admin.describeConfigs(List.of(resource)).all().get(30, TimeUnit.SECONDS).get(resource);
            assertEquals("3600000", config.get("retention.ms").value());
            assertEquals("os", config.get("flush").value());

            ExecutionException again = assertThrows(ExecutionException.class,
                    () -> admin.createTopics(List.of(new NewTopic("admin-made", 1, (short) 1))).all().get(30, TimeUnit.SECONDS));
            assertInstanceOf(TopicExistsException.class, again.getCause());
            ExecutionException bad = assertThrows(ExecutionException.class, () -> admin.createTopics(List.of(
                    new NewTopic("bad-config", 1, (short) 1).configs(Map.of("retention.ms", "soon")))).all().get(30, TimeUnit.SECONDS));
            assertInstanceOf(InvalidConfigurationException.class, bad.getCause());
            assertTrue(bad.getCause().getMessage().contains("retention.ms"), bad.getCause().getMessage());
            assertTrue(!admin.listTopics().names().get(30, TimeUnit.SECONDS).contains("bad-config"), "a refused topic is not created");

            admin.deleteTopics(List.of("admin-made")).all().get(30, TimeUnit.SECONDS);
            assertTrue(!admin.listTopics().names().get(30, TimeUnit.SECONDS).contains("admin-made"));
        }
    }

    @Test
    void retentionRemovesOldSegments() throws Exception {
        try (Admin admin = stack.admin()) {
            admin.createTopics(List.of(new NewTopic("short-lived", 1, (short) 1)
                    .configs(Map.of("segment.bytes", "4096", "retention.bytes", "8192")))).all().get(30, TimeUnit.SECONDS);
        }
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(stack.producer())) {
            for (int i = 0; i < 400; i++) {
                producer.send(new ProducerRecord<>("short-lived", bytes("k"), new byte[100])).get(30, TimeUnit.SECONDS);
            }
        }
        TopicPartition partition = new TopicPartition("short-lived", 0);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(stack.consumer(null))) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            long start = 0;
            // Retention runs every 300 ms in this stack: wait for its effect, as an operator would.
            while (start == 0 && System.nanoTime() < deadline) {
                start = consumer.beginningOffsets(List.of(partition), Duration.ofSeconds(10)).get(partition);
            }
            long end = consumer.endOffsets(List.of(partition), Duration.ofSeconds(10)).get(partition);
            assertEquals(400, end);
            assertTrue(start > 0, "retention moved the log start past the first segments (start " + start + ")");
            // Retention may still be deleting: read from wherever the log starts now, to the end.
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            List<ConsumerRecord<byte[], byte[]>> rest = new ArrayList<>();
            while ((rest.isEmpty() || rest.get(rest.size() - 1).offset() < end - 1) && System.nanoTime() < deadline + 30_000_000_000L) {
                consumer.poll(Duration.ofMillis(500)).forEach(rest::add);
            }
            assertTrue(!rest.isEmpty() && rest.get(rest.size() - 1).offset() == end - 1, "the kept records are readable to the end");
            long first = rest.get(0).offset();
            assertTrue(first >= start, "read from the new log start " + first + ", not before " + start);
            assertTrue(end - first < 200, "about 8 KiB of 100-byte records are kept, not " + (end - first));
            for (int i = 1; i < rest.size(); i++) {
                assertTrue(rest.get(i).offset() > rest.get(i - 1).offset(), "each kept record once, in order");
            }
        }
    }

    static List<ConsumerRecord<byte[], byte[]>> readAll(String topic, int partitions, int expected) {
        List<ConsumerRecord<byte[], byte[]>> all = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(stack.consumer(null))) {
            List<TopicPartition> assigned = java.util.stream.IntStream.range(0, partitions).mapToObj(p -> new TopicPartition(topic, p))
                    .toList();
            consumer.assign(assigned);
            consumer.seekToBeginning(assigned);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (all.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(all::add);
            }
        }
        assertEquals(expected, all.size(), "records read back from " + topic);
        return all;
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
