package io.hallows.messaging.impl.log;

import io.hallows.kernel.api.PartitionExecutor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.record.internal.MemoryRecords;
import org.osgi.service.log.Logger;

/**
 * {@link Logs} in a folder of the data area: {@code <id>.topic} metadata files
 * ({@link TopicStore}), a {@code <name>-<partition>} folder of segments per partition
 * ({@link PartitionLog}), and {@code producer-ids} ({@link ProducerIds}). Topic creation and
 * deletion are serialized by this object; the data path goes straight to the partition's tasks.
 */
public final class LogManager implements Logs {
    private static final long CLOSE_WAIT_SECONDS = 30;

    private final Path directory;
    private final TopicConfig defaults;
    private final PartitionExecutor executor;
    private final Logger log;
    private final LongSupplier clock;
    private final ProducerIds producerIds;
    private final Map<String, Topic> topics = new ConcurrentHashMap<>();
    private final LongAdder forces = new LongAdder();
    private final Set<CompletableFuture<Void>> deletions = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /** A topic and its open partitions. */
    private record Topic(TopicInfo info, PartitionLog[] partitions) {
    }

    private LogManager(Path directory, TopicConfig defaults, PartitionExecutor executor, Logger log, LongSupplier clock)
            throws IOException {
        this.directory = directory;
        this.defaults = defaults;
        this.executor = executor;
        this.log = log;
        this.clock = clock;
        this.producerIds = ProducerIds.open(directory.resolve(ProducerIds.FILE));
    }

    /**
     * Opens the topics in {@code directory} (created if missing): leftovers of an interrupted
     * creation or deletion are removed, every partition is recovered.
     */
    public static LogManager open(Path directory, TopicConfig defaults, PartitionExecutor executor, Logger log) throws IOException {
        return open(directory, defaults, executor, log, System::currentTimeMillis);
    }

    /** {@link #open(Path, TopicConfig, PartitionExecutor, Logger)} with a clock of its own (tests of time). */
    static LogManager open(Path directory, TopicConfig defaults, PartitionExecutor executor, Logger log, LongSupplier clock)
            throws IOException {
        Files.createDirectories(directory);
        LogManager manager = new LogManager(directory, defaults, executor, log, clock);
        try {
            for (TopicInfo info : TopicFolders.clean(directory, defaults, log)) {
                manager.topics.put(info.name(), manager.openTopic(info));
            }
        } catch (IOException | RuntimeException e) {
            manager.close();
            throw e;
        }
        return manager;
    }

    private Topic openTopic(TopicInfo info) throws IOException {
        PartitionLog[] partitions = new PartitionLog[info.partitions()];
        try {
            for (int p = 0; p < partitions.length; p++) {
                partitions[p] = PartitionLog.open(info.name(), p, TopicStore.partitionDir(directory, info.name(), p), info.config(), executor,
                        clock, log, file -> forces.increment());
            }
        } catch (IOException | RuntimeException e) {
            for (PartitionLog partition : partitions) {
                if (partition != null) {
                    partition.retire(false, AppendResult.failed(Errors.KAFKA_STORAGE_ERROR, "not opened"), () -> { }).join();
                }
            }
            throw e;
        }
        return new Topic(info, partitions);
    }

    @Override
    public TopicConfig defaults() {
        return defaults;
    }

    @Override
    public List<TopicInfo> topics() {
        return topics.values().stream().map(Topic::info).sorted(Comparator.comparing(TopicInfo::name)).toList();
    }

    @Override
    public Optional<TopicInfo> topic(String name) {
        Topic topic = name == null ? null : topics.get(name);
        return topic == null ? Optional.empty() : Optional.of(topic.info());
    }

    @Override
    public synchronized TopicInfo createTopic(String name, int partitions, Map<String, String> configs, boolean validateOnly)
            throws LogException {
        ensureOpen();
        TopicInfo info = TopicFolders.validate(name, partitions, configs, defaults, topics.keySet());
        if (validateOnly) {
            return info;
        }
        Topic topic;
        try {
            topic = openTopic(info);
        } catch (IOException e) {
            for (int p = 0; p < partitions; p++) {
                TopicFolders.removeQuietly(TopicStore.partitionDir(directory, name, p), log);
            }
            throw new LogException(Errors.KAFKA_STORAGE_ERROR, "topic '" + name + "': its partition folders could not be made: " + e.getMessage(), e);
        }
        try {
            TopicStore.write(directory, info);
        } catch (IOException e) {
            retire(topic, AppendResult.failed(Errors.UNKNOWN_TOPIC_OR_PARTITION, "topic '" + name + "' was not created"));
            throw new LogException(Errors.KAFKA_STORAGE_ERROR, "topic '" + name + "': its metadata could not be written: " + e.getMessage(), e);
        }
        topics.put(name, topic);
        log.info("messaging: topic {} created ({} partitions, id {})", name, partitions, info.id());
        return info;
    }

