package io.hallows.messaging.api;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The messaging log, seen from a bundle in the same JVM. Topics are the broker's own: a record
 * published here is read by Kafka consumers, and a record produced by a Kafka producer is read
 * here, at the same offsets.
 *
 * <p>Thread-safe. Appends to one topic partition happen in the order of their {@code publish}
 * calls when made from one thread.
 */
@ProviderType
public interface Messaging {
    /** The name of the protected service: bundles need {@code service:messaging CALL} to see it. */
    String SERVICE_NAME = "messaging";

    /** Every topic, by name. */
    List<TopicDescription> topics();

    /** One topic, or empty if there is no such topic. */
    Optional<TopicDescription> describe(String topic);

    /**
     * Creates a topic.
     *
     * @param config topic settings by their Kafka names ({@code retention.ms}, {@code retention.bytes},
     *        {@code segment.bytes}, {@code segment.ms}, {@code max.message.bytes}) and {@code flush}
     *        ({@code batch}: acknowledged once forced to disk, or {@code os}: once in the page
     *        cache); missing ones take the broker's defaults
     * @throws MessagingException {@code TOPIC_ALREADY_EXISTS}, {@code INVALID_TOPIC_EXCEPTION},
     *         {@code INVALID_PARTITIONS}, {@code INVALID_CONFIG}, or {@code KAFKA_STORAGE_ERROR}
     */
    TopicDescription create(String topic, int partitions, Map<String, String> config);

    /** Deletes a topic and its files. @throws MessagingException {@code UNKNOWN_TOPIC_OR_PARTITION} */
    void delete(String topic);

    /**
     * Appends one record; its partition is chosen from its key as Kafka's default partitioner does
     * (murmur2 of the key), so a Kafka producer and this method put a key in the same partition;
     * a record without key goes to a partition in turn.
     *
     * @return completes when the record is acknowledged as the topic's {@code flush} setting says,
     *         or exceptionally with a {@link MessagingException}
     */
    CompletableFuture<Published> publish(String topic, byte[] key, byte[] value);

    /**
     * Appends one record to a given partition, with headers.
     *
     * @param partition the partition, or null to choose it from the key as {@link #publish(String, byte[], byte[])}
     */
    CompletableFuture<Published> publish(String topic, Integer partition, byte[] key, byte[] value, List<Header> headers);

    /** Every partition of {@code topic}, from its first or from its next record. */
    Channel<Message> subscribe(String topic, StartAt start);

    /** One partition of {@code topic}, from {@code offset} (clamped to the partition's first record). */
    Channel<Message> subscribe(String topic, int partition, long offset);

    /**
     * Every partition of {@code topic}, from the offsets {@code group} committed (where there are
     * none, from {@code start}). A record's offset is committed to the group once the subscriber's
     * {@code onNext} for it has returned: a crash in between delivers it again (at least once).
     * The group's offsets are the ones Kafka consumers of that group use; while Kafka consumers are
     * active members of the group, the channel fails with {@code REBALANCE_IN_PROGRESS}.
     */
    Channel<Message> subscribe(String topic, String group, StartAt start);
}
