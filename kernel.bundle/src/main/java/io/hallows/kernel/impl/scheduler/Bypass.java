package io.hallows.kernel.impl.scheduler;

import java.util.ArrayDeque;
import java.util.function.Consumer;

/**
 * The kernel's FIFO queue that holds new submissions while a partition switches schedulers, so
 * that the new scheduler receives the handed-back tasks before any of them.
 */
final class Bypass implements Sink {
    private final ArrayDeque<KernelTask> queue = new ArrayDeque<>();
    private boolean open;

    @Override
    public synchronized boolean offer(KernelTask task) {
        if (!open) {
            return false;
        }
        task.placeWith(KernelTask.BYPASS);
        queue.add(task);
        return true;
    }

    synchronized void open() {
        open = true;
    }

    /**
     * Hands every held task, in order, to {@code drain}, then closes and runs {@code whileClosed}
     * (which points submitters elsewhere) before any submitter can offer again.
     */
    synchronized int closeInto(Consumer<KernelTask> drain, Runnable whileClosed) {
        int n = queue.size();
        for (KernelTask t; (t = queue.poll()) != null; ) {
            drain.accept(t);
        }
        open = false;
        whileClosed.run();
        return n;
    }

    synchronized int size() {
        return queue.size();
    }
}
