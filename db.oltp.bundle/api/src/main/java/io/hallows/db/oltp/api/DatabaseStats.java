package io.hallows.db.oltp.api;

import java.time.Duration;
import java.time.Instant;

/**
 * The OLTP database's counters (since start) and gauges (now).
 *
 * @param commits transactions committed (read-only ones too)
 * @param loggedCommits commits that wrote, each a record in the log
 * @param rollbacks transactions rolled back (by the client or by a failure)
 * @param serializationFailures transactions refused with SQLSTATE 40001
 * @param forces times the log was forced to disk
 * @param logBytes bytes of log on disk now
 * @param lastCheckpoint when the last checkpoint became durable, or null before the first
 * @param memoryUsed bytes the tables hold now (estimated)
 * @param memoryLimit the configured limit in bytes
 * @param tables tables now
 * @param rows live rows now, in all tables
 * @param lastRecovery how long the last start's recovery took
 * @param sessions open sessions now
 */
public record DatabaseStats(long commits, long loggedCommits, long rollbacks, long serializationFailures, long forces,
        long logBytes, Instant lastCheckpoint, long memoryUsed, long memoryLimit, int tables, long rows,
        Duration lastRecovery, int sessions) {

    /** Commits per log force: how many writing commits one force covered on average (group commit). */
    public double commitsPerForce() {
        return forces == 0 ? 0 : (double) loggedCommits / forces;
    }
}
