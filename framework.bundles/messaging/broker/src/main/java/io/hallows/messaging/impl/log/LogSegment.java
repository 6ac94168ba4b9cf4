package io.hallows.messaging.impl.log;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.function.Consumer;
import org.apache.kafka.common.record.internal.MemoryRecords;
import org.apache.kafka.common.record.internal.MutableRecordBatch;

/**
 * One segment of a partition: {@code <base offset>.log} holding whole record batches back to back,
 * its sparse offset index ({@code .index}, an entry every {@link #INDEX_INTERVAL_BYTES}) and time
 * index ({@code .timeindex}). Owned by its partition's task; only {@link #force()} runs elsewhere
 * (the group commit's force task), which a {@link FileChannel} allows.
 */
final class LogSegment implements AutoCloseable {
    /** Bytes of batches between two index entries. */
    static final int INDEX_INTERVAL_BYTES = 4096;

    private final long baseOffset;
    private final Path logFile;
    private final FileChannel channel;
    private SparseIndex offsetIndex;
    private SparseIndex timeIndex;
    private volatile int size;
    private long nextOffset;
    private long maxTimestamp = -1;
    private long offsetOfMaxTimestamp = -1;
    private int bytesSinceIndexEntry;
    private long rollBaseMs = -1;
    private final ByteBuffer headerBuffer = ByteBuffer.allocate(BatchHeader.SIZE);

    private LogSegment(long baseOffset, Path logFile, FileChannel channel, int size) {
        this.baseOffset = baseOffset;
        this.logFile = logFile;
        this.channel = channel;
        this.size = size;
        this.nextOffset = baseOffset;
    }

    static String fileName(long baseOffset, String suffix) {
        return String.format("%020d%s", baseOffset, suffix);
    }

