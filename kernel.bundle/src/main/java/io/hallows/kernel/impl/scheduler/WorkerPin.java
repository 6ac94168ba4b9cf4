package io.hallows.kernel.impl.scheduler;

import io.hallows.hal.api.CpuSet;
import io.hallows.hal.api.Outcome;

/**
 * One of a partition's threads and what it is bound to, for {@code hallows:cores}: a worker the
 * kernel started for a scheduler, or a framework's loop thread the partition owns
 * ({@link io.hallows.kernel.api.PartitionExecutor#ownThread}).
 *
 * @param partition its partition
 * @param thread    its Java thread name
 * @param role      {@value #WORKER} for a scheduler's worker, else the role its framework gave it
 * @param tid       its kernel thread id, or -1 where unknown
 * @param pinned    the affinity read back after pinning, or why it is not pinned
 */
public record WorkerPin(String partition, String thread, String role, long tid, Outcome<CpuSet> pinned) {
    /** The role of the kernel's own worker threads. */
    public static final String WORKER = "worker";

    /** True for a framework's loop thread, false for a scheduler's worker. */
    public boolean isLoop() {
        return !WORKER.equals(role);
    }
}
