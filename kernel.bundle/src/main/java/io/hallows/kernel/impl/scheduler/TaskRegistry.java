package io.hallows.kernel.impl.scheduler;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Every task of a partition from its submission until it starts, in submission order; from start
 * to completion the lane running it counts it. This is what makes a scheduler unable to lose a
 * task: when one is switched out or aborted, the kernel takes back from here every task that
 * instance still owned, whatever the instance says.
 *
 * <p>The list is intrusive (each {@link KernelTask} links the next) and appended to with one
 * atomic exchange of the tail, as in Vyukov's multi-producer queue: no node is allocated and no
 * compare-and-set retried per task. An appender links its predecessor right after the exchange;
 * until it does, the list has a gap that a walker must wait out if it needs every task
 * ({@link #transfer}).
 *
 * <p>Started tasks are dropped from the head in bulk, by one thread at a time: a submitter every
 * {@value #TRIM_EVERY} submissions, and anyone who asks {@link #size()}. A task that never starts
 * holds everything behind it, until a switch or abort moves it and it runs; otherwise at most
 * about {@value #TRIM_EVERY} started tasks stay referenced after the last submission.
 */
final class TaskRegistry {
    /** Submissions between two trims (a power of two). */
    static final int TRIM_EVERY = 64;
    private static final VarHandle TAIL;
    private static final VarHandle TRIMMING;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            TAIL = lookup.findVarHandle(TaskRegistry.class, "tail", KernelTask.class);
            TRIMMING = lookup.findVarHandle(TaskRegistry.class, "trimming", boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** A started (or sentinel) task: the list proper begins at its successor. Written only while trimming. */
    private volatile KernelTask head;
    @SuppressWarnings("unused") // through TAIL
    private volatile KernelTask tail;
    /** Held by the one thread trimming. */
    @SuppressWarnings("unused") // through TRIMMING
    private volatile boolean trimming;

    TaskRegistry() {
        KernelTask sentinel = KernelTask.sentinel();
        head = sentinel;
        tail = sentinel;
    }

    void add(KernelTask task) {
        KernelTask previous = (KernelTask) TAIL.getAndSet(this, task);
        previous.linkNext(task);
        if ((task.sequence() & (TRIM_EVERY - 1)) == 0) {
            trim();
        }
    }

    /** Drops started tasks from the head, unless another thread is doing so. */
    void trim() {
        if (!TRIMMING.compareAndSet(this, false, true)) {
            return;
        }
        try {
            KernelTask h = head;
            for (KernelTask n; (n = h.next()) != null && n.state() < 0; ) {
                h = n;
            }
            head = h;
        } finally {
            TRIMMING.setRelease(this, false);
        }
    }

    /** How many tasks it holds after trimming, started ones behind an unstarted task included. */
    int size() {
        trim();
        return held();
    }

    /** How many tasks it holds now, without trimming first: what it keeps referenced. */
    int held() {
        int n = 0;
        for (KernelTask t = head.next(); t != null; t = t.next()) {
            n++;
        }
        return n;
    }

    /**
     * Moves every task still owned by epoch {@code from} to epoch {@code to}, and returns them in
     * submission order. A task the old instance starts concurrently is either moved or run, never both.
     * Every task offered to {@code from} must have been appended before this is called (the lane's
     * gate is closed and quiet): they all lie before the tail read here, gaps waited out.
     */
    List<KernelTask> transfer(int from, int to) {
        List<KernelTask> moved = new ArrayList<>();
        KernelTask t = head; // before the tail: the head never passes the tail read after it
        KernelTask last = tail;
        for (int spins = 0; t != last; ) {
            KernelTask n = t.next();
            if (n == null) { // an appender between its exchange and its link: a few instructions, unless preempted
                if (++spins % 128 == 0) {
                    Thread.yield();
                } else {
                    Thread.onSpinWait();
                }
                continue;
            }
            if (n.state() == from && n.transfer(from, to)) {
                moved.add(n);
            }
            t = n;
        }
        moved.sort(Comparator.comparingLong(KernelTask::sequence));
        return moved;
    }

    /** The oldest task owned by epoch {@code owner}, looking at most {@code limit} entries deep; null if none. */
    KernelTask oldestOwnedBy(int owner, int limit) {
        KernelTask t = head.next();
        for (int i = 0; i < limit && t != null; i++, t = t.next()) {
            if (t.state() == owner) {
                return t;
            }
        }
        return null;
    }
}
