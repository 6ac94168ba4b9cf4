package io.hallows.db.oltp.impl.wal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Writes batches of frames to the segment files and forces them. {@link #write} and {@link #force}
 * are called by one force task at a time; {@link #prepareSpare}, {@link #deleteWhollyBefore} and
 * the size queries may run beside it.
 *
 * <p>Segments are preallocated (zeros up to the segment size, forced once), so that a force
 * changes no file size and fdatasync need not flush metadata. The next segment is prepared ahead
 * under a {@code .tmp} name while the current one fills, then renamed into place at the roll.
 */
final class LogWriter implements AutoCloseable {
    private final Path directory;
    private final long segmentSize;
    private final NavigableMap<Long, Path> segments = new ConcurrentSkipListMap<>();
    private final AtomicReference<Path> spare = new AtomicReference<>();
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

    /** Writes {@code batch}, starting a new segment at each of its roll positions. */
    void write(FrameBuffer batch) throws IOException {
        long from = batch.startLsn();
        for (int i = 0; i < batch.rollCount(); i++) {
            long roll = batch.roll(i);
            batch.writeTo(channel, from, roll, LogFiles.HEADER + from - segmentStart);
            channel.force(false); // the old segment's last records, before the roll hides them from later forces
            roll(roll);
            from = roll;
        }
        batch.writeTo(channel, from, batch.endLsn(), LogFiles.HEADER + from - segmentStart);
    }

    void force() throws IOException {
        channel.force(false);
    }

    /** Whether the current segment is more than half full at {@code lsn} and no spare is ready or coming. */
    boolean wantsSpare(long lsn) {
        return lsn - segmentStart > segmentSize / 2 && spare.get() == null && !preparing.get();
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
            spare.set(file);
        } finally {
            preparing.set(false);
        }
    }

    private void roll(long start) throws IOException {
        Path file = directory.resolve(LogFiles.segmentName(start));
        Path prepared = spare.getAndSet(null);
        if (prepared != null) {
            Files.move(prepared, file, StandardCopyOption.ATOMIC_MOVE);
        }
        FileChannel next = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            LogFiles.writeHeader(next, LogFiles.SEGMENT_MAGIC, start);
            next.force(true);
            LogFiles.syncDirectory(directory);
        } catch (IOException e) {
            next.close();
            throw e;
        }
        if (channel != null) {
            channel.close();
        }
        channel = next;
        segmentStart = start;
        segments.put(start, file);
    }

    /** Deletes the segments that hold only positions up to {@code lsn}; returns how many. */
    int deleteWhollyBefore(long lsn) throws IOException {
        int deleted = 0;
        for (Map.Entry<Long, Path> segment : segments.entrySet()) {
            Long next = segments.higherKey(segment.getKey());
            if (next == null || next > lsn) {
                break;
            }
            Files.deleteIfExists(segment.getValue());
            segments.remove(segment.getKey());
            deleted++;
        }
        if (deleted > 0) {
            LogFiles.syncDirectory(directory);
        }
        return deleted;
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
        Path unused = spare.getAndSet(null);
        if (unused != null) {
            Files.deleteIfExists(unused);
        }
    }
}
