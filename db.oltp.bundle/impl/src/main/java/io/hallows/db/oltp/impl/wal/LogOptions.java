package io.hallows.db.oltp.impl.wal;

import java.time.Duration;
import java.util.Objects;

/**
 * How the write-ahead log is laid out and when it forces and checkpoints.
 *
 * @param segmentSize bytes of records per segment file (files are preallocated to this size, so
 *     that a force does not also have to flush the file's size); a record larger than this gets a
 *     segment of its own
 * @param checkpointAfterBytes an automatic checkpoint starts once the log has grown this much
 *     since the last one
 * @param checkpointInterval an automatic checkpoint starts once this long has passed since the
 *     last one (and something was logged)
 * @param syncMode whether {@link CommitLog#durable} forces at once (ON) or waits for the
 *     background force (OFF)
 */
public record LogOptions(long segmentSize, long checkpointAfterBytes, Duration checkpointInterval, SyncMode syncMode) {
    /** 64 MiB segments, a checkpoint after 256 MiB of log or 5 minutes, synchronous forces. */
    public static final LogOptions DEFAULTS =
            new LogOptions(64L << 20, 256L << 20, Duration.ofMinutes(5), SyncMode.ON);

    /** How often the log forces in the background (always; it is the only force with OFF). */
    public static final Duration BACKGROUND_FORCE = Duration.ofMillis(200);

    /**
     * When a commit's record is forced.
     *
     * <ul>
     *   <li>{@code ON} (the default): {@link CommitLog#durable} starts a force at once if none is
     *       running; every commit waiting meanwhile shares the next force (group commit).
     *   <li>{@code OFF}: forces happen only in the background, every {@link #BACKGROUND_FORCE};
     *       {@link CommitLog#durable} futures complete at the next one. A crash loses at most the
     *       last ~200 ms of commits, never consistency (recovery still cuts at a whole record), as
     *       PostgreSQL's {@code synchronous_commit=off}. Never the default.
     * </ul>
     * A store that wants asynchronous commit for some transactions only simply does not wait for
     * {@link CommitLog#durable}: the background force writes its records.
     */
    public enum SyncMode { ON, OFF }

    /**
     * @throws IllegalArgumentException if a size is below 4 KiB or the interval is not positive
     */
    public LogOptions {
        Objects.requireNonNull(checkpointInterval, "checkpointInterval");
        Objects.requireNonNull(syncMode, "syncMode");
        if (segmentSize < 4096 || checkpointAfterBytes < 4096) {
            throw new IllegalArgumentException("segmentSize and checkpointAfterBytes must be at least 4096 (were "
                    + segmentSize + ", " + checkpointAfterBytes + ")");
        }
        if (checkpointInterval.isNegative() || checkpointInterval.isZero()) {
            throw new IllegalArgumentException("checkpointInterval must be positive (was " + checkpointInterval + ")");
        }
    }

    public LogOptions withSegmentSize(long bytes) {
        return new LogOptions(bytes, checkpointAfterBytes, checkpointInterval, syncMode);
    }

    public LogOptions withCheckpointAfter(long bytes, Duration interval) {
        return new LogOptions(segmentSize, bytes, interval, syncMode);
    }

    public LogOptions withSyncMode(SyncMode mode) {
        return new LogOptions(segmentSize, checkpointAfterBytes, checkpointInterval, mode);
    }
}
