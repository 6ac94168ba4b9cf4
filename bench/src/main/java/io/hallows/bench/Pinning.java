package io.hallows.bench;

import io.hallows.hal.api.CpuSet;
import io.hallows.hal.api.Hal;
import io.hallows.hal.api.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Pinning threads through the HAL for a harness, and checking that it took, from the pinned threads themselves. */
final class Pinning {
    private Pinning() {
    }

    /** Pins the calling thread to exactly {@code cpus} (null: leaves it alone), or fails saying why. */
    static void pinCurrent(Hal hal, CpuSet cpus) {
        if (cpus != null) {
            Outcome<CpuSet> pinned = hal.pin(cpus);
            if (!pinned.isSupported() || !pinned.value().equals(cpus)) {
                throw new IllegalStateException(Thread.currentThread().getName() + ": pinning to cpus " + cpus + " gave " + pinned);
            }
        }
    }

    /** Null when a thread can be pinned to exactly {@code cpus} here (tried on a thread of its own), else why not. */
    static String probe(Hal hal, CpuSet cpus) throws InterruptedException {
        FutureTask<Void> probe = new FutureTask<>(() -> pinCurrent(hal, cpus), null);
        Thread.ofPlatform().name("bench-pin-probe").start(probe);
        try {
            probe.get();
            return null;
        } catch (ExecutionException e) {
            return e.getCause().getMessage();
        }
    }

    /**
     * Runs one task on each of the partition's {@code workers} at once (a barrier keeps each on its
     * own worker) and requires each to be running on {@code cpu}, allowed on it alone.
     */
    static String requireWorkersOn(Hal hal, String partition, Executor executor, int workers, int cpu)
            throws InterruptedException, ExecutionException {
        CyclicBarrier together = new CyclicBarrier(workers);
        List<CompletableFuture<String>> answers = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            answers.add(CompletableFuture.supplyAsync(() -> {
                try {
                    together.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
                    throw new IllegalStateException("partition '" + partition + "': its " + workers + " workers did not all take a task", e);
                }
                int now = hal.currentCpu().value();
                CpuSet allowed = hal.affinity().value();
                if (now != cpu || !allowed.equals(CpuSet.of(cpu))) {
                    throw new IllegalStateException("partition '" + partition + "': worker " + Thread.currentThread().getName()
                            + " runs on cpu " + now + ", allowed " + allowed + "; expected cpu " + cpu + " only");
                }
                return Thread.currentThread().getName() + " on cpu " + now + " (allowed " + allowed + ")";
            }, executor));
        }
        List<String> found = new ArrayList<>();
        for (CompletableFuture<String> answer : answers) {
            found.add(answer.get());
        }
        return "partition '" + partition + "': " + String.join(", ", found);
    }
}
