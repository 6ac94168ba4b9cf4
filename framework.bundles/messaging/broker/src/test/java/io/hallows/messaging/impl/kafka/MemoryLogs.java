package io.hallows.messaging.impl.kafka;

import io.hallows.messaging.impl.log.AppendResult;
import io.hallows.messaging.impl.log.LogException;
import io.hallows.messaging.impl.log.Logs;
import io.hallows.messaging.impl.log.OffsetLookup;
import io.hallows.messaging.impl.log.PartitionState;
import io.hallows.messaging.impl.log.ReadResult;
import io.hallows.messaging.impl.log.TopicConfig;
import io.hallows.messaging.impl.log.TopicInfo;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.internals.Topic;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.record.internal.MemoryRecords;
import org.apache.kafka.common.record.internal.MutableRecordBatch;
import org.apache.kafka.common.record.internal.RecordBatch;

/**
 * A Logs in memory for the protocol's tests: batches copied and renumbered as the real log does,
 * every partition operation on one thread (so futures complete off the event loop, as in the
 * stack), long-poll waiters, producer ids. No files, no retention, no idempotence checks.
 */
final class MemoryLogs implements Logs {
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "memory-logs");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Entry> topics = new ConcurrentSkipListMap<>();
    private final AtomicLong producerIds = new AtomicLong(1000);
    volatile TopicConfig defaults = TopicConfig.DEFAULTS;

    private record Entry(TopicInfo info, Partition[] partitions) {
    }

    /** Confined to {@link #thread}. */
    private static final class Partition {
        final List<ByteBuffer> batches = new ArrayList<>();
        final List<CompletableFuture<Void>> waiters = new ArrayList<>();
        long end;
    }

    @Override
    public TopicConfig defaults() {
        return defaults;
    }

    @Override
    public List<TopicInfo> topics() {
        return topics.values().stream().map(Entry::info).toList();
    }

    @Override
    public Optional<TopicInfo> topic(String name) {
        return Optional.ofNullable(topics.get(name)).map(Entry::info);
    }

    @Override
    public synchronized TopicInfo createTopic(String name, int partitions, Map<String, String> configs, boolean validateOnly)
            throws LogException {
        if (!Topic.isValid(name)) {
            throw new LogException(Errors.INVALID_TOPIC_EXCEPTION, "invalid topic name '" + name + "'");
        }
        if (topics.containsKey(name)) {
            throw new LogException(Errors.TOPIC_ALREADY_EXISTS, "topic " + name + " exists");
        }
        if (partitions < 1) {
            throw new LogException(Errors.INVALID_PARTITIONS, "partitions must be at least 1, not " + partitions);
        }
        TopicInfo info = new TopicInfo(name, Uuid.randomUuid(), partitions, TopicConfig.parse(configs, defaults));
        if (!validateOnly) {
            Partition[] parts = new Partition[partitions];
            for (int i = 0; i < partitions; i++) {
                parts[i] = new Partition();
            }
            topics.put(name, new Entry(info, parts));
        }
        return info;
    }

    @Override
    public synchronized void deleteTopic(String name) throws LogException {
        Entry removed = topics.remove(name);
        if (removed == null) {
            throw new LogException(Errors.UNKNOWN_TOPIC_OR_PARTITION, "no topic " + name);
        }
        thread.execute(() -> {
            for (Partition p : removed.partitions) {
                p.waiters.forEach(w -> w.complete(null));
            }
        });
    }

    private Partition partition(String topic, int partition) {
        Entry entry = topics.get(topic);
        return entry == null || partition < 0 || partition >= entry.partitions.length ? null : entry.partitions[partition];
    }

    /** While set, appends to partition 0 wait for it: answers then complete out of request order. */
    volatile CompletableFuture<Void> partitionZeroGate;

    @Override
    public CompletableFuture<AppendResult> append(String topic, int partition, MemoryRecords records) {
        CompletableFuture<Void> gate = partitionZeroGate;
        if (gate != null && partition == 0) {
            return gate.thenComposeAsync(v -> appendNow(topic, partition, records), thread);
        }
        return appendNow(topic, partition, records);
    }

    private CompletableFuture<AppendResult> appendNow(String topic, int partition, MemoryRecords records) {
        return CompletableFuture.supplyAsync(() -> {
            Partition p = partition(topic, partition);
            if (p == null) {
                return AppendResult.failed(Errors.UNKNOWN_TOPIC_OR_PARTITION, null);
            }
            long base = p.end;
            List<ByteBuffer> copies = new ArrayList<>();
            long next = p.end;
            for (MutableRecordBatch batch : records.batches()) {
                if (batch.magic() != RecordBatch.MAGIC_VALUE_V2) {
                    return AppendResult.failed(Errors.UNSUPPORTED_FOR_MESSAGE_FORMAT, "magic " + batch.magic());
                }
                try {
                    batch.ensureValid();
                } catch (RuntimeException e) {
                    return AppendResult.failed(Errors.CORRUPT_MESSAGE, e.getMessage());
                }
                ByteBuffer copy = ByteBuffer.allocate(batch.sizeInBytes());
                batch.writeTo(copy);
                copy.flip();
                MutableRecordBatch renumbered = batchOf(copy);
                renumbered.setLastOffset(next + batch.lastOffset() - batch.baseOffset());
                next = renumbered.nextOffset();
                copies.add(copy);
            }
            p.batches.addAll(copies);
            p.end = next;
            for (Iterator<CompletableFuture<Void>> it = p.waiters.iterator(); it.hasNext();) {
                it.next().complete(null);
                it.remove();
            }
            return new AppendResult(Errors.NONE, null, base, -1, 0);
        }, thread);
    }

    @Override
    public CompletableFuture<ReadResult> read(String topic, int partition, long offset, int maxBytes, boolean minOneBatch) {
        return CompletableFuture.supplyAsync(() -> {
            Partition p = partition(topic, partition);
            if (p == null) {
                return ReadResult.failed(Errors.UNKNOWN_TOPIC_OR_PARTITION);
            }
            if (offset < 0 || offset > p.end) {
                return ReadResult.failed(Errors.OFFSET_OUT_OF_RANGE);
            }
            List<ByteBuffer> found = new ArrayList<>();
            int size = 0;
            for (ByteBuffer batch : p.batches) {
                MutableRecordBatch b = batchOf(batch.duplicate());
                if (b.lastOffset() < offset) {
                    continue;
                }
                if (size + batch.remaining() > maxBytes && !(minOneBatch && found.isEmpty())) {
                    break;
                }
                found.add(batch);
                size += batch.remaining();
            }
            ByteBuffer out = ByteBuffer.allocate(size);
            found.forEach(b -> out.put(b.duplicate()));
            out.flip();
            return new ReadResult(Errors.NONE, MemoryRecords.readableRecords(out), p.end, 0);
        }, thread);
    }

    @Override
    public CompletableFuture<Void> awaitData(String topic, int partition, long offset) {
        CompletableFuture<Void> waiter = new CompletableFuture<>();
        thread.execute(() -> {
            Partition p = partition(topic, partition);
            if (p == null || p.end > offset) {
                waiter.complete(null);
            } else if (!waiter.isDone()) {
                p.waiters.add(waiter);
            }
        });
        waiter.whenComplete((v, e) -> thread.execute(() -> {
            Partition p = partition(topic, partition);
            if (p != null) {
                p.waiters.remove(waiter);
            }
        }));
        return waiter;
    }

    /** Waiters registered now (cancelled ones are removed): a long poll must not leave any behind. */
    int waiters() {
        return CompletableFuture.supplyAsync(() -> topics.values().stream()
                .mapToInt(e -> java.util.Arrays.stream(e.partitions).mapToInt(p -> p.waiters.size()).sum()).sum(), thread).join();
    }

    @Override
    public CompletableFuture<OffsetLookup> listOffset(String topic, int partition, long timestamp) {
        return CompletableFuture.supplyAsync(() -> {
            Partition p = partition(topic, partition);
            if (p == null) {
                return new OffsetLookup(Errors.UNKNOWN_TOPIC_OR_PARTITION, -1, -1);
            }
            if (timestamp == -2) {
                return new OffsetLookup(Errors.NONE, 0, -1);
            }
            if (timestamp == -1) {
                return new OffsetLookup(Errors.NONE, p.end, -1);
            }
            for (ByteBuffer batch : p.batches) {
                MutableRecordBatch b = batchOf(batch.duplicate());
                if (b.maxTimestamp() >= timestamp) {
                    return new OffsetLookup(Errors.NONE, b.baseOffset(), b.maxTimestamp());
                }
            }
            return new OffsetLookup(Errors.NONE, -1, -1);
        }, thread);
    }

    @Override
    public Optional<PartitionState> state(String topic, int partition) {
        Partition p = partition(topic, partition);
        if (p == null) {
            return Optional.empty();
        }
        long end = CompletableFuture.supplyAsync(() -> p.end, thread).join();
        return Optional.of(new PartitionState(topic, partition, 0, end, end, 1, 0));
    }

    @Override
    public CompletableFuture<Integer> maintain() {
        return CompletableFuture.completedFuture(0);
    }

    @Override
    public long nextProducerId() {
        return producerIds.incrementAndGet();
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }

    private static MutableRecordBatch batchOf(ByteBuffer buffer) {
        return MemoryRecords.readableRecords(buffer).batches().iterator().next();
    }
}
