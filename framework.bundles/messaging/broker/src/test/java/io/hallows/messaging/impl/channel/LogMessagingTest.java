package io.hallows.messaging.impl.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallows.messaging.api.Header;
import io.hallows.messaging.api.Message;
import io.hallows.messaging.api.MessagingException;
import io.hallows.messaging.api.Published;
import io.hallows.messaging.api.StartAt;
import io.hallows.messaging.api.TopicDescription;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.apache.kafka.common.protocol.Errors;
import org.junit.jupiter.api.Test;

class LogMessagingTest {
    @Test
    void publishingAppendsToTheKeysPartitionAtTheNextOffset() throws Exception {
        try (Fixture f = new Fixture().topic("orders", 4)) {
            int expected = BuiltInPartitioner.partitionForKey(Fixture.bytes("customer-7"), 4);
            Published first = f.publish("orders", null, "customer-7", "a");
            Published second = f.publish("orders", null, "customer-7", "b");
            assertEquals(expected, first.partition());
            assertEquals(expected, second.partition());
            assertEquals(0, first.offset());
            assertEquals(1, second.offset());
            TopicDescription topic = f.messaging.describe("orders").orElseThrow();
            assertEquals(2, topic.partitions().get(expected).endOffset());
            assertEquals("batch", topic.config().get("flush"));
        }
    }

    @Test
    void headersAndTimestampSurviveTheLog() throws Exception {
        try (Fixture f = new Fixture().topic("t", 1)) {
            long before = System.currentTimeMillis();
            f.messaging.publish("t", 0, null, Fixture.bytes("v"), List.of(new Header("trace", Fixture.bytes("42")), new Header("empty", null)))
                    .get(5, TimeUnit.SECONDS);
            Probe<Message> probe = new Probe<>();
            f.messaging.subscribe("t", 0, 0).subscribe(probe);
            probe.request(1);
            Message m = probe.await(1).get(0);
            assertEquals(null, m.key());
            assertEquals("v", Fixture.text(m.value()));
            assertEquals("trace", m.headers().get(0).key());
            assertEquals("42", Fixture.text(m.headers().get(0).value()));
            assertEquals(null, m.headers().get(1).value());
            assertTrue(m.timestamp() >= before && m.timestamp() <= System.currentTimeMillis(), "timestamp " + m.timestamp());
        }
    }

    @Test
    void publishingFailuresCarryKafkasErrorName() throws Exception {
        try (Fixture f = new Fixture().topic("t", 2)) {
            assertEquals("UNKNOWN_TOPIC_OR_PARTITION", code(() -> f.publish("nope", null, "k", "v")));
            assertEquals("UNKNOWN_TOPIC_OR_PARTITION", code(() -> f.publish("t", 2, null, "v")));
            f.logs.failAppends(Errors.MESSAGE_TOO_LARGE);
            assertEquals("MESSAGE_TOO_LARGE", code(() -> f.publish("t", null, "k", "v")));
        }
    }

    @Test
    void topicAdministrationGoesThroughTheLog() throws Exception {
        try (Fixture f = new Fixture()) {
            TopicDescription created = f.messaging.create("events", 3, Map.of("flush", "os", "retention.ms", "60000"));
            assertEquals(3, created.partitions().size());
            assertEquals("os", created.config().get("flush"));
            assertEquals("60000", created.config().get("retention.ms"));
            assertEquals(List.of("events"), f.messaging.topics().stream().map(TopicDescription::name).toList());
            MessagingException exists = assertThrows(MessagingException.class, () -> f.messaging.create("events", 1, Map.of()));
            assertEquals("TOPIC_ALREADY_EXISTS", exists.code());
            MessagingException config = assertThrows(MessagingException.class, () -> f.messaging.create("x", 1, Map.of("flush", "never")));
            assertEquals("INVALID_CONFIG", config.code());
            assertTrue(config.getMessage().contains("flush='never'"), config.getMessage());
            f.messaging.delete("events");
            assertEquals(List.of("events"), f.groups.deletedTopics(), "the groups forget the deleted topic's offsets");
            assertTrue(f.messaging.describe("events").isEmpty());
            assertEquals("UNKNOWN_TOPIC_OR_PARTITION", assertThrows(MessagingException.class, () -> f.messaging.delete("events")).code());
        }
    }

    @Test
    void subscribingToAMissingTopicFailsTheSubscription() throws Exception {
        try (Fixture f = new Fixture()) {
            Probe<Message> probe = new Probe<>();
            f.messaging.subscribe("nope", StartAt.EARLIEST).subscribe(probe);
            Throwable error = probe.awaitError();
            assertEquals("UNKNOWN_TOPIC_OR_PARTITION", ((MessagingException) error).code());
        }
    }

    interface Call {
        void run() throws Exception;
    }

    private static String code(Call call) {
        ExecutionException e = assertThrows(ExecutionException.class, call::run);
        return ((MessagingException) e.getCause()).code();
    }
}
