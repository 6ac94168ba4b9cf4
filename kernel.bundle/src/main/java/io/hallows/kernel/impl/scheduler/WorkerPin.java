package io.hallows.kernel.impl.scheduler;

import io.hallows.hal.api.CpuSet;
import io.hallows.hal.api.Outcome;

/**
 * A partition's worker thread and what it is bound to, for {@code hallows:cores}.
 *
 * @param partition its partition
 * @param thread    its Java thread name
 * @param tid       its kernel thread id, or -1 where unknown
 * @param pinned    the affinity read back after pinning, or why it is not pinned
 */
public record WorkerPin(String partition, String thread, long tid, Outcome<CpuSet> pinned) {
}
