package io.hallows.kernel.impl.scheduler;

import io.hallows.kernel.spi.Scheduler;
import io.hallows.kernel.spi.SchedulerContext;
import io.hallows.kernel.spi.SchedulerFactory;
import io.hallows.kernel.spi.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.locks.LockSupport;

/**
 * The kernel's built-in policy, and the one a partition reverts to when the watchdog aborts its
 * scheduler: one shared FIFO queue drained by the partition's workers. Simple enough to trust.
 *
 * <p>The queue is lock-free; an idle worker polls it a little while before it parks, and a
 * submitter wakes a parked worker only when one is asleep, so a steady stream of tasks costs no
 * lock and no wake-up system call per task (a {@code LinkedBlockingQueue} signals its condition on
 * every offer). No wake-up is lost: a worker announces it sleeps, then polls once more before it
 * parks; a submitter offers, then looks for a sleeper — one of the two sees the other.
 */
final class FifoScheduler implements Scheduler {
    static final String NAME = "fifo";
    static final SchedulerFactory FACTORY = FifoScheduler::new;
    /**
     * Polls of an empty queue before an idle worker parks. Between two polls it pauses longer
     * each time (1, 2, 4 … {@value #MAX_BACKOFF} spin-waits): a worker polling an empty queue
     * reads the very node a submitter is appending to, and polling it back to back would take
     * that cache line from the submitter on every task. About 20 µs in all before parking.
     */
    private static final int SPINS = 64;
    private static final int MAX_BACKOFF = 64;

    private final ConcurrentLinkedQueue<Task> queue = new ConcurrentLinkedQueue<>();
    private final SchedulerContext context;
    /** By worker index: the worker now in that slot (a replacement takes its predecessor's). */
    private final Thread[] workers;
    /** By worker index: 1 while that worker is parked or about to park. */
    private final AtomicIntegerArray sleeping;

    private FifoScheduler(SchedulerContext context) {
        this.context = context;
        this.workers = new Thread[context.parallelism()];
        this.sleeping = new AtomicIntegerArray(context.parallelism());
        for (int i = 0; i < context.parallelism(); i++) {
            context.startWorker(this::work);
        }
    }

    private void work() {
        int self = context.workerIndex();
        synchronized (workers) {
            workers[self] = Thread.currentThread();
        }
        int idle = 0;
        while (context.active()) {
            Task task = queue.poll();
            if (task != null) {
                idle = 0;
                task.run();
            } else if (++idle < SPINS) {
                for (int k = Math.min(1 << Math.min(idle, 6), MAX_BACKOFF); k > 0; k--) {
                    Thread.onSpinWait();
                }
            } else {
                sleeping.set(self, 1);
                task = queue.poll(); // after announcing: a submitter that offered before it saw no sleeper
                if (task == null && context.active()) {
                    LockSupport.park(this); // returns when woken, interrupted (switched out) or spuriously
                    if (context.active()) {
                        Thread.interrupted(); // not switched out: a stray interrupt must not turn parking into spinning
                    }
                }
                sleeping.set(self, 0);
                idle = 0;
                if (task != null) {
                    task.run();
                }
            }
        }
    }

    @Override
    public void submit(Task task) {
        queue.offer(task);
        for (int i = 0; i < workers.length; i++) {
            if (sleeping.get(i) == 1 && sleeping.compareAndSet(i, 1, 0)) {
                Thread worker;
                synchronized (workers) {
                    worker = workers[i];
                }
                LockSupport.unpark(worker);
                return;
            }
        }
    }

    @Override
    public List<Task> handBack() {
        List<Task> held = new ArrayList<>();
        for (Task t; (t = queue.poll()) != null; ) {
            held.add(t);
        }
        return held;
    }
}
