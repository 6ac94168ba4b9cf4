package io.hallows.run.it.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash safety of the log in a real stack process: an idempotent acks=all producer writes to a
 * {@code flush=batch} topic and records every acknowledged offset; the stack's JVM is killed with
 * SIGKILL at a random moment and restarted while the same producer keeps retrying what was not
 * acknowledged. After each restart every acknowledged record is at its offset, each partition's
 * offsets are contiguous from 0, and no record is there twice (the broker recognised the retried
 * batches it had already written). Two rounds damage the tail of every partition's last segment
 * before the restart: garbage after the last batch, and a batch torn in the middle of its write.
 */
class MessagingCrashIT {
    private static final Logger LOG = Logger.getLogger(MessagingCrashIT.class.getName());
    private static final String TOPIC = "crash";
    private static final int PARTITIONS = 3;
    private static final int KILLS = 20;

    @TempDir
    Path work;

    @Test
    void everyAcknowledgedRecordSurvivesTwentySigkillsAndDamagedTails() throws Throwable {
        SplittableRandom random = new SplittableRandom(Long.getLong("hallows.crash.seed", System.nanoTime()));
        Map<Long, Long> acknowledged = new ConcurrentHashMap<>(); // value (a sequence number) -> partition * 2^40 + offset
        try (KafkaStack stack = new KafkaStack(work)) {
            stack.start();
            try (Admin admin = stack.admin()) {
                admin.createTopics(List.of(new NewTopic(TOPIC, PARTITIONS, (short) 1)
                        .configs(Map.of("flush", "batch", "segment.bytes", Integer.toString(256 * 1024))))).all().get(30, TimeUnit.SECONDS);
            }
            long next = 0;
            for (int round = 1; round <= KILLS + 2; round++) {
                java.util.Properties settings = producerSettings(stack);
                ProducerLoad load = new ProducerLoad(new KafkaProducer<>(settings), TOPIC, next, acknowledged);
                load.start();
                assertTrue(load.awaitAcknowledged(200, 60), "round " + round + ": records were acknowledged");
                Thread.sleep(random.nextInt(800)); // the random moment of the kill, not a synchronization
                stack.kill();
                String damage = round > KILLS ? damageTails(stack.dataArea(), random, round == KILLS + 1) : null;
                long began = System.nanoTime();
                stack.start();
                long upMs = (System.nanoTime() - began) / 1_000_000;
                load.finish(); // the same producer retries what the kill left unacknowledged, then stops
                next = load.nextValue();
                Map<Long, Long> found = verify(stack, acknowledged);
                int number = round;
                LOG.info(() -> "round " + number + ": " + found.size() + " records, " + acknowledged.size() + " acknowledged, up again in " + upMs + " ms"
                        + (damage == null ? "" : ", after " + damage));
            }
        }
    }

    private static java.util.Properties producerSettings(KafkaStack stack) {
        java.util.Properties p = stack.producer();
        // Long enough to ride out a restart: unacknowledged batches are retried against the new process.
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 180_000);
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        p.put(ProducerConfig.RETRY_BACKOFF_MS_CONFIG, 100);
        return p;
    }

    /** Reads every partition whole; checks contiguity, no duplicate value, every acknowledged value at its offset. */
    private static Map<Long, Long> verify(KafkaStack stack, Map<Long, Long> acknowledged) {
        Map<Long, Long> found = new HashMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(stack.consumer(null))) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (int p = 0; p < PARTITIONS; p++) {
                partitions.add(new TopicPartition(TOPIC, p));
            }
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<Integer, Long> expectedOffset = new HashMap<>();
            long total = ends.values().stream().mapToLong(Long::longValue).sum();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            int read = 0;
            while (read < total) {
                assertTrue(System.nanoTime() < deadline, "read " + read + " of " + total + " records in 120 s");
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    read++;
                    long offset = expectedOffset.getOrDefault(r.partition(), 0L);
                    assertEquals(offset, r.offset(), "partition " + r.partition() + ": offsets are contiguous from 0");
                    expectedOffset.put(r.partition(), offset + 1);
                    long value = ProducerLoad.valueOf(r.value());
                    Long before = found.put(value, ProducerLoad.position(r.partition(), r.offset()));
                    assertEquals(null, before, "value " + value + " is in the log once, not at " + before + " and " + r.offset());
                }
            }
        }
        for (Map.Entry<Long, Long> ack : acknowledged.entrySet()) {
            assertEquals(ack.getValue(), found.get(ack.getKey()), "acknowledged value " + ack.getKey() + " is at the offset it was acknowledged at");
        }
        return found;
    }

    /** Appends garbage, or (the second time) the beginning of a batch, to each partition's last segment. */
    private static String damageTails(Path data, SplittableRandom random, boolean garbage) throws IOException {
        List<String> done = new ArrayList<>();
        for (int p = 0; p < PARTITIONS; p++) {
            Path last;
            try (Stream<Path> files = Files.walk(data.resolve("messaging"))) {
                int partition = p;
                last = files.filter(f -> f.getParent().getFileName().toString().equals(TOPIC + "-" + partition))
                        .filter(f -> f.getFileName().toString().endsWith(".log")).max(Path::compareTo).orElseThrow(
                                () -> new AssertionError("no segment of " + TOPIC + "-" + partition + " under " + data));
            }
            try (FileChannel channel = FileChannel.open(last, StandardOpenOption.WRITE)) {
                if (garbage) {
                    byte[] junk = new byte[1 + random.nextInt(300)];
                    random.nextBytes(junk);
                    channel.write(ByteBuffer.wrap(junk), channel.size());
                    done.add(junk.length + " garbage bytes after " + last.getFileName());
                } else {
                    // A torn batch: a header that announces more bytes than were written before the kill.
                    ByteBuffer torn = ByteBuffer.allocate(12 + 20);
                    torn.putLong(Long.MAX_VALUE / 2).putInt(600);
                    byte[] junk = new byte[20];
                    random.nextBytes(junk);
                    torn.put(junk).flip();
                    channel.write(torn, channel.size());
                    done.add("a torn batch (32 of 612 bytes) after " + last.getFileName());
                }
            }
        }
        return String.join(", ", done);
    }
}
