package io.hallows.kernel.impl.scheduler;

import io.hallows.hal.api.CpuSet;
import io.hallows.hal.api.Outcome;
import io.hallows.kernel.impl.hal.HalBinding;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Every live thread of one partition: the workers of each of its lanes, and the framework loops
 * it owns. Each thread records its id and pins itself to the partition's cpus as it joins; when
 * the cpus change or a HAL arrives late, all of them are pinned again by id. Never throws on a
 * pinning failure: a thread that cannot be pinned runs unpinned and says why.
 */
final class ThreadRoster {
    private final String partition;
    private final Supplier<CpuSet> cpus;
    private final Pinner pinner;
    /** Guarded by {@code this}, which is also the lock pinning happens under, so the last cpus win. */
    private final Set<LaneThread> workers = new HashSet<>();
    private final Set<LoopThread> loops = new HashSet<>();

    ThreadRoster(String partition, Supplier<CpuSet> cpus, Pinner pinner) {
        this.partition = partition;
        this.cpus = cpus;
        this.pinner = pinner;
    }

    /** Run by each worker as it starts, before its scheduler's loop. */
    synchronized void workerStarting(LaneThread worker) {
        worker.tid = HalBinding.currentThreadId();
        workers.add(worker);
        worker.pinned = pinCurrent(cpus.get());
    }

    synchronized void workerExited(LaneThread worker) {
        workers.remove(worker);
    }

    /** The calling thread becomes one of the partition's loops: recorded, pinned, watched. */
    synchronized LoopThread loopStarting(String role, LongSupplier busySince) {
        LoopThread loop = new LoopThread(Thread.currentThread(), role, busySince, HalBinding.currentThreadId());
        loops.add(loop);
        loop.pinned = pinCurrent(cpus.get());
        return loop;
    }

    synchronized void loopExited(LoopThread loop) {
        loops.remove(loop);
    }

    private Outcome<CpuSet> pinCurrent(CpuSet to) {
        try {
            return pinner.pinCurrent(to);
        } catch (RuntimeException e) {
            return Outcome.unsupported("pinning failed: " + e);
        }
    }

    private Outcome<CpuSet> pin(long tid, CpuSet to) {
        try {
            return pinner.pin(tid, to);
        } catch (RuntimeException e) {
            return Outcome.unsupported("pinning failed: " + e);
        }
    }

    /**
     * Pins every live thread again, workers of every lane (a new lane's may not be active yet)
     * and loops. A thread joining meanwhile pins itself under the same lock, reading the cpus then.
     *
     * @return what each thread is pinned to now
     */
    synchronized List<Outcome<CpuSet>> rebind() {
        CpuSet to = cpus.get();
        List<Outcome<CpuSet>> outcomes = new ArrayList<>();
        for (LaneThread worker : workers) {
            if (worker.tid >= 0) {
                worker.pinned = pin(worker.tid, to);
                outcomes.add(worker.pinned);
            }
        }
        for (LoopThread loop : loops) {
            if (loop.tid >= 0) {
                loop.pinned = pin(loop.tid, to);
                outcomes.add(loop.pinned);
            }
        }
        return outcomes;
    }

    /** Each live thread with what it is pinned to: workers, then loops. */
    synchronized List<WorkerPin> list() {
        List<WorkerPin> all = new ArrayList<>();
        workers.forEach(t -> all.add(new WorkerPin(partition, t.getName(), WorkerPin.WORKER, t.tid, t.pinned)));
        loops.forEach(l -> all.add(new WorkerPin(partition, l.thread.getName(), l.role, l.tid, l.pinned)));
        return all;
    }

    /** The workers alive now, of every lane (written-off ones included), for the watchdog. */
    synchronized List<LaneThread> workers() {
        return List.copyOf(workers);
    }

    /** The loops alive now, for the watchdog. */
    synchronized List<LoopThread> loops() {
        return List.copyOf(loops);
    }

    synchronized int loopCount() {
        return loops.size();
    }
}
