package io.hallows.messaging.impl.log;

import io.hallows.kernel.api.PartitionExecutor;
import io.hallows.kernel.api.TaskHints;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.record.internal.MemoryRecords;
import org.apache.kafka.common.record.internal.MutableRecordBatch;
import org.osgi.service.log.Logger;

/**
 * One partition of a topic: its segments, its producers, its high watermark. Every operation runs
 * as a task with the partition's key, so the state below is owned by that key's task; the only
 * other thread is the group commit's force task (see {@link GroupCommit}), which publishes the high
 * watermark through a volatile field.
 */
final class PartitionLog {
    /** Where the high watermark is: its offset, and the segment and byte position it ends at. */
    record Mark(long offset, long segmentBase, int position) {
    }

    private final String topic;
    private final int partition;
    private final Path dir;
    private final TopicConfig config;
    private final PartitionExecutor executor;
    private final TaskHints hints;
    private final LongSupplier clock;
    private final Logger log;
    private final SegmentList segments;
    private final ProducerStates producers = new ProducerStates();
    private final Waiters waiters = new Waiters();
    private final GroupCommit commit;
    private volatile Mark highWatermark;
    private volatile long logStartOffset;
    private volatile long logEndOffset;
    private volatile boolean closed;
    private volatile IOException failure;

    private PartitionLog(String topic, int partition, Path dir, TopicConfig config, PartitionExecutor executor, LongSupplier clock,
            Logger log, SegmentList segments, Consumer<Path> forced) {
        this.topic = topic;
        this.partition = partition;
        this.dir = dir;
        this.config = config;
        this.executor = executor;
        this.hints = TaskHints.key(topic + "-" + partition);
        this.clock = clock;
        this.log = log;
        this.segments = segments;
        this.commit = new GroupCommit(this, executor, hints, forced);
    }

    /** Opens (recovering it) or creates the partition in {@code dir}; its producers' state is rebuilt from the batch headers. */
    static PartitionLog open(String topic, int partition, Path dir, TopicConfig config, PartitionExecutor executor, LongSupplier clock,
            Logger log, Consumer<Path> forced) throws IOException {
        SegmentList segments = SegmentList.open(dir, SegmentRecovery.logging(log));
        PartitionLog partitionLog = new PartitionLog(topic, partition, dir, config, executor, clock, log, segments, forced);
        try {
            for (LogSegment segment : segments.all()) {
                segment.forEachHeader(header -> partitionLog.producers.appended(header, header.baseOffset(), header.maxTimestamp()));
            }
        } catch (IOException e) {
            segments.close();
            throw e;
        }
        LogSegment active = segments.active();
        partitionLog.logStartOffset = segments.first().baseOffset();
        partitionLog.logEndOffset = active.nextOffset();
        partitionLog.highWatermark = new Mark(active.nextOffset(), active.baseOffset(), active.size());
        return partitionLog;
    }

    Path dir() {
        return dir;
    }

    /**
     * Runs {@code task} as this partition's task; answers {@code closedAnswer} if the partition is
     * closed or the executor refuses, {@code failedAnswer} if the task throws.
     */
    <T> CompletableFuture<T> run(PartitionTask<T> task, T closedAnswer, T failedAnswer) {
        CompletableFuture<T> future = new CompletableFuture<>();
        try {
            executor.execute(() -> {
                if (closed) {
                    future.complete(closedAnswer);
                    return;
                }
                try {
                    task.run(future);
                } catch (IOException | RuntimeException e) {
                    log.error("messaging: {}: an operation failed", where(), e);
                    future.complete(failedAnswer);
                }
            }, hints);
        } catch (RejectedExecutionException e) {
            future.complete(closedAnswer);
        }
        return future;
    }

    /** Work on the partition's state, completing {@code result}. */
    @FunctionalInterface
    interface PartitionTask<T> {
        void run(CompletableFuture<T> result) throws IOException;
    }

