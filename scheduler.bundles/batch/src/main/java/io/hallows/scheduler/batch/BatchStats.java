package io.hallows.scheduler.batch;

import java.util.Map;

/** What the batch policy reports: how well tasks coalesce, and what made batches go. */
final class BatchStats {
    private long batches;
    private long batchedTasks;
    private long maxBatchSize;
    private long flushedBySize;
    private long flushedByTime;

    synchronized void flushed(int size, boolean full) {
        batches++;
        batchedTasks += size;
        maxBatchSize = Math.max(maxBatchSize, size);
        if (full) {
            flushedBySize++;
        } else {
            flushedByTime++;
        }
    }

    synchronized Map<String, Object> report(int batchSize, long batchDelayMicros) {
        return Map.of(
                "batches", batches,
                "batchedTasks", batchedTasks,
                "meanBatchSize", batches == 0 ? 0.0 : (double) batchedTasks / batches,
                "maxBatchSize", maxBatchSize,
                "flushedBySize", flushedBySize,
                "flushedByTime", flushedByTime,
                "batchSize", batchSize,
                "batchDelayMicros", batchDelayMicros);
    }
}
