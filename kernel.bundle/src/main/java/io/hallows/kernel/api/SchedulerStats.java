package io.hallows.kernel.api;

import java.util.List;
import java.util.Map;

/**
 * A partition's scheduling figures at one moment. Latencies run from submission to completion.
 *
 * @param partition the partition's name
 * @param scheduler the active scheduler, as {@code name/bundle-version}
 * @param workers the number of worker threads
 * @param watchdogMillis the watchdog's bound: longest a task may stay runnable, a task may run, and a loop thread
 *        may be busy with one unit of work
 * @param submitted tasks submitted since the partition was declared
 * @param completed tasks that ran and returned
 * @param failed tasks that ran and threw
 * @param queued tasks submitted and not yet started (waiting in a scheduler, the bypass or behind their key)
 * @param running tasks running now
 * @param p50Micros median task latency, in microseconds
 * @param p99Micros 99th percentile latency, in microseconds
 * @param p999Micros 99.9th percentile latency, in microseconds
 * @param swaps the partition's recent scheduler switches, oldest first
 * @param lastExit the most recent switch whose reason was not an operator's, or null
 * @param policy the active policy's own figures
 * @param loops the partition's own loop threads alive now (see {@link PartitionExecutor#ownThread})
 * @param stalls how many times one of those loops was busy with one unit of work for longer than the watchdog bound
 * @param lastStall the latest such stall: which thread, for how long, and its stack; or null
 * @param overruns how many tasks ran for longer than the watchdog bound (each counted once; the
 *        kernel interrupted each one's worker and reported it as the partition's fault)
 * @param replacedWorkers how many workers stayed in an overrunning task after the interrupt and
 *        were written off and replaced by fresh ones, so the partition kept its {@code workers}
 * @param lastOverrun the latest overrun: which task, who submitted it, for how long, and its stack; or null
 * @since 0.4.0 for {@code overruns}, {@code replacedWorkers} and {@code lastOverrun}
 */
public record SchedulerStats(String partition, String scheduler, int workers, long watchdogMillis, long submitted,
        long completed, long failed, long queued, long running, double p50Micros, double p99Micros, double p999Micros,
        List<SwapRecord> swaps, SwapRecord lastExit, Map<String, Object> policy, int loops, long stalls, String lastStall,
        long overruns, long replacedWorkers, String lastOverrun) {

    /** Figures of a partition whose tasks never overran. */
    public SchedulerStats(String partition, String scheduler, int workers, long watchdogMillis, long submitted,
            long completed, long failed, long queued, long running, double p50Micros, double p99Micros, double p999Micros,
            List<SwapRecord> swaps, SwapRecord lastExit, Map<String, Object> policy, int loops, long stalls, String lastStall) {
        this(partition, scheduler, workers, watchdogMillis, submitted, completed, failed, queued, running, p50Micros, p99Micros,
                p999Micros, swaps, lastExit, policy, loops, stalls, lastStall, 0, 0, null);
    }

    /** Figures of a partition that has no loop threads of its own. */
    public SchedulerStats(String partition, String scheduler, int workers, long watchdogMillis, long submitted,
            long completed, long failed, long queued, long running, double p50Micros, double p99Micros, double p999Micros,
            List<SwapRecord> swaps, SwapRecord lastExit, Map<String, Object> policy) {
        this(partition, scheduler, workers, watchdogMillis, submitted, completed, failed, queued, running, p50Micros, p99Micros,
                p999Micros, swaps, lastExit, policy, 0, 0, null, 0, 0, null);
    }
}
