package io.hallows.kernel.impl.scheduler;

import java.util.ArrayDeque;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-key order, kept by the kernel whatever the scheduler: a key has at most one task out with
 * schedulers at a time; later ones wait here (state {@link KernelTask#HELD}) and are released,
 * in submission order, as each predecessor completes. Because of this, a swap never has to wait
 * for the old scheduler's running tasks before the new one may start.
 */
final class KeyChains {
    private final ConcurrentHashMap<String, ArrayDeque<KernelTask>> chains = new ConcurrentHashMap<>();

    /** True if the task may go to a scheduler now; otherwise it is held behind its key. */
    boolean admit(KernelTask task) {
        boolean[] now = new boolean[1];
        chains.compute(task.key(), (k, held) -> {
            if (held == null) {
                now[0] = true;
                return new ArrayDeque<>(2);
            }
            held.add(task);
            return held;
        });
        return now[0];
    }

    /** After a task of {@code key} completed: the next one to release, or null (and the key is idle). */
    KernelTask next(String key) {
        KernelTask[] next = new KernelTask[1];
        chains.computeIfPresent(key, (k, held) -> {
            next[0] = held.poll();
            return next[0] == null ? null : held;
        });
        return next[0];
    }
}
