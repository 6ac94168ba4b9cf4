package io.hallows.db.oltp.impl.wal;

import java.time.Duration;

/**
 * What a recovery did.
 *
 * @param took how long it took
 * @param checkpoint the checkpoint file loaded, or null if none (the log was replayed from its start)
 * @param checkpointLsn the position that checkpoint covers, 0 if none
 * @param checkpointRecords snapshot records loaded
 * @param recordsReplayed log records replayed after the checkpoint
 * @param bytesCut bytes of torn or corrupt log cut (0 after a clean stop)
 * @param endLsn the position appends continue from
 */
public record RecoveryReport(Duration took, String checkpoint, long checkpointLsn, long checkpointRecords,
        long recordsReplayed, long bytesCut, long endLsn) {
}
