package io.hallows.messaging.impl.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hallows.messaging.api.Published;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A LogMessaging over the fakes, with a small read chunk so that bounds on reading show. */
final class Fixture implements AutoCloseable {
    /** About ten one-record batches of the tests' size per read. */
    static final int CHUNK = 800;

    final FakeLogs logs = new FakeLogs();
    final FakeGroups groups = new FakeGroups();
    final FakeExecutor executor = new FakeExecutor();
    final NoLogger log = new NoLogger();
    final Vertx vertx = Vertx.vertx();
    final LogMessaging messaging = new LogMessaging(logs, groups, executor, vertx, log.logger(), CHUNK);

    Fixture topic(String name, int partitions) {
        messaging.create(name, partitions, Map.of());
        return this;
    }

    Published publish(String topic, Integer partition, String key, String value) throws Exception {
        return messaging.publish(topic, partition, key == null ? null : bytes(key), bytes(value), List.of()).get(5, TimeUnit.SECONDS);
    }

    /** {@code count} records to one partition, values v0, v1, ... */
    void fill(String topic, int partition, int count) throws Exception {
        for (int i = 0; i < count; i++) {
            publish(topic, partition, null, "v" + i);
        }
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws Exception {
        executor.awaitQuiet();
        assertEquals(List.of(), executor.failures(), "tasks threw");
        vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        executor.close();
    }
}
