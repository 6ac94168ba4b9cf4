package io.hallows.kernel.impl.scheduler;

import java.util.ArrayDeque;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-key order, kept by the kernel whatever the scheduler: a key has at most one task out with
 * schedulers at a time; later ones wait here (state {@link KernelTask#HELD}) and are released,
 * in submission order, as each predecessor completes. Because of this, a swap never has to wait
 * for the old scheduler's running tasks before the new one may start.
 *
 * <p>A busy key has a {@link Chain} in the map, locked on its own (never the map's bins): the
 * common case, a key already busy, is one lock-free map read and one uncontended monitor. A chain
 * leaves the map when its key goes idle, so idle keys cost no memory; a submitter that finds a
 * chain just retired looks again.
 */
final class KeyChains {
    private final ConcurrentHashMap<String, Chain> chains = new ConcurrentHashMap<>();

    /** The tasks of one key waiting behind the one out with the schedulers; guarded by itself. */
    private static final class Chain {
        private ArrayDeque<KernelTask> held;
        /** The key went idle and this chain left the map: admissions go to a new one. */
        private boolean retired;
    }

    /** True if the task may go to a scheduler now; otherwise it is held behind its key. */
    boolean admit(KernelTask task) {
        String key = task.key();
        for (;;) {
            Chain chain = chains.get(key);
            if (chain == null) {
                chain = chains.putIfAbsent(key, new Chain());
                if (chain == null) {
                    return true; // the key was idle: this task is its one out
                }
            }
            synchronized (chain) {
                if (!chain.retired) {
                    if (chain.held == null) {
                        chain.held = new ArrayDeque<>(4);
                    }
                    chain.held.add(task);
                    return false;
                }
            }
        }
    }

    /** After a task of {@code key} completed: the next one to release, or null (and the key is idle). */
    KernelTask next(String key) {
        Chain chain = chains.get(key);
        synchronized (chain) {
            KernelTask next = chain.held == null ? null : chain.held.poll();
            if (next == null) {
                chain.retired = true;
                chains.remove(key, chain);
            }
            return next;
        }
    }
}
