package io.hallows.db.oltp.impl.wal;

import java.time.Duration;
import java.time.Instant;

/**
 * Counters of a write-ahead log since it was opened (recovery figures: of its last recovery).
 *
 * @param forces forces of the log file ({@code FileChannel.force})
 * @param commitsCovered records appended (commits, DDL); {@code commitsCovered / forces} is the
 *     group-commit ratio
 * @param bytesOnDisk bytes of the segment files (preallocated space included)
 * @param segments segment files
 * @param lastCheckpoint when the newest checkpoint was published, or null if none yet
 * @param lastCheckpointLsn the log position the newest checkpoint covers, 0 if none
 * @param lastRecovery how long the last recovery took, or null before it ran
 * @param recoveredRecords log records replayed by the last recovery (checkpoint records excluded)
 * @param tornTailCut bytes the last recovery cut from the log's tail
 */
public record LogStats(long forces, long commitsCovered, long bytesOnDisk, int segments, Instant lastCheckpoint,
        long lastCheckpointLsn, Duration lastRecovery, long recoveredRecords, long tornTailCut) {
}
