package io.hallows.messaging.impl.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.CreateTopicsOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicCollection;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.InvalidReplicationFactorException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** kafka-clients' Admin against the server: topics, configs, cluster, offsets. */
@Timeout(60)
class AdminClientTest {
    private Fixture fixture;
    private Admin admin;

    @BeforeEach
    void start() throws Exception {
        fixture = new Fixture();
        admin = Clients.admin(fixture);
    }

    @AfterEach
    void stop() throws Exception {
        admin.close();
        fixture.close();
        assertEquals(List.of(), fixture.lines("ERROR"));
    }

    @Test
    void createsTopicsWithSettingsAndDescribesThem() throws Exception {
        admin.createTopics(List.of(new NewTopic("explicit", 4, (short) 1).configs(Map.of("retention.ms", "60000", "flush", "os")),
                new NewTopic("defaulted", Optional.empty(), Optional.empty()))).all().get();
        assertEquals(4, fixture.logs.topic("explicit").orElseThrow().partitions());
        assertEquals(3, fixture.logs.topic("defaulted").orElseThrow().partitions(), "-1 partitions: the broker's default");

        Map<String, TopicDescription> described = admin.describeTopics(List.of("explicit")).allTopicNames().get();
        TopicDescription explicit = described.get("explicit");
        assertEquals(4, explicit.partitions().size());
        assertEquals(fixture.logs.topic("explicit").orElseThrow().id(), explicit.topicId());
        assertEquals(1, explicit.partitions().get(0).leader().id());
        assertTrue(admin.listTopics().names().get().containsAll(List.of("explicit", "defaulted")));

        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, "explicit");
        Config config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
        ConfigEntry retention = config.get("retention.ms");
        assertEquals("60000", retention.value());
        assertEquals(ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG, retention.source());
        assertFalse(retention.isDefault());
        assertEquals("os", config.get("flush").value());
        ConfigEntry segment = config.get("segment.bytes");
        assertEquals(Integer.toString(1 << 30), segment.value());
        assertTrue(segment.isDefault());
        assertEquals(ConfigEntry.ConfigType.INT, segment.type());
        assertEquals(fixture.logs.defaults().toMap().keySet().size(), config.entries().size(), "every setting of TopicConfig");
    }

    @Test
    void refusesWhatASingleBrokerCannotDo() throws Exception {
        ExecutionException replicated = assertThrows(ExecutionException.class,
                () -> admin.createTopics(List.of(new NewTopic("replicated", 1, (short) 3))).all().get());
        assertInstanceOf(InvalidReplicationFactorException.class, replicated.getCause());
        assertFalse(fixture.logs.topic("replicated").isPresent());

        admin.createTopics(List.of(new NewTopic("once", 1, (short) 1))).all().get();
        ExecutionException twice = assertThrows(ExecutionException.class,
                () -> admin.createTopics(List.of(new NewTopic("once", 1, (short) 1))).all().get());
        assertInstanceOf(TopicExistsException.class, twice.getCause());

        admin.createTopics(List.of(new NewTopic("dry-run", 2, (short) 1)), new CreateTopicsOptions().validateOnly(true)).all().get();
        assertFalse(fixture.logs.topic("dry-run").isPresent(), "validateOnly creates nothing");

        admin.createTopics(List.of(new NewTopic("assigned", Map.of(0, List.of(1), 1, List.of(1))))).all().get();
        assertEquals(2, fixture.logs.topic("assigned").orElseThrow().partitions());
    }

    @Test
    void deletesTopicsByNameAndById() throws Exception {
        admin.createTopics(List.of(new NewTopic("by-name", 1, (short) 1), new NewTopic("by-id", 1, (short) 1))).all().get();
        Uuid id = fixture.logs.topic("by-id").orElseThrow().id();
        admin.deleteTopics(TopicCollection.ofTopicNames(List.of("by-name"))).all().get();
        admin.deleteTopics(TopicCollection.ofTopicIds(List.of(id))).all().get();
        assertFalse(fixture.logs.topic("by-name").isPresent());
        assertFalse(fixture.logs.topic("by-id").isPresent());
        assertTrue(fixture.groups.calls.containsAll(List.of("topicDeleted by-name", "topicDeleted by-id")), fixture.groups.calls.toString());

        ExecutionException missing = assertThrows(ExecutionException.class,
                () -> admin.deleteTopics(List.of("never-was")).all().get());
        assertInstanceOf(UnknownTopicOrPartitionException.class, missing.getCause());
    }

    @Test
    void describesTheClusterAndTheBroker() throws Exception {
        DescribeClusterResult cluster = admin.describeCluster();
        assertEquals("hallows-test-cluster", cluster.clusterId().get());
        assertEquals(1, cluster.nodes().get().size());
        assertEquals(1, cluster.nodes().get().iterator().next().id());
        assertEquals(fixture.server.port(), cluster.nodes().get().iterator().next().port());
        assertEquals(1, cluster.controller().get().id());

        ConfigResource brokerResource = new ConfigResource(ConfigResource.Type.BROKER, "1");
        Config broker = admin.describeConfigs(List.of(brokerResource)).all().get().get(brokerResource);
        assertEquals("3", broker.get("num.partitions").value());
        assertEquals("PLAINTEXT://127.0.0.1:" + fixture.server.port(), broker.get("advertised.listeners").value());
        assertTrue(broker.get("num.partitions").isReadOnly());
    }

    @Test
    void listsAndDescribesConsumerGroupsThroughTheCoordinator() throws Exception {
        admin.createTopics(List.of(new NewTopic("watched", 1, (short) 1))).all().get();
        try (KafkaProducer<String, String> producer = Clients.producer(fixture, Map.of())) {
            producer.send(new ProducerRecord<>("watched", "k", "v")).get();
        }
        assertEquals(1, Clients.consumeInGroup(fixture, "watched", "watchers", 1));
        var listed = admin.listConsumerGroups().all().get();
        assertTrue(listed.stream().anyMatch(g -> g.groupId().equals("watchers")), listed.toString());
        var described = admin.describeConsumerGroups(List.of("watchers")).all().get().get("watchers");
        assertEquals("watchers", described.groupId());
        var offsets = admin.listConsumerGroupOffsets("watchers").partitionsToOffsetAndMetadata().get();
        assertEquals(1, offsets.get(new TopicPartition("watched", 0)).offset());
    }

    @Test
    void listsOffsetsFromTheStartTheEndAndByTimestamp() throws Exception {
        admin.createTopics(List.of(new NewTopic("timed", 1, (short) 1))).all().get();
        try (KafkaProducer<String, String> producer = Clients.producer(fixture, Map.of())) {
            for (int i = 0; i < 5; i++) {
                producer.send(new ProducerRecord<>("timed", 0, 1_000L * (i + 1), "k", "v" + i)).get();
            }
        }
        TopicPartition tp = new TopicPartition("timed", 0);
        assertEquals(0, admin.listOffsets(Map.of(tp, OffsetSpec.earliest())).all().get().get(tp).offset());
        assertEquals(5, admin.listOffsets(Map.of(tp, OffsetSpec.latest())).all().get().get(tp).offset());
        assertEquals(2, admin.listOffsets(Map.of(tp, OffsetSpec.forTimestamp(3_000L))).all().get().get(tp).offset());
        assertEquals(-1, admin.listOffsets(Map.of(tp, OffsetSpec.forTimestamp(99_000L))).all().get().get(tp).offset());
    }
}
