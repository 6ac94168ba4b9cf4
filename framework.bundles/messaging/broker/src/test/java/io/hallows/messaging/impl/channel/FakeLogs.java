package io.hallows.messaging.impl.channel;

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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.record.internal.MemoryRecords;
import org.apache.kafka.common.record.internal.MutableRecordBatch;

/**
 * An in-memory log with the contract's behaviour that channels depend on: offsets assigned on
 * append, whole batches read up to a byte budget, data waiters, out-of-range reads. It counts what
 * it hands out, so that tests can bound what a subscription read.
 */
public final class FakeLogs implements Logs {
    private final TreeMap<String, Topic> topics = new TreeMap<>();
    private final AtomicInteger reads = new AtomicInteger();
    private final AtomicLong recordsRead = new AtomicLong();
    private volatile Errors failAppends = Errors.NONE;

    private record Topic(TopicInfo info, List<Partition> partitions) {
    }

    private static final class Partition {
        final List<MutableRecordBatch> batches = new ArrayList<>();
        final List<CompletableFuture<Void>> waiters = new ArrayList<>();
        long start;
        long end;
        long bytes;
    }

    /** How many reads were answered. */
    public int reads() {
        return reads.get();
    }

    /** How many records the answered reads held in all. */
    public long recordsRead() {
        return recordsRead.get();
    }

    /** Data waiters not yet completed or cancelled. */
    public synchronized int waiters() {
        return topics.values().stream().flatMap(t -> t.partitions.stream()).mapToInt(p -> (int) p.waiters.stream().filter(w -> !w.isDone()).count()).sum();
    }

    /** Appends fail with this error from now on (NONE: they succeed). */
    public void failAppends(Errors error) {
        failAppends = error;
    }

    /** Drops the batches wholly below {@code offset}, as retention does. */
    public synchronized void truncateStart(String topic, int partition, long offset) {
        Partition p = topics.get(topic).partitions.get(partition);
        p.batches.removeIf(b -> b.lastOffset() < offset);
        p.start = p.batches.isEmpty() ? p.end : p.batches.get(0).baseOffset();
    }

    @Override
    public TopicConfig defaults() {
        return TopicConfig.DEFAULTS;
    }

    @Override
    public synchronized List<TopicInfo> topics() {
        return topics.values().stream().map(Topic::info).toList();
    }

    @Override
    public synchronized Optional<TopicInfo> topic(String name) {
        return Optional.ofNullable(topics.get(name)).map(Topic::info);
    }

    @Override
    public synchronized TopicInfo createTopic(String name, int partitions, Map<String, String> configs, boolean validateOnly) throws LogException {
        if (name == null || name.isBlank() || !name.matches("[a-zA-Z0-9._-]+")) {
            throw new LogException(Errors.INVALID_TOPIC_EXCEPTION, "topic name '" + name + "' is not valid");
        }
        if (topics.containsKey(name)) {
            throw new LogException(Errors.TOPIC_ALREADY_EXISTS, "topic '" + name + "' already exists");
        }
        if (partitions < 1) {
            throw new LogException(Errors.INVALID_PARTITIONS, "a topic needs at least 1 partition (was " + partitions + ")");
        }
        TopicInfo info = new TopicInfo(name, Uuid.randomUuid(), partitions, TopicConfig.parse(configs, defaults()));
        if (!validateOnly) {
            List<Partition> list = new ArrayList<>();
            for (int i = 0; i < partitions; i++) {
                list.add(new Partition());
            }
            topics.put(name, new Topic(info, list));
        }
        return info;
    }

    @Override
    public void deleteTopic(String name) throws LogException {
        Topic removed;
        synchronized (this) {
            removed = topics.remove(name);
        }
        if (removed == null) {
            throw new LogException(Errors.UNKNOWN_TOPIC_OR_PARTITION, "there is no topic '" + name + "'");
        }
        removed.partitions.forEach(p -> p.waiters.forEach(w -> w.complete(null)));
    }

