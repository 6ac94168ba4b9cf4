package io.hallows.kernel.impl.scheduler;

import io.hallows.kernel.api.ExitReason;
import io.hallows.kernel.api.SwapRecord;
import io.hallows.kernel.spi.SchedulerFactory;
import io.hallows.kernel.spi.Task;
import java.time.Instant;
import java.util.List;

/**
 * Switches a partition from one scheduler instance to another, moving its {@link Switchboard}
 * through SERVING, SWITCHING and back (the design: {@code docs/kernel.md#scheduler-swap-protocol}):
 * <ol>
 * <li>the new instance is created and its workers started, while the old one still serves;</li>
 * <li>new submissions go to the kernel's FIFO bypass; the old instance's gate closes and the
 * kernel waits until no submitter is inside its {@code submit};</li>
 * <li>the old instance hands back what it holds (skipped when it is being aborted: a faulty
 * instance is not asked) and is deactivated;</li>
 * <li>the kernel moves every task the old instance still owned, found in its own registry, to
 * the new one, in submission order — a task the old one starts meanwhile is run or moved, never
 * both;</li>
 * <li>the bypass drains into the new instance behind them, and submissions go to it directly.</li>
 * </ol>
 * The pause is the time submissions spend in the bypass (steps 2 to 5). Tasks already running on
 * the old instance finish there; per-key order still holds because the kernel releases a key's
 * next task only after the previous one completes.
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

    /** Gives a new partition its first scheduler. */
    void start(PartitionRuntime runtime, SchedulerChoice choice) throws OpenFailure {
        Switchboard board = runtime.switchboard();
        try (Switchboard.Held held = board.hold()) {
            board.install(open(runtime, choice));
        }
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
            long begin = System.nanoTime();
            board.divert();
            boolean quiet = old.closeAndQuiesce(runtime.watchdogNanos());
            String oldTrouble = quiet ? null : "a submitter stayed inside its submit for over the watchdog bound";
            int handedBack = -1;
            if (askOld && quiet) {
                try {
                    List<Task> returned = old.scheduler().handBack();
                    handedBack = returned == null ? 0 : returned.size();
                } catch (Throwable e) {
                    oldTrouble = "handBack threw " + e;
                }
            }
            old.deactivate();
            List<KernelTask> moved = runtime.tasks().transfer(old.epoch, fresh.epoch);
            long now = System.nanoTime();
            for (KernelTask t : moved) {
                t.runnableAt = now;
                fresh.preload(t);
            }
            board.finish(fresh, t -> {
                t.runnableAt = now;
                fresh.preload(t);
            });
            long pause = System.nanoTime() - begin;
            policies.release(old.choice);
            String note = detail;
            if (handedBack >= 0 && handedBack != moved.size()) {
                note += "; it handed back " + handedBack + " of the " + moved.size() + " tasks it held (the kernel took all back)";
            }
            if (oldTrouble != null) {
                note += "; " + oldTrouble;
            }
            SwapRecord record = new SwapRecord(Instant.now(), old.choice.label(), fresh.choice.label(), reason, note, pause,
                    moved.size());
            runtime.figures().swapped(record);
            return record;
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
