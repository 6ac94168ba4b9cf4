package io.hallows.messaging.impl.log;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.record.internal.MemoryRecords;

/**
 * Every topic of the broker and the data path of their partitions. The wire protocol, the in-JVM
 * channels and the shell all go through it.
 *
 * <p>Thread-safe. Appends, reads and offset lookups of one partition run as tasks on the log
 * partition's executor with the partition's ordering key ({@code "<topic>-<partition>"}), so one
 * partition's appends are applied one at a time, in the order the calls were made. The futures
 * complete on the partition's threads: callers must not block in their continuations.
 */
public interface Logs extends AutoCloseable {
    /** The settings a topic gets for what its creation does not say. */
    TopicConfig defaults();

    /** Every topic, sorted by name. */
    List<TopicInfo> topics();

    /** A topic by name, or empty. */
    Optional<TopicInfo> topic(String name);

    /**
     * Creates a topic: its folders and its metadata, durably, before it is visible; nothing is left
     * behind when it fails.
     *
     * @param configs settings by name ({@link TopicConfig#parse}); the others take {@link #defaults()}
     * @param validateOnly check everything, create nothing (CreateTopics' validateOnly)
     * @throws LogException TOPIC_ALREADY_EXISTS, INVALID_TOPIC_EXCEPTION (with what is wrong with the
     *         name), INVALID_PARTITIONS, INVALID_CONFIG, KAFKA_STORAGE_ERROR
     */
    TopicInfo createTopic(String name, int partitions, Map<String, String> configs, boolean validateOnly) throws LogException;

    /**
     * Deletes a topic: it disappears at once (appends and reads in progress fail with
     * UNKNOWN_TOPIC_OR_PARTITION), its files are removed.
     *
     * @throws LogException UNKNOWN_TOPIC_OR_PARTITION, KAFKA_STORAGE_ERROR
     */
    void deleteTopic(String name) throws LogException;

    /**
     * Appends the record batches of one produce request to a partition. Each batch must be magic v2
     * with a valid CRC; the log assigns offsets (rewriting each batch's base offset, nothing else),
     * checks the idempotent producer's sequence numbers (a duplicate of one of the producer's last
     * five batches succeeds with the offsets it got the first time and is not appended again), and
     * completes when the append is acknowledged as the topic's {@link Flush} says: {@code BATCH}
     * once forced to disk (one force for every append that arrived meanwhile), {@code OS} once
     * written to the file. Failures complete normally with an {@link AppendResult#error()}.
     */
    CompletableFuture<AppendResult> append(String topic, int partition, MemoryRecords records);

    /**
     * Reads whole batches from {@code offset}: at most {@code maxBytes}, but the first batch even if
     * it is larger when {@code minOneBatch}, never beyond the high watermark (the end of what is
     * acknowledged: for a {@code BATCH} topic, what is forced). OFFSET_OUT_OF_RANGE if
     * {@code offset} is below the log start or above the high watermark.
     */
    CompletableFuture<ReadResult> read(String topic, int partition, long offset, int maxBytes, boolean minOneBatch);

    /**
     * Completes when the partition's high watermark passes {@code offset} (or at once if it already
     * has, or the topic is deleted). Cancelling the returned future forgets the waiter: a long poll
     * that times out must cancel it.
     */
    CompletableFuture<Void> awaitData(String topic, int partition, long offset);

    /**
     * ListOffsets for one partition: {@code timestamp} -2 is the log start, -1 the high watermark,
     * -3 the offset of the record with the largest timestamp, otherwise the first offset whose
     * timestamp is at or after it (the time index's answer, refined in the segment), or none.
     */
    CompletableFuture<OffsetLookup> listOffset(String topic, int partition, long timestamp);

    /** The partition now, or empty if there is no such topic or partition. Any thread, no task. */
    Optional<PartitionState> state(String topic, int partition);

    /**
     * Applies retention (deletes segments older than {@code retention.ms} or beyond
     * {@code retention.bytes}, never the active one) and rolls active segments older than
     * {@code segment.ms}, for every partition, as their tasks.
     *
     * @return how many segments were deleted
     */
    CompletableFuture<Integer> maintain();

    /** A producer id never handed out before, even across restarts (InitProducerId). */
    long nextProducerId() throws IOException;

    /** Forces and closes every segment; later calls fail. */
    @Override
    void close();
}
