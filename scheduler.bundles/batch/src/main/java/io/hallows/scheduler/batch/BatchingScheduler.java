package io.hallows.scheduler.batch;

import io.hallows.kernel.spi.Scheduler;
import io.hallows.kernel.spi.SchedulerContext;
import io.hallows.kernel.spi.Task;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Coalesces tasks by batch key and runs each batch as one unit on one worker (see the package
 * description for the design).
 */
final class BatchingScheduler implements Scheduler {
    private final SchedulerContext context;
    private final int batchSize;
    private final long delayNanos;
    private final BatchStats stats = new BatchStats();
    private final ReentrantLock lock = new ReentrantLock();
    /** Signalled when a unit becomes ready, and when a batch starts filling (an idle worker times it). */
    private final Condition changed = lock.newCondition();

    // Guarded by lock.
    /** The batch filling for each key, oldest first: the head is the next one due by time. */
    private final LinkedHashMap<String, Batch> filling = new LinkedHashMap<>();
    /** Keys with a batch ready or running, each with the flushed batches that wait behind it. */
    private final Map<String, ArrayDeque<Batch>> behind = new HashMap<>();
    private final ArrayDeque<Batch> ready = new ArrayDeque<>();
    private final Set<Batch> running = new HashSet<>();
    private boolean closed;

    BatchingScheduler(SchedulerContext context, int batchSize, long delayNanos) {
        this.context = context;
        this.batchSize = batchSize;
        this.delayNanos = delayNanos;
        for (int i = 0; i < context.parallelism(); i++) {
            context.startWorker(this::work);
        }
    }

    @Override
    public void submit(Task task) {
        lock.lock();
        try {
            long now = System.nanoTime();
            flushDue(now); // keeps the delay honest while every worker is busy
            String key = task.batchKey();
            if (key == null) {
                makeReady(Batch.alone(task, now));
                return;
            }
            Batch batch = filling.get(key);
            if (batch == null) {
                batch = new Batch(key, now);
                filling.put(key, batch);
                changed.signal();
            }
            batch.add(task);
            if (batch.size() >= batchSize) {
                filling.remove(key);
                flush(batch, true);
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public List<Task> handBack() {
        lock.lock();
        try {
            closed = true;
            List<Batch> held = new ArrayList<>(filling.values());
            held.addAll(ready);
            behind.values().forEach(held::addAll);
            held.addAll(running); // their workers start none of the rest once taken back
            filling.clear();
            ready.clear();
            behind.clear();
            running.clear();
            changed.signalAll();
            List<Task> tasks = new ArrayList<>();
            held.forEach(batch -> tasks.addAll(batch.takeBack()));
            return tasks;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Map<String, Object> metrics() {
        return stats.report(batchSize, TimeUnit.NANOSECONDS.toMicros(delayNanos));
    }

    private void work() {
        try {
            for (Batch batch = next(); batch != null; batch = next()) {
                for (Task task = batch.claim(); task != null; task = batch.claim()) {
                    task.run(); // false: no longer this instance's, nothing to do
                }
                done(batch);
            }
        } catch (InterruptedException e) {
            // switched out: the kernel takes back whatever this instance still holds
        }
    }

    /** Waits for a unit to run, flushing batches that are due; null when stopped. */
    private Batch next() throws InterruptedException {
        lock.lock();
        try {
            while (!closed && context.active()) {
                long now = System.nanoTime();
                flushDue(now);
                Batch batch = ready.poll();
                if (batch != null) {
                    running.add(batch);
                    return batch;
                }
                if (filling.isEmpty()) {
                    changed.await();
                } else {
                    changed.awaitNanos(filling.values().iterator().next().openedAt + delayNanos - now);
                }
            }
            return null;
        } finally {
            lock.unlock();
        }
    }

    /** Releases the key of a finished batch to its next batch, if one waits. */
    private void done(Batch batch) {
        lock.lock();
        try {
            if (running.remove(batch) && batch.key != null) {
                ArrayDeque<Batch> waiting = behind.get(batch.key);
                Batch next = waiting.poll();
                if (next == null) {
                    behind.remove(batch.key);
                } else {
                    makeReady(next);
                }
            }
        } finally {
            lock.unlock();
        }
    }

    private void flushDue(long now) {
        for (Iterator<Batch> oldest = filling.values().iterator(); oldest.hasNext(); ) {
            Batch batch = oldest.next();
            if (now - batch.openedAt < delayNanos) {
                return; // the rest opened later
            }
            oldest.remove();
            flush(batch, false);
        }
    }

    private void flush(Batch batch, boolean full) {
        stats.flushed(batch.size(), full);
        ArrayDeque<Batch> waiting = behind.get(batch.key);
        if (waiting != null) {
            waiting.add(batch);
            return;
        }
        behind.put(batch.key, new ArrayDeque<>());
        makeReady(batch);
    }

    private void makeReady(Batch batch) {
        ready.add(batch);
        changed.signal();
    }
}
