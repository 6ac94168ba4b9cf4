package io.hallows.db.oltp.impl.wal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Writes batches of frames to the segment files and forces them. {@link #write} and {@link #force}
 * are called by one force task at a time; {@link #prepareSpare}, {@link #deleteWhollyBefore} and
 * the size queries may run beside it.
 *
 * <p>Segments are preallocated (zeros up to the segment size, forced once), so that a force
 * changes no file size and fdatasync need not flush metadata. The next segment is prepared ahead
 * under a {@code .tmp} name while the current one fills (or recycled from one a checkpoint made
 * unnecessary), then gets its header and is renamed into place at the roll.
 */
final class LogWriter implements AutoCloseable {
    private final Path directory;
    private final long segmentSize;
    private final NavigableMap<Long, Path> segments = new ConcurrentSkipListMap<>();
    /** Spares kept at most: a checkpoint frees several segments at once, and each saves a preallocation. */
    private static final int MAX_SPARES = 4;
    private final ConcurrentLinkedDeque<Path> spares = new ConcurrentLinkedDeque<>();
    private final AtomicBoolean preparing = new AtomicBoolean();
    private FileChannel channel;
    private long segmentStart;

    /** Continues the log at {@code end}, in the last of {@code recovered} or a new segment. */
    LogWriter(Path directory, long segmentSize, NavigableMap<Long, Path> recovered, long end) throws IOException {
        this.directory = directory;
        this.segmentSize = segmentSize;
        segments.putAll(recovered);
        Map.Entry<Long, Path> last = segments.lastEntry();
        if (last == null) {
            prepareSpare();
            roll(end);
        } else {
            segmentStart = last.getKey();
            channel = FileChannel.open(last.getValue(), StandardOpenOption.WRITE);
        }
    }

    /**
     * Writes {@code batch}, starting a new segment at each of its roll positions. Each segment's
     * data ends with the zero header recovery takes for a clean end (see {@link Recovery}).
     */
    void write(FrameBuffer batch) throws IOException {
        long from = batch.startLsn();
        for (int i = 0; i < batch.rollCount(); i++) {
            long roll = batch.roll(i);
            batch.writeTo(channel, from, roll, LogFiles.HEADER + from - segmentStart);
            FrameBuffer.write(channel, ByteBuffer.allocate(FrameBuffer.HEADER), LogFiles.HEADER + roll - segmentStart);
            channel.force(false); // the old segment's last records, before the roll hides them from later forces
            roll(roll);
            from = roll;
        }
        batch.writeToEndMarked(channel, from, LogFiles.HEADER + from - segmentStart);
    }

    void force() throws IOException {
        channel.force(false);
    }

    /** Whether the current segment is more than half full at {@code lsn} and no spare is ready or coming. */
    boolean wantsSpare(long lsn) {
        return lsn - segmentStart > segmentSize / 2 && spares.isEmpty() && !preparing.get();
    }

    /** Creates a preallocated spare segment (runs beside forces). */
    void prepareSpare() throws IOException {
        if (!preparing.compareAndSet(false, true)) {
            return;
        }
        try {
            Path file = Files.createTempFile(directory, "wal-spare-", ".tmp");
            try (FileChannel spareChannel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                LogFiles.zero(spareChannel, 0, LogFiles.HEADER + segmentSize);
                spareChannel.force(true);
            }
            spares.add(file);
        } finally {
            preparing.set(false);
        }
    }

    /** Starts the segment at {@code start}: the spare (or a new file) gets its header, is forced, then named. */
    private void roll(long start) throws IOException {
        Path prepared = spares.pollFirst();
        Path source = prepared != null ? prepared : Files.createTempFile(directory, "wal-new-", ".tmp");
        try (FileChannel header = FileChannel.open(source, StandardOpenOption.WRITE)) {
            LogFiles.writeHeader(header, LogFiles.SEGMENT_MAGIC, start);
            header.force(true);
        }
        Path file = directory.resolve(LogFiles.segmentName(start));
        Files.move(source, file, StandardCopyOption.ATOMIC_MOVE);
        LogFiles.syncDirectory(directory);
        FileChannel next = FileChannel.open(file, StandardOpenOption.WRITE);
        if (channel != null) {
            channel.close();
        }
        channel = next;
        segmentStart = start;
        segments.put(start, file);
    }

    /**
     * Removes the segments that hold only positions up to {@code lsn}; returns how many. Up to
     * {@link #MAX_SPARES} become spares: their old frames stay, recovery knows them by their lower
     * positions, and the segments they become cost no preallocation.
     */
    int deleteWhollyBefore(long lsn) throws IOException {
        int deleted = 0;
        for (Map.Entry<Long, Path> segment : segments.entrySet()) {
            Long next = segments.higherKey(segment.getKey());
            if (next == null || next > lsn) {
                break;
            }
            if (!recycle(segment.getKey(), segment.getValue())) {
                Files.deleteIfExists(segment.getValue());
            }
            segments.remove(segment.getKey());
            deleted++;
        }
        if (deleted > 0) {
            LogFiles.syncDirectory(directory);
        }
        return deleted;
    }

    private boolean recycle(long start, Path file) throws IOException {
        if (spares.size() >= MAX_SPARES || Files.size(file) != LogFiles.HEADER + segmentSize) {
            return false;
        }
        Path recycled = directory.resolve("wal-recycled-" + Long.toHexString(start) + ".tmp");
        Files.move(file, recycled, StandardCopyOption.ATOMIC_MOVE);
        spares.add(recycled);
        return true;
    }

    int segmentCount() {
        return segments.size();
    }

    long bytesOnDisk() {
        long bytes = 0;
        for (Path segment : segments.values()) {
            try {
                bytes += Files.size(segment);
            } catch (NoSuchFileException deletedMeanwhile) {
                // a checkpoint removed it while we counted
            } catch (IOException unreadable) {
                // a statistic: leave it out rather than fail
            }
        }
        return bytes;
    }

    @Override
    public void close() throws IOException {
        channel.close();
        for (Path unused; (unused = spares.pollFirst()) != null; ) {
            Files.deleteIfExists(unused);
        }
    }
}