    @Override
    public synchronized void deleteTopic(String name) throws LogException {
        ensureOpen();
        Topic topic = name == null ? null : topics.get(name);
        if (topic == null) {
            throw new LogException(Errors.UNKNOWN_TOPIC_OR_PARTITION, "topic '" + name + "' does not exist");
        }
        try {
            DurableFiles.deleteDurably(TopicStore.file(directory, topic.info()));
        } catch (IOException e) {
            throw new LogException(Errors.KAFKA_STORAGE_ERROR, "topic '" + name + "': its metadata could not be removed: " + e.getMessage(), e);
        }
        topics.remove(name);
        for (CompletableFuture<Void> removal : retire(topic, AppendResult.failed(Errors.UNKNOWN_TOPIC_OR_PARTITION, "topic '" + name + "' was deleted"))) {
            deletions.add(removal);
            removal.whenComplete((done, failure) -> deletions.remove(removal));
        }
        log.info("messaging: topic {} deleted", name);
    }

    /** Shuts a topic's partitions down; their folders are renamed aside at once and removed after their last task. */
    private List<CompletableFuture<Void>> retire(Topic topic, AppendResult pendingAnswer) {
        List<CompletableFuture<Void>> done = new ArrayList<>();
        for (PartitionLog partition : topic.partitions()) {
            Path aside = TopicFolders.setAside(partition.dir(), log);
            done.add(partition.retire(false, pendingAnswer, () -> TopicFolders.removeQuietly(aside, log)));
        }
        return done;
    }

    @Override
    public CompletableFuture<AppendResult> append(String topic, int partition, MemoryRecords records) {
        PartitionLog target = partition(topic, partition);
        if (target == null) {
            return CompletableFuture.completedFuture(AppendResult.failed(Errors.UNKNOWN_TOPIC_OR_PARTITION, unknown(topic, partition)));
        }
        return target.run(result -> target.append(records, result),
                AppendResult.failed(Errors.UNKNOWN_TOPIC_OR_PARTITION, unknown(topic, partition)),
                AppendResult.failed(Errors.KAFKA_STORAGE_ERROR, target.where() + ": the append failed (see the log)"));
    }

    @Override
    public CompletableFuture<ReadResult> read(String topic, int partition, long offset, int maxBytes, boolean minOneBatch) {
        PartitionLog target = partition(topic, partition);
        if (target == null) {
            return CompletableFuture.completedFuture(ReadResult.failed(Errors.UNKNOWN_TOPIC_OR_PARTITION));
        }
        return target.run(result -> result.complete(target.read(offset, maxBytes, minOneBatch)), ReadResult.failed(Errors.UNKNOWN_TOPIC_OR_PARTITION),
                ReadResult.failed(Errors.KAFKA_STORAGE_ERROR));
    }

    @Override
    public CompletableFuture<Void> awaitData(String topic, int partition, long offset) {
        PartitionLog target = partition(topic, partition);
        return target == null ? CompletableFuture.completedFuture(null) : target.awaitData(offset);
    }

    @Override
    public CompletableFuture<OffsetLookup> listOffset(String topic, int partition, long timestamp) {
        PartitionLog target = partition(topic, partition);
        OffsetLookup unknown = new OffsetLookup(Errors.UNKNOWN_TOPIC_OR_PARTITION, -1, -1);
        if (target == null) {
            return CompletableFuture.completedFuture(unknown);
        }
        return target.run(result -> result.complete(target.listOffset(timestamp)), unknown, new OffsetLookup(Errors.KAFKA_STORAGE_ERROR, -1, -1));
    }

    @Override
    public Optional<PartitionState> state(String topic, int partition) {
        PartitionLog target = partition(topic, partition);
        return target == null ? Optional.empty() : Optional.of(target.state());
    }

    @Override
    public CompletableFuture<Integer> maintain() {
        List<CompletableFuture<Integer>> each = new ArrayList<>();
        for (Topic topic : topics.values()) {
            for (PartitionLog partition : topic.partitions()) {
                each.add(partition.run(result -> result.complete(partition.maintain()), 0, 0));
            }
        }
        return CompletableFuture.allOf(each.toArray(CompletableFuture[]::new))
                .thenApply(all -> each.stream().mapToInt(CompletableFuture::join).sum());
    }

    @Override
    public long nextProducerId() throws IOException {
        if (closed) {
            throw new IOException("the messaging log is closed");
        }
        return producerIds.next();
    }

    @Override
    public void close() {
        List<CompletableFuture<Void>> done = new ArrayList<>();
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            for (Topic topic : topics.values()) {
                for (PartitionLog partition : topic.partitions()) {
                    done.add(partition.retire(true, AppendResult.failed(Errors.KAFKA_STORAGE_ERROR, "the messaging log closed"), () -> { }));
                }
            }
            topics.clear();
            done.addAll(deletions);
        }
        try {
            CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).get(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            log.warn("messaging: partitions still busy {} s after close; their files close when their last task ends", CLOSE_WAIT_SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException e) {
            log.error("messaging: closing the log failed", e);
        }
    }

    /** How many forces the group commits ran (for tests of grouping). */
    long forces() {
        return forces.sum();
    }

    PartitionLog partition(String topic, int partition) {
        Topic found = topic == null ? null : topics.get(topic);
        return found == null || partition < 0 || partition >= found.partitions().length ? null : found.partitions()[partition];
    }

    private static String unknown(String topic, int partition) {
        return "partition " + topic + "-" + partition + " does not exist";
    }

    private void ensureOpen() throws LogException {
        if (closed) {
            throw new LogException(Errors.KAFKA_STORAGE_ERROR, "the messaging log is closed");
        }
    }
}