    /** A new, empty segment starting at {@code baseOffset}. */
    static LogSegment create(Path dir, long baseOffset) throws IOException {
        Path file = dir.resolve(fileName(baseOffset, ".log"));
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ, StandardOpenOption.WRITE);
        LogSegment segment = new LogSegment(baseOffset, file, channel, 0);
        segment.offsetIndex = SparseIndex.create(dir.resolve(fileName(baseOffset, ".index")));
        segment.timeIndex = SparseIndex.create(dir.resolve(fileName(baseOffset, ".timeindex")));
        return segment;
    }

    /**
     * An existing segment, as its files say. With {@code nextBase} >= 0 (a segment that is not the
     * last) its indexes are trusted if sane and rebuilt from the batch headers otherwise; the last
     * segment ({@code nextBase} -1) is recovered: see {@link SegmentRecovery}.
     */
    static LogSegment open(Path dir, long baseOffset, long nextBase, SegmentRecovery.Reporter reporter) throws IOException {
        Path file = dir.resolve(fileName(baseOffset, ".log"));
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
        long length = channel.size();
        if (length > Integer.MAX_VALUE) {
            channel.close();
            throw new IOException(file + " is larger than a segment can be (" + length + " bytes)");
        }
        LogSegment segment = new LogSegment(baseOffset, file, channel, (int) length);
        Path index = dir.resolve(fileName(baseOffset, ".index"));
        Path times = dir.resolve(fileName(baseOffset, ".timeindex"));
        if (nextBase >= 0) {
            segment.offsetIndex = SparseIndex.load(index, Math.max(1, segment.size));
            segment.timeIndex = SparseIndex.load(times, (int) Math.min(Integer.MAX_VALUE, Math.max(1, nextBase - baseOffset)));
            if (segment.offsetIndex != null && segment.timeIndex != null && segment.timeIndex.size() > 0) {
                segment.nextOffset = nextBase;
                segment.maxTimestamp = segment.timeIndex.lastKey();
                segment.offsetOfMaxTimestamp = baseOffset + segment.timeIndex.lastValue();
                return segment;
            }
            segment.closeIndexes();
            reporter.indexRebuilt(file);
        }
        segment.offsetIndex = SparseIndex.create(index);
        segment.timeIndex = SparseIndex.create(times);
        SegmentRecovery.recover(segment, nextBase < 0, reporter);
        if (nextBase >= 0) {
            // Inactive: its rebuilt time index must end with its largest timestamp, as at a roll.
            segment.seal();
        }
        return segment;
    }

    long baseOffset() {
        return baseOffset;
    }

    /** The offset after the last batch (the base offset while empty). */
    long nextOffset() {
        return nextOffset;
    }

    int size() {
        return size;
    }

    long maxTimestamp() {
        return maxTimestamp;
    }

    long offsetOfMaxTimestamp() {
        return offsetOfMaxTimestamp;
    }

    /** When the segment's age is counted from for segment.ms, or -1 while it is empty. */
    long rollBaseMs() {
        return rollBaseMs;
    }

    FileChannel channel() {
        return channel;
    }

    Path file() {
        return logFile;
    }

    /** Writes {@code records}, the {@code batches} whose offsets are assigned, in one write, and indexes them. */
    void append(MemoryRecords records, List<MutableRecordBatch> batches, long nowMs) throws IOException {
        int position = size;
        for (MutableRecordBatch batch : batches) {
            track(batch.baseOffset(), batch.lastOffset(), batch.maxTimestamp(), position, batch.sizeInBytes());
            position += batch.sizeInBytes();
        }
        if (rollBaseMs < 0) {
            rollBaseMs = nowMs;
        }
        ByteBuffer buffer = records.buffer().duplicate();
        long at = size;
        while (buffer.hasRemaining()) {
            at += channel.write(buffer, at);
        }
        size = position;
        offsetIndex.flush();
        timeIndex.flush();
    }

    /** Accounts for a batch at {@code position}: the segment's end, its largest timestamp, the indexes every interval. */
    void track(long batchBase, long batchLast, long batchMaxTimestamp, int position, int batchSize) throws IOException {
        if (batchMaxTimestamp > maxTimestamp) {
            maxTimestamp = batchMaxTimestamp;
            offsetOfMaxTimestamp = batchLast;
        }
        if (nextOffset == baseOffset || bytesSinceIndexEntry >= INDEX_INTERVAL_BYTES) {
            offsetIndex.append(batchBase - baseOffset, position);
            timeIndex.append(maxTimestamp, (int) (offsetOfMaxTimestamp - baseOffset));
            bytesSinceIndexEntry = 0;
        }
        bytesSinceIndexEntry += batchSize;
        nextOffset = batchLast + 1;
    }

    /** Sets the segment's age from its first batch's timestamp after a restart. */
    void startAgeAt(long timestampMs) {
        rollBaseMs = timestampMs;
    }

    /** Cuts the file at {@code position} (recovery), dropping index entries that point past it. */
    void truncateTo(int position, long newNextOffset) throws IOException {
        channel.truncate(position);
        size = position;
        nextOffset = newNextOffset;
        offsetIndex.truncateFromValue(position);
        timeIndex.truncateFromValue((int) Math.max(0, newNextOffset - baseOffset));
    }

    /** The header of the batch at {@code position}, or null past the end. Only for the partition's task. */
    BatchHeader header(int position, int limit) throws IOException {
        return BatchHeader.read(channel, position, Math.min(limit, size), headerBuffer);
    }

    /** The position of the first batch whose last offset is at least {@code offset}, or {@link #size()} if none. */
    int positionOf(long offset, int limit) throws IOException {
        int position = offset <= baseOffset ? 0 : offsetIndex.floorValue(offset - baseOffset, 0);
        BatchHeader header;
        while ((header = header(position, limit)) != null && header.lastOffset() < offset) {
            position += header.sizeInBytes();
        }
        return header == null ? Math.min(limit, size) : position;
    }

    /** The position from which a search for the first record at or after {@code timestamp} can start. */
    int positionBeforeTimestamp(long timestamp) {
        int relative = timeIndex.lowerValue(timestamp, -1);
        return relative < 0 ? 0 : offsetIndex.floorValue(relative, 0);
    }

    /** Reads {@code length} bytes from {@code position}. */
    ByteBuffer read(int position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                break;
            }
        }
        return buffer.flip();
    }

    /** Walks the batch headers from the start (no CRC check). */
    void forEachHeader(Consumer<BatchHeader> visitor) throws IOException {
        int position = 0;
        BatchHeader header;
        while ((header = header(position, size)) != null) {
            visitor.accept(header);
            position += header.sizeInBytes();
        }
    }

    void force() throws IOException {
        channel.force(false);
    }

    /** Makes the segment inactive: records its final largest timestamp in the time index and forces everything. */
    void seal() throws IOException {
        if (maxTimestamp >= 0 && !timeIndex.isSealed()) {
            timeIndex.append(maxTimestamp, (int) (offsetOfMaxTimestamp - baseOffset));
        }
        channel.force(true);
        offsetIndex.seal();
        timeIndex.seal();
    }

    @Override
    public void close() throws IOException {
        try {
            channel.close();
        } finally {
            closeIndexes();
        }
    }

    private void closeIndexes() throws IOException {
        if (offsetIndex != null) {
            offsetIndex.close();
        }
        if (timeIndex != null) {
            timeIndex.close();
        }
    }

    /** Closes and removes the segment's files. */
    void delete() throws IOException {
        close();
        Files.deleteIfExists(logFile);
        Files.deleteIfExists(offsetIndex.file());
        Files.deleteIfExists(timeIndex.file());
    }
}
