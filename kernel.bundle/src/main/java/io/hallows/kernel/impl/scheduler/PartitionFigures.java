package io.hallows.kernel.impl.scheduler;

import io.hallows.kernel.api.ExitReason;
import io.hallows.kernel.api.SchedulerStats;
import io.hallows.kernel.api.SwapRecord;
import io.hallows.kernel.impl.partition.PartitionConfig;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * A partition's running figures: task counts and latencies, its recent switches, its loops'
 * stalls, its tasks' overruns and the workers replaced. Written from submitters, workers, the swap
 * protocol and the watchdog, each through a method here; read as one {@link SchedulerStats}.
 */
final class PartitionFigures {
    private static final int SWAPS_KEPT = 64;

    private final LongAdder submitted = new LongAdder();
    private final LongAdder started = new LongAdder();
    private final LongAdder completed = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LatencyHistogram latency = new LatencyHistogram();
    private final ArrayDeque<SwapRecord> swaps = new ArrayDeque<>();
    private volatile SwapRecord lastExit;
    private final LongAdder stalls = new LongAdder();
    private volatile Stall lastStall;
    private final LongAdder overruns = new LongAdder();
    private final LongAdder replacedWorkers = new LongAdder();
    private volatile Overrun lastOverrun;

    void submitted() {
        submitted.increment();
    }

    void started() {
        started.increment();
    }

    void completed(long latencyNanos, boolean ok) {
        latency.record(latencyNanos);
        (ok ? completed : failed).increment();
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

    SchedulerStats snapshot(String partition, Lane lane, PartitionConfig config, int loops) {
        Stall stall = lastStall;
        Overrun overrun = lastOverrun;
        long subs = submitted.sum();
        long starts = started.sum();
        long done = completed.sum() + failed.sum();
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
                config.watchdog().toMillis(), subs, completed.sum(), failed.sum(), Math.max(0, subs - starts),
                Math.max(0, starts - done), latency.quantile(0.5) / 1e3, latency.quantile(0.99) / 1e3,
                latency.quantile(0.999) / 1e3, recent, lastExit, policy, loops, stalls.sum(),
                stall == null ? null : stall.describe(), overruns.sum(), replacedWorkers.sum(),
                overrun == null ? null : overrun.describe());
    }
}
