package io.hallows.scheduler.keyed;

import io.hallows.kernel.spi.Task;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One worker's FIFO queue, like a Kafka partition: many submitters, one consumer (its worker).
 * A plain lock serves because only this queue's submitters and its one worker ever meet on it,
 * and it makes closing exact: the worker checks {@code closed} and takes under the same lock
 * that {@link #closeInto} holds while it drains.
 */
final class WorkerQueue {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition nonEmpty = lock.newCondition();
    private final ArrayDeque<Task> tasks = new ArrayDeque<>();
    private boolean closed;
    /** Written by this queue's worker only. */
    final AtomicLong executed = new AtomicLong();

    void add(Task task) {
        lock.lock();
        try {
            tasks.addLast(task);
            nonEmpty.signal();
        } finally {
            lock.unlock();
        }
    }

    /**
     * The oldest task, waiting for one if there is none.
     *
     * @return the task, or null once the queue is closed
     * @throws InterruptedException if the worker is interrupted while it waits
     */
    Task take() throws InterruptedException {
        lock.lock();
        try {
            while (!closed && tasks.isEmpty()) {
                nonEmpty.await();
            }
            return closed ? null : tasks.pollFirst();
        } finally {
            lock.unlock();
        }
    }

    /** Closes the queue, so its worker starts nothing more, and moves what it held to {@code held}. */
    void closeInto(List<Task> held) {
        lock.lock();
        try {
            closed = true;
            held.addAll(tasks);
            tasks.clear();
            nonEmpty.signal(); // a waiting worker sees closed and returns
        } finally {
            lock.unlock();
        }
    }

    int depth() {
        lock.lock();
        try {
            return tasks.size();
        } finally {
            lock.unlock();
        }
    }
}
