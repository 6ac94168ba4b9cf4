package io.hallows.scheduler.frame;

import io.hallows.kernel.spi.Scheduler;
import io.hallows.kernel.spi.SchedulerContext;
import io.hallows.kernel.spi.Task;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Runs tasks in frames on a fixed-rate clock, earliest deadline first inside a frame (see the
 * package description for the design).
 */
final class FrameDeadlineScheduler implements Scheduler {
    /** {@link Task#NO_DEADLINE} is the largest long, so tasks without a deadline come last. */
    private static final Comparator<Task> EARLIEST_DEADLINE_FIRST =
            Comparator.comparingLong(Task::deadline).thenComparingLong(Task::sequence);

    private final SchedulerContext context;
    private final FrameClock clock;
    private final FrameStats stats = new FrameStats();
    private final ReentrantLock lock = new ReentrantLock();
    /** Signalled when a frame can start or has started, and when work arrives at an idle instance. */
    private final Condition changed = lock.newCondition();

    // Guarded by lock. The two queues swap roles at each tick, so a tick costs no copying.
    private PriorityQueue<Task> pending = new PriorityQueue<>(EARLIEST_DEADLINE_FIRST);
    private PriorityQueue<Task> frame = new PriorityQueue<>(EARLIEST_DEADLINE_FIRST);
    private int running;
    private long nextTickIndex;
    private long nextTick;
    private long frameStartedAt;
    private boolean closed;

    /** The grid time of the tick the current (or last) frame was formed at; read by tests. */
    private volatile long frameTick;

    FrameDeadlineScheduler(SchedulerContext context, int frameRate) {
        this.context = context;
        this.clock = new FrameClock(System.nanoTime(), frameRate);
        this.nextTick = clock.tick(nextTickIndex);
        for (int i = 0; i < context.parallelism(); i++) {
            context.startWorker(this::work);
        }
    }

    @Override
    public void submit(Task task) {
        lock.lock();
        try {
            if (pending.isEmpty() && !frameInProgress()) {
                long now = System.nanoTime();
                if (nextTick < now) {
                    // The ticks since the last frame passed with nothing to run: this task waits for the next one.
                    nextTickIndex = clock.firstTickFrom(now);
                    nextTick = clock.tick(nextTickIndex);
                }
                changed.signal(); // workers sleep untimed while idle: one must start watching the clock
            }
            pending.add(task);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public List<Task> handBack() {
        lock.lock();
        try {
            closed = true;
            List<Task> held = new ArrayList<>(frame);
            held.addAll(pending);
            frame.clear();
            pending.clear();
            changed.signalAll();
            return held;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Map<String, Object> metrics() {
        return stats.report(clock.rate());
    }

    /** The grid time of the tick the frame now running was formed at. */
    long frameTick() {
        return frameTick;
    }

    private void work() {
        try {
            for (Task task = next(); task != null; task = next()) {
                boolean ran = task.run();
                finished(task, ran, System.nanoTime());
            }
        } catch (InterruptedException e) {
            // switched out: the kernel takes back whatever this instance still holds
        }
    }

    /** Waits for the next task of the current frame, starting a frame when its tick is due; null when stopped. */
    private Task next() throws InterruptedException {
        lock.lock();
        try {
            while (!closed && context.active()) {
                Task task = frame.poll();
                if (task != null) {
                    running++;
                    return task;
                }
                if (running > 0 || pending.isEmpty()) {
                    changed.await(); // the frame's last tasks are running, or there is nothing to do
                    continue;
                }
                long now = System.nanoTime();
                if (now < nextTick) {
                    changed.awaitNanos(nextTick - now);
                } else {
                    startFrame(now);
                }
            }
            return null;
        } finally {
            lock.unlock();
        }
    }

    private void startFrame(long now) {
        PriorityQueue<Task> formed = pending;
        pending = frame;
        frame = formed;
        frameStartedAt = now;
        frameTick = nextTick;
        nextTickIndex++;
        long behind = clock.firstTickFrom(now) - nextTickIndex;
        if (behind > 0) {
            // The previous frame overran past more than one tick (or the workers were held up): skip
            // the ticks that passed instead of replaying them as a burst of frames.
            stats.ticksSkipped(behind);
            nextTickIndex += behind;
        }
        nextTick = clock.tick(nextTickIndex);
        changed.signalAll(); // every idle worker takes a share of the frame
    }

    private void finished(Task task, boolean ran, long doneAt) {
        lock.lock();
        try {
            running--;
            if (ran && doneAt > task.deadline()) {
                stats.deadlineMissed();
            }
            if (!closed && !frameInProgress()) {
                stats.frameDone(doneAt - frameStartedAt, doneAt > nextTick);
                changed.signalAll(); // the next frame may start, at once if this one overran
            }
        } finally {
            lock.unlock();
        }
    }

    private boolean frameInProgress() {
        return running > 0 || !frame.isEmpty();
    }
}
