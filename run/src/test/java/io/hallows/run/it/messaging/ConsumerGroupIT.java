package io.hallows.run.it.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.RangeAssignor;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * A consumer group of three Kafka consumers (classic protocol, range and cooperative-sticky
 * assignors) against a real stack: one member leaves halfway, the group rebalances, the two others
 * take its partitions over from the committed offsets, and every record is processed, none lost.
 */
class ConsumerGroupIT {
    private static final int PARTITIONS = 6;
    private static final int RECORDS = 3000;

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

    @ParameterizedTest
    @ValueSource(strings = {"range", "cooperative-sticky"})
    void aGroupOfThreeRebalancesWhenOneLeavesAndLosesNothing(String assignor) throws Exception {
        String topic = "work-" + assignor;
        String group = "group-" + assignor;
        try (Admin admin = stack.admin()) {
            admin.createTopics(List.of(new NewTopic(topic, PARTITIONS, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(stack.producer())) {
            for (int i = 0; i < RECORDS; i++) {
                producer.send(new ProducerRecord<>(topic, ("k" + i).getBytes(StandardCharsets.UTF_8), Integer.toString(i).getBytes(
                        StandardCharsets.UTF_8)));
            }
            producer.flush();
        }
        Set<String> processed = ConcurrentHashMap.newKeySet();
        AtomicInteger deliveries = new AtomicInteger();
        CountDownLatch halfway = new CountDownLatch(1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<AtomicBoolean> running = List.of(new AtomicBoolean(true), new AtomicBoolean(true), new AtomicBoolean(true));
        List<Thread> members = new ArrayList<>();
        for (int m = 0; m < 3; m++) {
            AtomicBoolean mine = running.get(m);
            Properties settings = stack.consumer(group);
            settings.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG,
                    assignor.equals("range") ? RangeAssignor.class.getName() : CooperativeStickyAssignor.class.getName());
            settings.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 50);
            Thread member = new Thread(() -> {
                try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(settings)) {
                    consumer.subscribe(List.of(topic));
                    while (mine.get() && processed.size() < RECORDS) {
                        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                            processed.add(r.partition() + "@" + r.offset());
                            deliveries.incrementAndGet();
                        }
                        try {
                            consumer.commitSync();
                        } catch (RebalanceInProgressException e) {
                            // Kafka's answer to a commit during a cooperative rebalance: poll, then commit again
                        }
                        if (processed.size() >= RECORDS / 3) {
                            halfway.countDown();
                        }
                    }
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                    halfway.countDown();
                }
            }, "member-" + m);
            member.setDaemon(true); // a member still polling after a failed assertion must not keep the test JVM alive
            members.add(member);
            member.start();
        }
        assertTrue(halfway.await(120, TimeUnit.SECONDS), "the group consumed a third of the records");
        running.get(2).set(false); // the third member leaves the group (close sends LeaveGroup)
        for (Thread member : members) {
            member.join(TimeUnit.SECONDS.toMillis(180));
        }
        if (failure.get() != null) {
            throw new AssertionError("a member failed", failure.get());
        }
        assertEquals(RECORDS, processed.size(), "every record processed by some member, none lost");
        try (Admin admin = stack.admin()) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()
                    .get(30, TimeUnit.SECONDS);
            long total = committed.values().stream().mapToLong(OffsetAndMetadata::offset).sum();
            assertEquals(PARTITIONS, committed.size(), "an offset committed for every partition: " + committed);
            assertEquals(RECORDS, total, "the committed offsets are the partitions' ends: " + committed);
        }
        assertTrue(deliveries.get() - RECORDS < RECORDS / 10,
                "redeliveries after the rebalance stay within what was not committed (" + (deliveries.get() - RECORDS) + ")");
    }
}
