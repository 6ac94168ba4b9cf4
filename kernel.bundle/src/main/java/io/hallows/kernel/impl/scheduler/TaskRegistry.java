package io.hallows.kernel.impl.scheduler;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Every task of a partition from its submission until it starts, in submission order; from start
 * to completion the lane running it counts it. This is what makes a scheduler unable to lose a
 * task: when one is switched out or aborted, the kernel takes back from here every task that
 * instance still owned, whatever the instance says.
 *
 * <p>The registry keeps itself trimmed: each time a task starts, started tasks are dropped from
 * the head, by one thread at a time (the others skip it: the next start trims for them). A task
 * that never starts holds everything behind it, until a switch or abort moves it and it runs.
 */
final class TaskRegistry {
    private final ConcurrentLinkedQueue<KernelTask> waiting = new ConcurrentLinkedQueue<>();
    /** Held by the one thread trimming; only that thread removes from the queue, so peek-then-poll is safe. */
    private final AtomicBoolean trimming = new AtomicBoolean();

    void add(KernelTask task) {
        waiting.add(task);
    }

    /** A task has started: drops started tasks from the head, unless another thread is doing so. */
    void started() {
        // Looks again after letting go: a task that started while this thread trimmed, whose own
        // thread found the trimming taken, is dropped here instead of waiting for the next start.
        while (headStarted() && trimming.compareAndSet(false, true)) {
            try {
                while (headStarted()) {
                    waiting.poll();
                }
            } finally {
                trimming.set(false);
            }
        }
    }

    private boolean headStarted() {
        KernelTask head = waiting.peek();
        return head != null && head.state() < 0;
    }

    /** How many tasks it holds, started ones not yet trimmed included. */
    int size() {
        return waiting.size();
    }

    /**
     * Moves every task still owned by epoch {@code from} to epoch {@code to}, and returns them in
     * submission order. A task the old instance starts concurrently is either moved or run, never both.
     */
    List<KernelTask> transfer(int from, int to) {
        List<KernelTask> moved = new ArrayList<>();
        for (KernelTask t : waiting) {
            if (t.state() == from && t.transfer(from, to)) {
                moved.add(t);
            }
        }
        moved.sort(Comparator.comparingLong(KernelTask::sequence));
        return moved;
    }

    /** The oldest task owned by epoch {@code owner}, looking at most {@code limit} entries deep; null if none. */
    KernelTask oldestOwnedBy(int owner, int limit) {
        Iterator<KernelTask> it = waiting.iterator();
        for (int i = 0; i < limit && it.hasNext(); i++) {
            KernelTask t = it.next();
            if (t.state() == owner) {
                return t;
            }
        }
        return null;
    }
}
