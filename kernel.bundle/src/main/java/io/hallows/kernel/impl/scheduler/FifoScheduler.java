package io.hallows.kernel.impl.scheduler;

import io.hallows.kernel.spi.Scheduler;
import io.hallows.kernel.spi.SchedulerContext;
import io.hallows.kernel.spi.SchedulerFactory;
import io.hallows.kernel.spi.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The kernel's built-in policy, and the one a partition reverts to when the watchdog aborts its
 * scheduler: one shared FIFO queue drained by the partition's workers. Simple enough to trust.
 */
final class FifoScheduler implements Scheduler {
    static final String NAME = "fifo";
    static final SchedulerFactory FACTORY = FifoScheduler::new;

    private final LinkedBlockingQueue<Task> queue = new LinkedBlockingQueue<>();
    private final SchedulerContext context;

    private FifoScheduler(SchedulerContext context) {
        this.context = context;
        for (int i = 0; i < context.parallelism(); i++) {
            context.startWorker(this::work);
        }
    }

    private void work() {
        while (context.active()) {
            try {
                queue.take().run();
            } catch (InterruptedException e) {
                return; // switched out: the kernel has taken back what is queued
            }
        }
    }

    @Override
    public void submit(Task task) {
        queue.add(task);
    }

    @Override
    public List<Task> handBack() {
        List<Task> held = new ArrayList<>();
        queue.drainTo(held);
        return held;
    }
}
