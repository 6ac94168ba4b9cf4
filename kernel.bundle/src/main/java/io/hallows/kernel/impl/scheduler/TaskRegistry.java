package io.hallows.kernel.impl.scheduler;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Every task of a partition from its submission until it starts, in submission order; from start
 * to completion the lane running it counts it. This is what makes a scheduler unable to lose a
 * task: when one is switched out or aborted, the kernel takes back from here every task that
 * instance still owned, whatever the instance says.
 *
 * <p>Started tasks are dropped from the head by {@link #trim()}, which the watchdog calls.
 */
final class TaskRegistry {
    private final ConcurrentLinkedQueue<KernelTask> waiting = new ConcurrentLinkedQueue<>();

    void add(KernelTask task) {
        waiting.add(task);
    }

    /** Drops started tasks from the head. */
    void trim() {
        for (KernelTask head; (head = waiting.peek()) != null && head.state() < 0; ) {
            waiting.poll();
        }
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
