package io.hallows.scheduler.batch;

import io.hallows.kernel.spi.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Tasks that run as one unit, in the order they were added: the tasks of one batch key, or a lone
 * task without one. Tasks are added only while it fills, under the scheduler's lock; once flushed
 * its worker and {@link #takeBack} share it through one atomic cursor.
 */
final class Batch {
    /** The batch key, or null for a lone task. */
    final String key;
    /** When its first task arrived, in {@link System#nanoTime()} units. */
    final long openedAt;
    private final List<Task> tasks = new ArrayList<>();
    /** Index of the next task to start; past the end once all are started or taken back. */
    private final AtomicInteger cursor = new AtomicInteger();

    Batch(String key, long openedAt) {
        this.key = key;
        this.openedAt = openedAt;
    }

    static Batch alone(Task task, long now) {
        Batch batch = new Batch(null, now);
        batch.add(task);
        return batch;
    }

    void add(Task task) {
        tasks.add(task);
    }

    int size() {
        return tasks.size();
    }

    /** Claims the next task for the worker running this batch; null when none is left to start. */
    Task claim() {
        int next = cursor.getAndIncrement();
        return next < tasks.size() ? tasks.get(next) : null;
    }

    /** Takes the tasks not yet claimed; none can be claimed afterwards. */
    List<Task> takeBack() {
        int from = Math.min(cursor.getAndSet(tasks.size()), tasks.size());
        return List.copyOf(tasks.subList(from, tasks.size()));
    }
}
