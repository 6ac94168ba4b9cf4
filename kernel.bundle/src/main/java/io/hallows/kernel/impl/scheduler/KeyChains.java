package io.hallows.kernel.impl.scheduler;

import java.util.ArrayDeque;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Per-key order, kept by the kernel whatever the scheduler: a key has at most one task out with
 * schedulers at a time; later ones wait here (state {@link KernelTask#HELD}) and are released,
 * in submission order, as each predecessor completes. Because of this, a swap never has to wait
 * for the old scheduler's running tasks before the new one may start.
 *
 * <p>Each key has a {@link Chain}, locked on its own (never the map's bins): admitting a task or
 * releasing the next is one lock-free map read and one mostly uncontended monitor. A chain stays
 * in the map while its key is idle, so a key that goes idle and busy again between tasks (the
 * common case when workers keep up) costs no map insertion or removal; idle chains are swept out
 * when the map has doubled since the last sweep (and holds at least {@value #SWEEP_FLOOR}), so
 * memory follows the number of busy keys. A submitter that finds a chain just swept looks again.
 */
final class KeyChains {
    /** The map size below which idle chains are never swept. */
    static final int SWEEP_FLOOR = 1024;

    private final ConcurrentHashMap<String, Chain> chains = new ConcurrentHashMap<>();
    private final AtomicBoolean sweeping = new AtomicBoolean();
    /** Sweep when the map reaches this size; written only while sweeping. */
    private volatile int sweepAt = SWEEP_FLOOR;

    /** The tasks of one key waiting behind the one out with the schedulers; guarded by itself. */
    private static final class Chain {
        private final ArrayDeque<KernelTask> held = new ArrayDeque<>(4);
        /** A task of the key is out with the schedulers. */
        private boolean busy;
        /** Swept out of the map while idle: admissions go to a new chain. */
        private boolean retired;
    }

    /** True if the task may go to a scheduler now; otherwise it is held behind its key. */
    boolean admit(KernelTask task) {
        String key = task.key();
        for (;;) {
            Chain chain = chains.get(key);
            if (chain == null) {
                Chain fresh = new Chain();
                fresh.busy = true;
                chain = chains.putIfAbsent(key, fresh);
                if (chain == null) {
                    if (chains.size() >= sweepAt) {
                        sweep();
                    }
                    return true; // the key was unknown: this task is its one out
                }
            }
            synchronized (chain) {
                if (chain.retired) {
                    continue;
                }
                if (!chain.busy) {
                    chain.busy = true;
                    return true;
                }
                chain.held.add(task);
                return false;
            }
        }
    }

    /** After a task of {@code key} completed: the next one to release, or null (and the key is idle). */
    KernelTask next(String key) {
        Chain chain = chains.get(key); // busy, so never swept
        synchronized (chain) {
            KernelTask next = chain.held.poll();
            if (next == null) {
                chain.busy = false;
            }
            return next;
        }
    }

    /** How many keys have a chain now, idle ones not yet swept included. */
    int size() {
        return chains.size();
    }

    /** Removes idle chains, by one thread at a time; the next sweep waits until the map doubles. */
    private void sweep() {
        if (!sweeping.compareAndSet(false, true)) {
            return;
        }
        try {
            chains.forEach((key, chain) -> {
                synchronized (chain) {
                    if (!chain.busy) {
                        chain.retired = true;
                        chains.remove(key, chain);
                    }
                }
            });
            sweepAt = Math.max(SWEEP_FLOOR, 2 * chains.size());
        } finally {
            sweeping.set(false);
        }
    }
}
