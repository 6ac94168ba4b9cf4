package io.hallows.kernel.impl.scheduler;

import io.hallows.kernel.api.ExitReason;
import io.hallows.kernel.api.SwapRecord;
import io.hallows.kernel.spi.SchedulerFactory;
import io.hallows.kernel.spi.Task;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Switches a partition from one scheduler instance to another, moving its {@link Switchboard}
 * through SERVING, SWITCHING and back (the design: {@code docs/kernel.md#scheduler-swap-protocol}):
 * <ol>
 * <li>the new instance is created and its workers started, while the old one still serves;</li>
 * <li>the fence: new submissions go to the new instance from now on, and the old instance's gate
 * closes (a submitter still inside its {@code submit} is not waited for: see {@link Lane});</li>
 * <li>the kernel moves every task the old instance still owned, found in its own registry, to
 * the new one — a task the old one starts meanwhile is run or moved, never both;</li>
 * <li>the old instance hands back what it holds (skipped when it is being aborted: a faulty
 * instance is not asked) and is deactivated;</li>
 * <li>the moved tasks are given to the new instance, in submission order.</li>
 * </ol>
 * Submissions are never held back: the pause ({@link SwapRecord#pauseNanos()}) is the fence
 * alone, a few volatile writes. What waits is the moved tasks, for the handover (steps 2 to 5,
 * {@link SwapRecord#handoverNanos()}); tasks submitted after the fence may reach the new instance
 * before them, which no policy's contract excludes (a policy keeps tasks in any order it likes).
 * Tasks already running on the old instance finish there; per-key order still holds because the
 * kernel releases a key's next task only after the previous one completes.
 */
final class SwapProtocol {
    /** A scheduler whose factory failed or is gone: the switch did not happen. */
    static final class OpenFailure extends Exception {
        private static final long serialVersionUID = 1L;

        OpenFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final Policies policies;

    SwapProtocol(Policies policies) {
        this.policies = policies;
    }

    /**
     * Gives a new partition its first scheduler, and warms the switch path (its registry walk, its
     * record and note) so that the partition's first switch does not pay for loading and linking
     * them inside the handover.
     */
    void start(PartitionRuntime runtime, SchedulerChoice choice) throws OpenFailure {
        Switchboard board = runtime.switchboard();
        try (Switchboard.Held held = board.hold()) {
            board.install(open(runtime, choice));
        }
        warm(runtime);
    }

    /**
     * Switches {@code runtime} to {@code to}.
     *
     * @param expected the lane to switch out, or null for whichever is active; if another is active, nothing happens
     * @param askOld whether to call the old instance's handBack (not when aborting it)
     * @return the switch made, or null if {@code expected} was no longer active or the partition was removed
     * @throws OpenFailure if {@code to} could not be created; the partition keeps its scheduler
     */
    SwapRecord swap(PartitionRuntime runtime, Lane expected, SchedulerChoice to, ExitReason reason, String detail,
            boolean askOld) throws OpenFailure {
        Switchboard board = runtime.switchboard();
        try (Switchboard.Held held = board.hold()) {
            Lane old = board.active();
            if (board.state() != Switchboard.State.SERVING || (expected != null && old != expected)) {
                return null;
            }
            Lane fresh = open(runtime, to);
            Steps steps = new Steps();
            board.switchTo(fresh);
            old.close();
            long pause = steps.lap("fence");
            List<KernelTask> moved = runtime.tasks().transfer(old.epoch, fresh.epoch);
            steps.lap("transfer");
            String oldTrouble = null;
            int handedBack = -1;
            if (askOld) {
                try {
                    List<Task> returned = old.scheduler().handBack();
                    handedBack = returned == null ? 0 : returned.size();
                } catch (Throwable e) {
                    oldTrouble = "handBack threw " + e;
                }
                steps.lap("handBack");
            }
            old.deactivate();
            steps.lap("deactivate");
            preload(fresh, moved);
            steps.lap("preload");
            board.finish();
            policies.release(old.choice);
            SwapRecord record = new SwapRecord(Instant.now(), old.choice.label(), fresh.choice.label(), reason,
                    note(detail, handedBack, moved.size(), oldTrouble), pause, moved.size(), steps.total(), steps.laps);
            runtime.figures().swapped(record);
            return record;
        }
    }

    /** Gives the moved tasks, in submission order, to the new lane; they are runnable from now. */
    private static void preload(Lane fresh, List<KernelTask> moved) {
        long now = System.nanoTime();
        for (KernelTask t : moved) {
            t.runnableAt = now;
            fresh.preload(t);
        }
    }

    private static String note(String detail, int handedBack, int moved, String oldTrouble) {
        String note = detail;
        if (handedBack >= 0 && handedBack != moved) {
            note += "; it handed back " + handedBack + " of the " + moved + " tasks it held (the kernel took all back)";
        }
        if (oldTrouble != null) {
            note += "; " + oldTrouble;
        }
        return note;
    }

    /**
     * Runs the switch's own code once with nothing to move: the registry walk (on epochs no task
     * has), the step clock, the note and the record, so that classes are loaded and call sites
     * linked before a real switch times them.
     */
    private static void warm(PartitionRuntime runtime) {
        Steps steps = new Steps();
        preload(null, runtime.tasks().transfer(KernelTask.RUNNING - 10, KernelTask.RUNNING - 11));
        steps.lap("warm");
        new SwapRecord(Instant.now(), "-", "-", ExitReason.OPERATOR, note("warm", 1, 0, "-"), 0, 0, steps.total(), steps.laps);
    }

    /** The time of each step of one switch, in order. */
    private static final class Steps {
        final Map<String, Long> laps = new LinkedHashMap<>();
        private final long begin = System.nanoTime();
        private long last = begin;

        /** Ends the step {@code name}; returns its time. */
        long lap(String name) {
            long now = System.nanoTime();
            long took = now - last;
            laps.put(name, took);
            last = now;
            return took;
        }

        long total() {
            return last - begin;
        }
    }

    private Lane open(PartitionRuntime runtime, SchedulerChoice choice) throws OpenFailure {
        SchedulerFactory factory = policies.acquire(choice);
        if (factory == null) {
            throw new OpenFailure("scheduler " + choice.label() + " is no longer installed", null);
        }
        Lane lane = new Lane(runtime, runtime.nextEpoch(), choice, runtime.config().workers());
        try {
            lane.bind(factory.create(lane));
            if (lane.scheduler() == null) {
                throw new IllegalStateException("its factory returned null");
            }
            return lane;
        } catch (Throwable e) {
            lane.deactivate();
            policies.release(choice);
            throw new OpenFailure("scheduler " + choice.label() + " could not start: " + e, e);
        }
    }
}
