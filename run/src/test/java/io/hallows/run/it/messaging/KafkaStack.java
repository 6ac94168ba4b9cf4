package io.hallows.run.it.messaging;

import io.hallows.run.it.LaunchedStacks;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * A real stack process started by {@code run/hallows start} without console, with its own data
 * area, a stack file of its own (the default one with short group and retention delays, so tests
 * do not wait on Kafka's production timings) and a free port for the Kafka protocol, which stays
 * the same across restarts (clients reconnect to it). {@link #kill()} sends SIGKILL to the JVM.
 */
final class KafkaStack implements AutoCloseable {
    private final Path work;
    private final int port;
    private final int pgPort;
    private Process process;
    private int starts;

    KafkaStack(Path work) throws IOException {
        this.work = work;
        this.port = LaunchedStacks.freePort();
        this.pgPort = LaunchedStacks.freePort();
        Path defaults = Path.of(System.getProperty("hallows.launcher", "hallows")).toAbsolutePath().getParent()
                .resolve("stacks/default.json");
        String stack = Files.readString(defaults, StandardCharsets.UTF_8);
        String marker = "\"autoCreateTopics\": true";
        if (!stack.contains(marker)) {
            throw new IllegalStateException(defaults + " no longer has the messaging settings this test adjusts (" + marker + ")");
        }
        stack = stack.replace(marker, marker + ", \"group.initialRebalanceDelay.ms\": \"0\", \"maintenance.interval.ms\": \"300\"");
        Files.writeString(work.resolve("stack.json"), stack, StandardCharsets.UTF_8);
    }

    String bootstrap() {
        return "127.0.0.1:" + port;
    }

    Path dataArea() {
        return work.resolve("data");
    }

    /** Starts the stack and returns once its broker answers an AdminClient. */
    void start() throws Exception {
        String name = "stack-" + (++starts);
        process = LaunchedStacks.launch(work, name, "-Dhallows.admin.port=0 -Dhallows.pgwire.port=" + pgPort
                + " -Dhallows.messaging.port=" + port, work.resolve("stack.json"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        Exception last = null;
        try (Admin admin = admin()) {
            while (System.nanoTime() < deadline && process.isAlive()) {
                try {
                    admin.describeCluster().clusterId().get(5, TimeUnit.SECONDS);
                    return;
                } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
                    last = e;
                }
            }
        }
        throw new AssertionError("the stack's broker did not come up (" + last + "):\n" + output(name));
    }

    Admin admin() {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000);
        return Admin.create(p);
    }

    /** Producer settings: byte arrays, acks=all, idempotent (Kafka's defaults, spelled out). */
    Properties producer() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 2);
        return p;
    }

    /** Consumer settings: byte arrays, from the earliest offset, no auto commit. */
    Properties consumer(String group) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        if (group != null) {
            p.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        }
        return p;
    }

    /** SIGKILL to the stack's JVM (not the launcher's shell), then waits until it is gone. */
    void kill() throws InterruptedException {
        LaunchedStacks.kill(process);
    }

    String output(String name) throws IOException {
        return LaunchedStacks.output(work, name);
    }

    @Override
    public void close() throws Exception {
        if (process != null && process.isAlive()) {
            kill();
        }
    }
}
