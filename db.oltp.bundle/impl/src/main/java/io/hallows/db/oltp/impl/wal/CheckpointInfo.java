package io.hallows.db.oltp.impl.wal;

import java.time.Duration;
import java.time.Instant;

/**
 * A published checkpoint.
 *
 * @param lsn the log position it covers: recovery replays only records after it
 * @param file the checkpoint file's name in the log directory
 * @param records snapshot records written
 * @param bytes the file's size
 * @param took from the start of the snapshot to the publication
 * @param publishedAt when it was renamed into place
 */
public record CheckpointInfo(long lsn, String file, long records, long bytes, Duration took, Instant publishedAt) {
}
