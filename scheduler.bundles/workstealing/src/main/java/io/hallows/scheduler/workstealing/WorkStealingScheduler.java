package io.hallows.scheduler.workstealing;

import io.hallows.kernel.spi.Scheduler;
import io.hallows.kernel.spi.SchedulerContext;
import io.hallows.kernel.spi.Task;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One deque per worker; workers run their own deque oldest first and, when it is empty, steal the
 * newest task of another worker's deque. See the package documentation for the design.
 */
final class WorkStealingScheduler implements Scheduler {
    /** How long an idle worker sleeps without being woken: only a safety net, submit wakes it. */
    private static final long PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private final SchedulerContext context;
    private final boolean steal;
    private final Worker[] workers;
    private final AtomicInteger nextExternal = new AtomicInteger();
    private final LongAdder steals = new LongAdder();
    private final LongAdder localSubmits = new LongAdder();
    private final LongAdder externalSubmits = new LongAdder();
    private final LongAdder dropped = new LongAdder();
    private volatile boolean closed;

    WorkStealingScheduler(SchedulerContext context) {
        this.context = context;
        this.steal = flag(context, "steal", true);
        this.workers = new Worker[context.parallelism()];
        for (int i = 0; i < workers.length; i++) {
            workers[i] = new Worker(i);
        }
        // All workers exist before any loop runs, since a loop may steal from any of them.
        for (Worker worker : workers) {
            context.startWorker(() -> work(worker));
        }
    }

    private static boolean flag(SchedulerContext context, String option, boolean otherwise) {
        String value = context.option(option, String.valueOf(otherwise)).trim();
        if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
            throw new IllegalArgumentException("partition '" + context.partition() + "': scheduler." + option
                    + " must be true or false, not '" + value + "'");
        }
        return Boolean.parseBoolean(value);
    }

    @Override
    public void submit(Task task) {
        int self = context.workerIndex();
        Worker owner;
        if (self >= 0) {
            owner = workers[self]; // a task's children stay where its data is warm; thieves spread them
            localSubmits.increment();
        } else {
            owner = workers[Math.floorMod(nextExternal.getAndIncrement(), workers.length)];
            externalSubmits.increment();
        }
        owner.deque.offerLast(task);
        wakeFor(owner);
    }

    /** Wakes the owner of a new task or, when it is busy, one idle worker that can steal it. */
    private void wakeFor(Worker owner) {
        if (owner.wake() || !steal) {
            return;
        }
        for (int i = 1; i < workers.length; i++) {
            if (workers[(owner.index + i) % workers.length].wake()) {
                return;
            }
        }
    }

    private void work(Worker self) {
        self.thread = Thread.currentThread();
        while (context.active() && !Thread.currentThread().isInterrupted()) {
            Task task = take(self);
            if (task != null) {
                if (task.run()) {
                    self.executed.incrementAndGet();
                } else {
                    dropped.increment(); // the kernel took it back meanwhile
                }
            } else if (closed) {
                return; // handed back: nothing more to start
            } else {
                idle(self);
            }
        }
    }

    /** Its own oldest task, else another worker's newest; null if none, or once handed back. */
    private Task take(Worker self) {
        self.taking.lock();
        try {
            if (closed) {
                return null;
            }
            Task task = self.deque.pollFirst();
            return task != null || !steal ? task : stealFor(self);
        } finally {
            self.taking.unlock();
        }
    }

    private Task stealFor(Worker thief) {
        // A random first victim keeps idle workers from all raiding the same one.
        int start = ThreadLocalRandom.current().nextInt(workers.length);
        for (int i = 0; i < workers.length; i++) {
            Worker victim = workers[(start + i) % workers.length];
            Task task = victim == thief ? null : victim.deque.pollLast();
            if (task != null) {
                steals.increment();
                return task;
            }
        }
        return null;
    }

    /**
     * Parks until a submit wakes this worker. It announces itself as parked before looking for
     * work one last time, so a submit either sees it parked and wakes it, or it sees the task.
     */
    private void idle(Worker self) {
        self.parked.set(true);
        if (!hasWork(self)) {
            LockSupport.parkNanos(this, PARK_NANOS);
        }
        self.parked.set(false);
    }

    private boolean hasWork(Worker self) {
        if (closed) {
            return false;
        }
        if (!steal) {
            return !self.deque.isEmpty();
        }
        for (Worker worker : workers) {
            if (!worker.deque.isEmpty()) {
                return true;
            }
        }
        return false;
    }

    @Override
    public List<Task> handBack() {
        closed = true;
        // Taking each worker's lock once waits out a take in progress; any later take sees closed.
        // So every task is either taken (it will run) or still in a deque (returned), never both.
        for (Worker worker : workers) {
            worker.taking.lock();
            worker.taking.unlock();
        }
        List<Task> held = new ArrayList<>();
        for (Worker worker : workers) {
            for (Task task; (task = worker.deque.pollFirst()) != null; ) {
                held.add(task);
            }
            worker.wake(); // so idle loops see closed and return
        }
        return held;
    }

    @Override
    public Map<String, Object> metrics() {
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("steals", steals.sum());
        metrics.put("submitted.local", localSubmits.sum());
        metrics.put("submitted.external", externalSubmits.sum());
        metrics.put("dropped", dropped.sum());
        for (Worker worker : workers) {
            metrics.put("executed." + worker.index, worker.executed.get());
        }
        return metrics;
    }

    private static final class Worker {
        final int index;
        final ConcurrentLinkedDeque<Task> deque = new ConcurrentLinkedDeque<>();
        /** Held while this worker takes a task, so that handBack can wait out a take in progress. */
        final ReentrantLock taking = new ReentrantLock();
        final AtomicBoolean parked = new AtomicBoolean();
        /** Written by this worker only. */
        final AtomicLong executed = new AtomicLong();
        /** Set by the worker's own loop before it can park, so a waker never sees it unset. */
        volatile Thread thread;

        Worker(int index) {
            this.index = index;
        }

        /** Unparks this worker if it is parked; only one waker wins, the others look further. */
        boolean wake() {
            if (parked.get() && parked.compareAndSet(true, false)) {
                LockSupport.unpark(thread);
                return true;
            }
            return false;
        }
    }
}
