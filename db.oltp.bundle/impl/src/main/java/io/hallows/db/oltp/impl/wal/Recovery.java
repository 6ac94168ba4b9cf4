package io.hallows.db.oltp.impl.wal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.osgi.service.log.Logger;

/**
 * Recovery: the newest whole checkpoint, then every whole log record after it, in order, and the
 * log cut at the first record that is not whole.
 *
 * <p>A record is whole when its frame is complete, its LSN is the one its position implies and
 * its CRC32C matches. The first record that is not ends the log: the rest of its segment is
 * erased and later segments are deleted. A corrupt record in the middle followed by whole ones is
 * cut there too: without more redundancy we cannot tell it from a torn tail, and replaying records
 * after a hole would apply commits whose predecessors are lost (PostgreSQL stops at the first bad
 * record as well). A zero header after the last record (every write leaves one) is a clean end,
 * not a cut, whatever follows it (the old frames of a recycled segment).
 */
final class Recovery {
    /** What recovery leaves for the writer: the report, and the segments that remain. */
    record Result(RecoveryReport report, TreeMap<Long, Path> segments) {
    }

    private final Path directory;
    private final long segmentSize;
    private final Logger log;
    private boolean directoryChanged;

    Recovery(Path directory, long segmentSize, Logger log) {
        this.directory = directory;
        this.segmentSize = segmentSize;
        this.log = log;
    }

    Result run(Recoverable target) throws IOException {
        long started = System.nanoTime();
        for (Path leftover : LogFiles.leftovers(directory)) {
            delete(leftover);
        }
        Map.Entry<Long, Path> checkpoint = newestWholeCheckpoint();
        long checkpointLsn = 0;
        long checkpointRecords = 0;
        if (checkpoint != null) {
            CheckpointFile.Contents loaded = CheckpointFile.load(checkpoint.getValue(), target);
            checkpointLsn = loaded.lsn();
            checkpointRecords = loaded.records();
        }
        TreeMap<Long, Path> segments = LogFiles.segments(directory);
        if (!segments.isEmpty() && segments.firstKey() > checkpointLsn) {
            throw new IOException("the log in " + directory + " starts at " + segments.firstKey()
                    + " but the checkpoint covers only up to " + checkpointLsn + ": records are missing");
        }
        Replay replay = new Replay(target, checkpointLsn, segments.isEmpty() ? checkpointLsn : segments.firstKey());
        for (Map.Entry<Long, Path> segment : new TreeMap<>(segments).entrySet()) {
            if (!replay.segment(segment.getKey(), segment.getValue(), segment.getKey().equals(segments.lastKey()))) {
                segments.remove(segment.getKey());
            }
        }
        long end = replay.end;
        if (end < checkpointLsn) {
            log.warn("the log in {} ends at {}, before the checkpoint at {}: starting it anew there", directory, end, checkpointLsn);
            for (Path segment : segments.values()) {
                delete(segment);
            }
            segments.clear();
            end = checkpointLsn;
        }
        if (directoryChanged) {
            LogFiles.syncDirectory(directory);
        }
        RecoveryReport report = new RecoveryReport(Duration.ofNanos(System.nanoTime() - started),
                checkpoint == null ? null : checkpoint.getValue().getFileName().toString(), checkpointLsn, checkpointRecords,
                replay.replayed, replay.cut, end);
        log.info("recovered {}: {}", directory, report);
        return new Result(report, segments);
    }

    private Map.Entry<Long, Path> newestWholeCheckpoint() throws IOException {
        for (Map.Entry<Long, Path> checkpoint : LogFiles.checkpoints(directory).descendingMap().entrySet()) {
            try {
                CheckpointFile.Contents contents = CheckpointFile.verify(checkpoint.getValue());
                if (contents.lsn() == checkpoint.getKey()) {
                    return checkpoint;
                }
                log.warn("checkpoint {} covers {}, not the position in its name: falling back to an older one",
                        checkpoint.getValue(), contents.lsn());
            } catch (IOException notWhole) {
                log.warn("checkpoint {} is not whole ({}): falling back to an older one", checkpoint.getValue(), notWhole.getMessage());
            }
        }
        return null;
    }

    private void delete(Path file) throws IOException {
        Files.deleteIfExists(file);
        directoryChanged = true;
    }

    /** Replays segments in order, tracking where the log ends and what was cut. */
    private final class Replay {
        private final Recoverable target;
        private final long after;
        private final FrameScanner scanner = new FrameScanner();
        private long end;
        private long replayed;
        private long cut;
        private boolean cutting;

        Replay(Recoverable target, long after, long start) {
            this.target = target;
            this.after = after;
            this.end = start;
        }

        /** Replays one segment; false if it was deleted. */
        boolean segment(long start, Path file, boolean isLast) throws IOException {
            if (cutting) {
                cut += Files.size(file);
                log.warn("deleting log segment {} ({} bytes): it follows the cut", file, Files.size(file));
                delete(file);
                return false;
            }
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                long size = channel.size();
                String wrong = null;
                try {
                    long headerLsn = LogFiles.readHeader(channel, LogFiles.SEGMENT_MAGIC, file);
                    if (headerLsn != start || start != end) {
                        wrong = "it starts at " + headerLsn + " where the log continues at " + end;
                    }
                } catch (IOException badHeader) {
                    wrong = badHeader.getMessage();
                }
                if (wrong != null) {
                    log.warn("cutting the log at log segment {} ({} bytes): {}", file, size, wrong);
                    cutting = true;
                    cut += size;
                    channel.close();
                    delete(file);
                    return false;
                }
                FrameScanner.End last = scanner.scan(channel, LogFiles.HEADER, size, start, (record, lsn) -> {
                    if (lsn > after) {
                        target.redo(record);
                        replayed++;
                    }
                });
                end = last.lsn();
                endSegment(channel, file, last.offset(), size, isLast);
                return true;
            }
        }
    
        /**
         * Deals with what follows the last whole record of a segment. Every write leaves a zero
         * header after its last frame: if it is there, the log ended cleanly and anything after it
         * is the old content of a recycled segment (or of a write never acknowledged), erased in
         * the last segment because appends go on there. Anything else is a torn or corrupt record:
         * a cut, erased, and the later segments go.
         */
        private void endSegment(FileChannel channel, Path file, long offset, long size, boolean isLast) throws IOException {
            boolean marked = LogFiles.zerosAt(channel, offset, FrameBuffer.HEADER);
            if (marked && !isLast) {
                return;
            }
            long dataEnd = LogFiles.endOfData(channel, offset);
            if (dataEnd == offset) {
                return;
            }
            long preallocated = LogFiles.HEADER + segmentSize;
            LogFiles.zero(channel, offset, Math.min(dataEnd, Math.max(preallocated, offset)));
            if (size > preallocated) {
                channel.truncate(Math.max(preallocated, offset));
            }
            channel.force(true);
            if (marked) {
                log.info("erased {} bytes of old frames after the end of the log in {} (a recycled segment)", dataEnd - offset, file);
                return;
            }
            log.warn("cutting the log in {} at offset {} (log position {}): {} bytes after the last whole record",
                    file, offset, end, dataEnd - offset);
            cut += dataEnd - offset;
            cutting = true;
        }
    }
}