    /** Appends one request's batches (as the partition's task). Their base offsets are rewritten in place. */
    void append(MemoryRecords request, CompletableFuture<AppendResult> result) throws IOException {
        // Offsets are assigned in the caller's buffer, Kafka's way; a read-only one is copied first.
        MemoryRecords records = request.buffer().isReadOnly() ? MemoryRecords.readableRecords(copyOf(request.buffer())) : request;
        if (failure != null) {
            result.complete(AppendResult.failed(Errors.KAFKA_STORAGE_ERROR, where() + ": the partition failed to write ("
                    + failure.getMessage() + "); restart to recover it"));
            return;
        }
        IncomingBatches incoming = IncomingBatches.check(where(), records, config, producers);
        if (incoming.error() != null) {
            result.complete(incoming.error());
            return;
        }
        if (incoming.duplicate() != null) {
            ProducerStates.Appended first = incoming.duplicate();
            long appendTime = config.timestampType() == TimestampType.LOG_APPEND_TIME ? first.timestamp() : -1;
            acknowledge(new AppendResult(Errors.NONE, null, first.baseOffset(), appendTime, logStartOffset), first.lastOffset() + 1, result);
            return;
        }
        long now = clock.getAsLong();
        try {
            maybeRoll(records.sizeInBytes(), now);
        } catch (IOException e) {
            refuseFrom(e, "rolling the segment failed", result);
            return;
        }
        long next = logEndOffset;
        long base = next;
        for (int i = 0; i < incoming.batches().size(); i++) {
            MutableRecordBatch batch = incoming.batches().get(i);
            BatchHeader header = incoming.headers().get(i);
            batch.setLastOffset(next + header.lastOffsetDelta());
            if (config.timestampType() == TimestampType.LOG_APPEND_TIME) {
                batch.setMaxTimestamp(TimestampType.LOG_APPEND_TIME, now);
            }
            producers.appended(header, next, batch.maxTimestamp());
            next += header.lastOffsetDelta() + 1;
        }
        try {
            segments.active().append(records, incoming.batches(), now);
        } catch (IOException e) {
            refuseFrom(e, "the write failed", result);
            return;
        }
        logEndOffset = next;
        segments.updateTotals();
        long appendTime = config.timestampType() == TimestampType.LOG_APPEND_TIME ? now : -1;
        acknowledge(new AppendResult(Errors.NONE, null, base, appendTime, logStartOffset), next, result);
    }

    private static ByteBuffer copyOf(ByteBuffer buffer) {
        return ByteBuffer.allocate(buffer.remaining()).put(buffer.duplicate()).flip();
    }

    /** After a failed write or roll the files are in doubt: appends are refused until a restart recovers them. */
    private void refuseFrom(IOException e, String what, CompletableFuture<AppendResult> result) {
        failure = e;
        log.error("messaging: {}: {}; the partition refuses appends until restarted", where(), what, e);
        result.complete(AppendResult.failed(Errors.KAFKA_STORAGE_ERROR, where() + ": " + what + ": " + e.getMessage()));
    }

    /** Completes an append as the topic's flush says: at once ({@code os}), or once a force covers it ({@code batch}). */
    private void acknowledge(AppendResult appended, long end, CompletableFuture<AppendResult> result) {
        if (config.flush() == Flush.OS) {
            if (end > highWatermark.offset()) {
                advanceTo(currentEnd());
            }
            result.complete(appended);
        } else if (end <= highWatermark.offset()) {
            result.complete(appended);
        } else {
            commit.add(appended, result);
        }
    }

    /** The end of what is written: the high watermark once acknowledged. Only on the partition's task. */
    Mark currentEnd() {
        LogSegment active = segments.active();
        return new Mark(logEndOffset, active.baseOffset(), active.size());
    }

    LogSegment activeSegment() {
        return segments.active();
    }

    /** Publishes a new high watermark (from the partition's task or the force task) and releases the waiters below it. */
    void advanceTo(Mark mark) {
        if (mark.offset() > highWatermark.offset()) {
            highWatermark = mark;
        }
        waiters.release(highWatermark.offset());
    }

    void failed(IOException e) {
        failure = e;
        log.error("messaging: {}: force failed; the partition refuses appends until restarted", where(), e);
    }

    private void maybeRoll(int incomingBytes, long now) throws IOException {
        LogSegment active = segments.active();
        if (active.size() > 0 && ((long) active.size() + incomingBytes > config.segmentBytes() || now - active.rollBaseMs() > config.segmentMs()
                || logEndOffset - active.baseOffset() > Integer.MAX_VALUE / 2)) {
            segments.roll();
        }
    }

