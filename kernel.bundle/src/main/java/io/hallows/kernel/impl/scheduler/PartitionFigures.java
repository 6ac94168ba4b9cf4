package io.hallows.kernel.impl.scheduler;

import io.hallows.kernel.api.ExitReason;
import io.hallows.kernel.api.SchedulerStats;
import io.hallows.kernel.api.SwapRecord;
import io.hallows.kernel.impl.partition.PartitionConfig;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * A partition's running figures: task counts and latencies, its recent switches, its loops'
 * stalls, its tasks' overruns and the workers replaced. Written from workers, the swap protocol
 * and the watchdog, each through a method here; read as one {@link SchedulerStats}.
 *
 * <p>Task counts and latencies are not written here on the task path: each worker keeps its own
 * ({@link WorkerFigures}), registered here while it lives and folded into the retired totals when
 * it exits, so a snapshot adds up the live workers' and the retired figures under one lock.
 * Submissions are counted by the partition's sequence, which every task takes anyway.
 */
final class PartitionFigures {
    private static final int SWAPS_KEPT = 64;

    /** Guards the worker figures below (not the task path: only joins, exits and snapshots). */
    private final Object workerLock = new Object();
    private final HashSet<WorkerFigures> live = new HashSet<>();
    private long retiredStarted;
    private long retiredCompleted;
    private long retiredFailed;
    private final long[] retiredLatency = new long[LatencyHistogram.BUCKETS];
    private final ArrayDeque<SwapRecord> swaps = new ArrayDeque<>();
    private volatile SwapRecord lastExit;
    private final LongAdder stalls = new LongAdder();
    private volatile Stall lastStall;
    private final LongAdder overruns = new LongAdder();
    private final LongAdder replacedWorkers = new LongAdder();
    private volatile Overrun lastOverrun;

    /** A worker joins: its figures count from now on. */
    void workerJoined(WorkerFigures worker) {
        synchronized (workerLock) {
            live.add(worker);
        }
    }

    /** A worker exited: its figures move to the retired totals, in one step a snapshot cannot split. */
    void workerLeft(WorkerFigures worker) {
        synchronized (workerLock) {
            if (live.remove(worker)) {
                retiredStarted += worker.started();
                retiredCompleted += worker.completed();
                retiredFailed += worker.failed();
                worker.latencyInto(retiredLatency);
            }
        }
    }

    void swapped(SwapRecord record) {
        synchronized (swaps) {
            if (swaps.size() == SWAPS_KEPT) {
                swaps.removeFirst();
            }
            swaps.addLast(record);
        }
        if (record.reason() != ExitReason.OPERATOR) {
            lastExit = record;
        }
    }

    void stalled(Stall stall) {
        stalls.increment();
        lastStall = stall;
    }

    void overran(Overrun overrun) {
        overruns.increment();
        lastOverrun = overrun;
    }

    void workerReplaced() {
        replacedWorkers.increment();
    }

    /** @param submitted tasks submitted so far (the partition's sequence), read after the starts */
    SchedulerStats snapshot(String partition, Lane lane, PartitionConfig config, int loops, LongSupplier submitted) {
        Stall stall = lastStall;
        Overrun overrun = lastOverrun;
        long[] latency = new long[LatencyHistogram.BUCKETS];
        long starts;
        long completed;
        long failed;
        synchronized (workerLock) {
            // Completions are read before starts, so a task counted done is counted started too.
            completed = retiredCompleted;
            failed = retiredFailed;
            for (WorkerFigures w : live) {
                completed += w.completed();
                failed += w.failed();
                w.latencyInto(latency);
            }
            starts = retiredStarted;
            for (WorkerFigures w : live) {
                starts += w.started();
            }
            for (int i = 0; i < latency.length; i++) {
                latency[i] += retiredLatency[i];
            }
        }
        long done = completed + failed;
        long subs = submitted.getAsLong();
        List<SwapRecord> recent;
        synchronized (swaps) {
            recent = List.copyOf(swaps);
        }
        Map<String, Object> policy;
        try {
            policy = lane == null ? Map.of() : Map.copyOf(lane.scheduler().metrics());
        } catch (RuntimeException e) {
            policy = Map.of("error", "metrics() threw " + e);
        }
        return new SchedulerStats(partition, lane == null ? "-" : lane.choice.label(), config.workers(),
                config.watchdog().toMillis(), subs, completed, failed, Math.max(0, subs - starts),
                Math.max(0, starts - done), LatencyHistogram.quantile(latency, 0.5) / 1e3,
                LatencyHistogram.quantile(latency, 0.99) / 1e3, LatencyHistogram.quantile(latency, 0.999) / 1e3, recent,
                lastExit, policy, loops, stalls.sum(),
                stall == null ? null : stall.describe(), overruns.sum(), replacedWorkers.sum(),
                overrun == null ? null : overrun.describe());
    }
}