    @Override
    public CompletableFuture<AppendResult> append(String topic, int partition, MemoryRecords records) {
        List<CompletableFuture<Void>> woken = new ArrayList<>();
        AppendResult result;
        synchronized (this) {
            Partition p = partition(topic, partition);
            if (p == null) {
                return CompletableFuture.completedFuture(AppendResult.failed(Errors.UNKNOWN_TOPIC_OR_PARTITION, "no " + topic + "-" + partition));
            }
            if (failAppends != Errors.NONE) {
                return CompletableFuture.completedFuture(AppendResult.failed(failAppends, "refused by the test"));
            }
            long base = p.end;
            for (MutableRecordBatch batch : records.batches()) {
                ByteBuffer copy = ByteBuffer.allocate(batch.sizeInBytes());
                batch.writeTo(copy);
                copy.flip();
                MutableRecordBatch stored = MemoryRecords.readableRecords(copy).batches().iterator().next();
                stored.setLastOffset(p.end + (batch.lastOffset() - batch.baseOffset()));
                p.batches.add(stored);
                p.end = stored.nextOffset();
                p.bytes += stored.sizeInBytes();
            }
            woken.addAll(p.waiters);
            p.waiters.clear();
            result = new AppendResult(Errors.NONE, null, base, -1, p.start);
        }
        woken.forEach(w -> w.complete(null));
        return CompletableFuture.completedFuture(result);
    }

    @Override
    public synchronized CompletableFuture<ReadResult> read(String topic, int partition, long offset, int maxBytes, boolean minOneBatch) {
        Partition p = partition(topic, partition);
        if (p == null) {
            return CompletableFuture.completedFuture(ReadResult.failed(Errors.UNKNOWN_TOPIC_OR_PARTITION));
        }
        if (offset < p.start || offset > p.end) {
            return CompletableFuture.completedFuture(new ReadResult(Errors.OFFSET_OUT_OF_RANGE, MemoryRecords.EMPTY, p.end, p.start));
        }
        List<MutableRecordBatch> chosen = new ArrayList<>();
        int size = 0;
        for (MutableRecordBatch batch : p.batches) {
            if (batch.lastOffset() < offset) {
                continue;
            }
            if (size + batch.sizeInBytes() > maxBytes && !(chosen.isEmpty() && minOneBatch)) {
                break;
            }
            chosen.add(batch);
            size += batch.sizeInBytes();
        }
        ByteBuffer buffer = ByteBuffer.allocate(size);
        chosen.forEach(b -> b.writeTo(buffer));
        buffer.flip();
        reads.incrementAndGet();
        recordsRead.addAndGet(chosen.stream().mapToLong(b -> b.lastOffset() - b.baseOffset() + 1).sum());
        return CompletableFuture.completedFuture(new ReadResult(Errors.NONE, MemoryRecords.readableRecords(buffer), p.end, p.start));
    }

    @Override
    public synchronized CompletableFuture<Void> awaitData(String topic, int partition, long offset) {
        Partition p = partition(topic, partition);
        if (p == null || p.end > offset) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> waiter = new CompletableFuture<>();
        p.waiters.add(waiter);
        return waiter;
    }

    @Override
    public CompletableFuture<OffsetLookup> listOffset(String topic, int partition, long timestamp) {
        throw new UnsupportedOperationException("not used by channels");
    }

    @Override
    public synchronized Optional<PartitionState> state(String topic, int partition) {
        Partition p = partition(topic, partition);
        return p == null ? Optional.empty() : Optional.of(new PartitionState(topic, partition, p.start, p.end, p.end, 1, p.bytes));
    }

    @Override
    public CompletableFuture<Integer> maintain() {
        throw new UnsupportedOperationException("not used by channels");
    }

    @Override
    public long nextProducerId() {
        throw new UnsupportedOperationException("not used by channels");
    }

    @Override
    public void close() {
    }

    private Partition partition(String topic, int partition) {
        Topic t = topics.get(topic);
        return t == null || partition < 0 || partition >= t.partitions.size() ? null : t.partitions.get(partition);
    }
}
