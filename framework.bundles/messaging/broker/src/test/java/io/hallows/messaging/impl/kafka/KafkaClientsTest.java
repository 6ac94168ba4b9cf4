package io.hallows.messaging.impl.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.record.internal.MutableRecordBatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The real kafka-clients producer and consumer against the server, over the in-memory log. */
@Timeout(60)
class KafkaClientsTest {
    private Fixture fixture;

    @BeforeEach
    void start() throws Exception {
        fixture = new Fixture();
    }

    @AfterEach
    void stop() throws Exception {
        fixture.close();
    }

    @Test
    void recordsProducedWithKeysAreConsumedInOrderPerKeyAcrossPartitions() throws Exception {
        fixture.logs.createTopic("orders", 3, Map.of(), false);
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        try (KafkaProducer<String, String> producer = Clients.producer(fixture, Map.of())) {
            for (int i = 0; i < 600; i++) {
                sent.add(producer.send(new ProducerRecord<>("orders", "key-" + (i % 7), Integer.toString(i))));
            }
            producer.flush();
        }
        Map<Integer, Long> perPartition = new HashMap<>();
        for (Future<RecordMetadata> future : sent) {
            RecordMetadata metadata = future.get();
            long expected = perPartition.merge(metadata.partition(), 1L, Long::sum) - 1;
            assertEquals(expected, metadata.offset(), "offsets are contiguous per partition");
        }
        assertEquals(3, perPartition.size(), "seven keys spread over the three partitions");

        Map<String, List<Integer>> byKey = Clients.consumeAll(fixture, "orders", 3, 600);
        assertEquals(7, byKey.size());
        for (Map.Entry<String, List<Integer>> entry : byKey.entrySet()) {
            List<Integer> values = entry.getValue();
            for (int i = 1; i < values.size(); i++) {
                assertTrue(values.get(i - 1) < values.get(i), "order of " + entry.getKey() + ": " + values);
            }
        }
        assertEquals(600, byKey.values().stream().mapToInt(List::size).sum());
    }

    @Test
    void theIdempotentProducerGetsAProducerIdAndItsBatchesCarryIt() throws Exception {
        try (KafkaProducer<String, String> producer = Clients.producer(fixture, Map.of("enable.idempotence", "true", "acks", "all"))) {
            producer.send(new ProducerRecord<>("idempotent", 0, "k", "v")).get();
        }
        var read = fixture.logs.read("idempotent", 0, 0, 1 << 20, true).get();
        MutableRecordBatch batch = read.records().batches().iterator().next();
        assertTrue(batch.producerId() > 1000, "a producer id from Logs.nextProducerId: " + batch.producerId());
        assertEquals(0, batch.producerEpoch());
        assertFalse(batch.isTransactional());
    }

    @Test
    void anUnknownTopicIsCreatedWithTheDefaultPartitionsAndDescribedByMetadata() throws Exception {
        try (KafkaProducer<String, String> producer = Clients.producer(fixture, Map.of())) {
            List<PartitionInfo> partitions = producer.partitionsFor("created-on-demand");
            assertEquals(3, partitions.size());
            for (PartitionInfo partition : partitions) {
                assertEquals(1, partition.leader().id());
                assertEquals("127.0.0.1", partition.leader().host());
                assertEquals(fixture.server.port(), partition.leader().port());
                assertEquals(1, partition.replicas().length);
            }
        }
        assertTrue(fixture.logs.topic("created-on-demand").isPresent());
    }

    @Test
    void withoutAutoCreationAnUnknownTopicTimesOutInTheProducer() throws Exception {
        try (Fixture strict = new Fixture(Fixture.settings(0, 1 << 20, 10, false));
                KafkaProducer<String, String> producer = Clients.producer(strict, Map.of("max.block.ms", "1500"))) {
            ExecutionException thrown = assertThrows(ExecutionException.class,
                    () -> producer.send(new ProducerRecord<>("missing", "k", "v")).get());
            assertInstanceOf(org.apache.kafka.common.errors.TimeoutException.class, thrown.getCause());
            assertTrue(thrown.getCause().getMessage().contains("not present in metadata"), thrown.getCause().getMessage());
            assertFalse(strict.logs.topic("missing").isPresent());
        }
    }

    @Test
    void aTransactionalProducerIsToldTransactionsAreNotSupported() {
        try (KafkaProducer<String, String> producer = Clients.producer(fixture,
                Map.of("transactional.id", "tx-1", "max.block.ms", "5000"))) {
            KafkaException thrown = assertThrows(KafkaException.class, producer::initTransactions);
            assertTrue(String.valueOf(thrown.getMessage()).contains("does not support transactions")
                    || String.valueOf(thrown.getCause()).contains("does not support transactions"), thrown.toString());
        }
    }

    @Test
    void aConsumerGroupMemberJoinsConsumesAndCommitsThroughTheCoordinator() throws Exception {
        fixture.logs.createTopic("grouped", 2, Map.of(), false);
        try (KafkaProducer<String, String> producer = Clients.producer(fixture, Map.of())) {
            for (int i = 0; i < 20; i++) {
                producer.send(new ProducerRecord<>("grouped", i % 2, "k", "v" + i));
            }
        }
        long consumed = Clients.consumeInGroup(fixture, "grouped", "g1", 20);
        assertEquals(20, consumed);
        assertEquals(10, fixture.groups.committed("g1", "grouped", 0).orElseThrow());
        assertEquals(10, fixture.groups.committed("g1", "grouped", 1).orElseThrow());
        assertTrue(fixture.groups.calls.stream().anyMatch(c -> c.startsWith("join v")), fixture.groups.calls.toString());
        assertTrue(fixture.groups.calls.stream().anyMatch(c -> c.startsWith("commit v")), fixture.groups.calls.toString());
        assertTrue(fixture.groups.calls.stream().anyMatch(c -> c.startsWith("fetchOffsets v")), fixture.groups.calls.toString());
    }
}
