package io.hallows.db.oltp.impl.store;

/**
 * Counters of an {@link MvccStore}, for {@code db:stats} and the database's statistics.
 *
 * @param commits transactions committed (those that wrote, and serializable readers)
 * @param rollbacks transactions rolled back (explicitly, or after a failure)
 * @param serializationFailures 40001 failures raised (write conflicts and refused validations)
 * @param deadlocks 40P01 failures raised
 * @param tables tables in the catalog
 * @param liveRows rows visible to a new snapshot, approximately
 * @param versions row versions held (live rows, old versions, uncommitted writes)
 * @param memoryUsed estimated bytes the versions hold
 * @param memoryLimit the configured limit in bytes
 * @param activeTransactions transactions running now
 */
public record StoreStats(long commits, long rollbacks, long serializationFailures, long deadlocks, int tables,
        long liveRows, long versions, long memoryUsed, long memoryLimit, int activeTransactions) {
}
