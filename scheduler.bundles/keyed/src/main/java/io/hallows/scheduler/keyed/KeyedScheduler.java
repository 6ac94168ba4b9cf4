package io.hallows.scheduler.keyed;

import io.hallows.kernel.spi.Scheduler;
import io.hallows.kernel.spi.SchedulerContext;
import io.hallows.kernel.spi.Task;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Key affinity: each key always goes to the same worker's FIFO queue, so a key's tasks run in
 * submission order on one thread; tasks without a key go round-robin. See the package
 * documentation for the design.
 */
final class KeyedScheduler implements Scheduler {
    private final SchedulerContext context;
    private final WorkerQueue[] queues;
    private final AtomicInteger nextUnkeyed = new AtomicInteger();
    private final LongAdder keyed = new LongAdder();
    private final LongAdder unkeyed = new LongAdder();
    private final LongAdder dropped = new LongAdder();

    KeyedScheduler(SchedulerContext context) {
        this.context = context;
        this.queues = new WorkerQueue[context.parallelism()];
        for (int i = 0; i < queues.length; i++) {
            queues[i] = new WorkerQueue();
        }
        for (WorkerQueue queue : queues) {
            context.startWorker(() -> work(queue));
        }
    }

    /**
     * The worker a key belongs to, among {@code workers}. {@link String#hashCode()} is specified by
     * the Java language, so a key keeps its worker across instances, restarts and JVMs as long as
     * the worker count stays the same.
     */
    static int workerFor(String key, int workers) {
        return Math.floorMod(key.hashCode(), workers);
    }

    @Override
    public void submit(Task task) {
        String key = task.key();
        int worker;
        if (key != null) {
            worker = workerFor(key, queues.length);
            keyed.increment();
        } else {
            worker = Math.floorMod(nextUnkeyed.getAndIncrement(), queues.length);
            unkeyed.increment();
        }
        queues[worker].add(task);
    }

    private void work(WorkerQueue queue) {
        try {
            while (context.active()) {
                Task task = queue.take();
                if (task == null) {
                    return; // handed back: nothing more to start
                }
                if (task.run()) {
                    queue.executed.incrementAndGet();
                } else {
                    dropped.increment(); // the kernel took it back meanwhile
                }
            }
        } catch (InterruptedException e) {
            // switched out: the kernel takes back what is queued
        }
    }

    @Override
    public List<Task> handBack() {
        List<Task> held = new ArrayList<>();
        for (WorkerQueue queue : queues) {
            queue.closeInto(held);
        }
        return held;
    }

    @Override
    public Map<String, Object> metrics() {
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("keyed", keyed.sum());
        metrics.put("unkeyed", unkeyed.sum());
        metrics.put("dropped", dropped.sum());
        for (int i = 0; i < queues.length; i++) {
            metrics.put("depth." + i, (long) queues[i].depth());
            metrics.put("executed." + i, queues[i].executed.get());
        }
        return metrics;
    }
}
