package io.hallows.kernel.impl.scheduler;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The tasks a partition's workers run now, and an operator's kill of one ({@code hallows:tasks},
 * {@code hallows:kill}). A kill interrupts the task's worker; if the task has not returned after a
 * grace period, the worker is written off and replaced exactly as the watchdog does for a stuck
 * worker, and whoever waits for the task's result is released. Java cannot stop a thread, so a task
 * that ignores interrupts keeps running on its written-off thread until it returns; it never runs
 * twice and blocks no other task. Both steps run on the watchdog's thread, which owns the workers'
 * interrupt bookkeeping; only the grace period is waited out on the operator's thread.
 */
final class RunningTasks {
    /** How often a kill looks whether the interrupted task has returned, during its grace period. */
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

    private final Watchdog watchdog;
    private final Overruns overruns;
    private final PartitionScheduling.Events events;

    RunningTasks(Watchdog watchdog, Overruns overruns, PartitionScheduling.Events events) {
        this.watchdog = watchdog;
        this.overruns = overruns;
        this.events = events;
    }

    /** What {@code runtime}'s workers run now, oldest task first. */
    List<RunningTask> list(PartitionRuntime runtime) {
        return watchdog.onOwnThread(() -> {
            long now = System.nanoTime();
            List<RunningTask> running = new ArrayList<>();
            for (LaneThread worker : runtime.threads().workers()) {
                KernelTask task = worker.current();
                if (task != null) {
                    String state = worker.writtenOff ? "written off" : worker.interruptedIn(task) ? "interrupted" : "running";
                    running.add(new RunningTask(task.sequence(), task.key(), task.submitter(), worker.getName(),
                            TimeUnit.NANOSECONDS.toMillis(now - task.startedAt()), state));
                }
            }
            running.sort(Comparator.comparingLong(RunningTask::number));
            return running;
        });
    }

    /**
     * Kills task {@code number} of {@code runtime}: interrupts its worker, and writes the worker off
     * if the task is still in it after {@code grace}.
     *
     * @param who named in the audit line (the shell, an admin API caller)
     * @return what became of it, as audited
     * @throws IllegalArgumentException if no worker of the partition runs that task now
     */
    String kill(PartitionRuntime runtime, long number, Duration grace, String who) {
        Target target = watchdog.onOwnThread(() -> interrupt(runtime, number));
        String outcome;
        if (target.worker.writtenOff) {
            outcome = "its worker " + target.worker.getName() + " was already written off; interrupted it again";
        } else {
            long deadline = System.nanoTime() + grace.toNanos();
            while (target.worker.current() == target.task && System.nanoTime() < deadline) {
                LockSupport.parkNanos(POLL_NANOS);
            }
            outcome = watchdog.onOwnThread(() -> {
                if (target.worker.current() != target.task) {
                    return "interrupted; it returned";
                }
                if (target.worker.writtenOff) { // the watchdog gave it up meanwhile, and said so
                    return "interrupted; the watchdog wrote its worker off meanwhile";
                }
                return "interrupted; " + overruns.writeOff(runtime, target.worker, target.task,
                        "after " + who + "'s kill and " + grace.toMillis() + " ms of grace");
            });
        }
        String detail = target.task + " killed by " + who + ": " + outcome;
        events.killed(runtime.name(), detail);
        return detail;
    }

    /**
     * Gives up every task of {@code runtime} running past its watchdog bound, as its partition's
     * bundles stop ({@code why}: a restart, a stop, a quarantine): each is interrupted now unless
     * the watchdog already did, and its worker written off and replaced, its caller released, if it
     * is still in the task after {@code grace}. Returns at once; the rest happens on the watchdog's thread.
     */
    void giveUpOverruns(PartitionRuntime runtime, String why, Duration grace) {
        watchdog.later(() -> {
            long now = System.nanoTime();
            List<Target> overrunning = new ArrayList<>();
            for (LaneThread worker : runtime.threads().workers()) {
                KernelTask task = worker.current();
                if (task != null && !worker.writtenOff && now - task.startedAt() > runtime.watchdogNanos()
                        && (worker.interruptedIn(task) || worker.interruptIfIn(task, now))) {
                    overrunning.add(new Target(worker, task));
                }
            }
            watchdog.later(() -> {
                for (Target t : overrunning) {
                    if (t.worker.current() == t.task && !t.worker.writtenOff) {
                        overruns.writeOff(runtime, t.worker, t.task, "when its partition's bundles stopped (" + why + ")");
                    }
                }
            }, grace.toNanos());
        }, 0);
    }

    /**
     * On the watchdog's thread: finds the task's worker and interrupts it, only while it is still
     * in that task (a stray interrupt would reach its scheduler's loop as "switched out").
     */
    private static Target interrupt(PartitionRuntime runtime, long number) {
        List<Long> running = new ArrayList<>();
        for (LaneThread worker : runtime.threads().workers()) {
            KernelTask task = worker.current();
            if (task != null && task.sequence() == number) {
                worker.interruptIfIn(task, System.nanoTime()); // false if it returned just now: the kill finds it gone
                return new Target(worker, task);
            }
            if (task != null) {
                running.add(task.sequence());
            }
        }
        running.sort(Comparator.naturalOrder());
        throw new IllegalArgumentException("partition '" + runtime.name() + "' runs no task #" + number + " now"
                + (running.isEmpty() ? " (it runs none)" : " (it runs " + String.join(", ", running.stream().map(n -> "#" + n).toList()) + ")"));
    }

    private record Target(LaneThread worker, KernelTask task) {
    }
}