    /** Reads whole batches from {@code offset}, below the high watermark (as the partition's task). */
    ReadResult read(long offset, int maxBytes, boolean minOneBatch) throws IOException {
        Mark mark = highWatermark;
        long start = logStartOffset;
        if (offset < start || offset > mark.offset()) {
            return new ReadResult(Errors.OFFSET_OUT_OF_RANGE, MemoryRecords.EMPTY, mark.offset(), start);
        }
        if (offset == mark.offset()) {
            return new ReadResult(Errors.NONE, MemoryRecords.EMPTY, mark.offset(), start);
        }
        LogSegment segment = segments.floor(offset);
        MemoryRecords records = SegmentReads.batches(segment, offset, SegmentReads.limitIn(segment, mark), maxBytes, minOneBatch);
        return new ReadResult(Errors.NONE, records, mark.offset(), start);
    }

    /** ListOffsets (as the partition's task): see {@link Logs#listOffset}. */
    OffsetLookup listOffset(long timestamp) throws IOException {
        return SegmentReads.listOffset(segments.all(), timestamp, highWatermark, logStartOffset);
    }

    /** Rolls an active segment older than segment.ms and deletes what retention says (as the partition's task). */
    int maintain() throws IOException {
        long now = clock.getAsLong();
        LogSegment active = segments.active();
        if (active.size() > 0 && now - active.rollBaseMs() > config.segmentMs()) {
            segments.roll();
        }
        int deleted = 0;
        while (segments.count() > 1 && expired(segments.first(), now)) {
            segments.deleteFirst();
            deleted++;
            logStartOffset = Math.max(logStartOffset, segments.first().baseOffset());
        }
        return deleted;
    }

    private boolean expired(LogSegment oldest, long now) {
        if (oldest.nextOffset() > highWatermark.offset()) {
            return false;
        }
        boolean byTime = config.retentionMs() >= 0 && oldest.maxTimestamp() < now - config.retentionMs();
        boolean bySize = config.retentionBytes() >= 0 && segments.bytes() - oldest.size() >= config.retentionBytes();
        return byTime || bySize;
    }

    CompletableFuture<Void> awaitData(long offset) {
        if (closed) {
            return CompletableFuture.completedFuture(null);
        }
        return waiters.await(offset, () -> closed ? Long.MAX_VALUE : highWatermark.offset());
    }

    PartitionState state() {
        return new PartitionState(topic, partition, logStartOffset, highWatermark.offset(), logEndOffset, segments.count(), segments.bytes());
    }

    /** Refuses every later call at once and releases the waiters; the files are closed by {@link #closeFiles}. */
    void shutDown() {
        closed = true;
        waiters.releaseAll();
    }

    boolean isClosed() {
        return closed;
    }

    /**
     * Shuts the partition down, then, as its last task (after those already queued), forces and
     * closes its segments ({@code force}: appends waiting for a force are acknowledged) or closes them
     * (they get {@code pendingAnswer}), and runs {@code after}.
     */
    CompletableFuture<Void> retire(boolean force, AppendResult pendingAnswer, Runnable after) {
        shutDown();
        CompletableFuture<Void> done = new CompletableFuture<>();
        Runnable last = () -> {
            try {
                closeFiles(force, pendingAnswer);
                after.run();
            } catch (IOException | RuntimeException e) {
                log.error("messaging: {}: closing failed", where(), e);
            } finally {
                done.complete(null);
            }
        };
        try {
            executor.execute(last, hints);
        } catch (RejectedExecutionException e) {
            last.run();
        }
        return done;
    }

    private void closeFiles(boolean force, AppendResult pendingAnswer) throws IOException {
        try {
            if (force && failure == null) {
                segments.active().seal();
                commit.completeAll(null);
            } else {
                commit.completeAll(pendingAnswer);
            }
        } finally {
            segments.close();
        }
    }

    String where() {
        return "partition " + topic + "-" + partition;
    }

    int waiterCount() {
        return waiters.size();
    }
}
