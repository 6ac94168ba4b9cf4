package io.hallows.kernel.impl.scheduler;

import io.hallows.kernel.impl.log.KernelLog;
import io.hallows.kernel.impl.log.KernelLogger;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * What becomes of overrunning tasks: each is logged with its stack, recorded, and reported as the
 * partition's fault; a worker stuck in its task after the interrupt is written off and replaced in
 * its lane, so the partition keeps its capacity, and whoever waits for that task's result is
 * released ({@link CallTask#abandon}): a runaway task never keeps its caller waiting for ever.
 * Runs on the watchdog's thread (an operator's kill hands its write-off to that thread too).
 */
final class Overruns implements Watchdog.OverrunReport {
    private static final KernelLogger LOG = KernelLog.of(Overruns.class);

    private final PartitionScheduling.Events events;
    /** Gets (partition, reason) of each overrun; posts it to the control thread. */
    private final BiConsumer<String, String> faults;

    Overruns(PartitionScheduling.Events events, BiConsumer<String, String> faults) {
        this.events = events;
        this.faults = faults;
    }

    @Override
    public void overran(PartitionRuntime runtime, Overrun overrun) {
        String name = runtime.name();
        LOG.warn("partition '" + name + "': " + overrun.summary(), overrun.worker().asTrace());
        events.overran(name, overrun);
        faults.accept(name, "task overran the watchdog bound: " + overrun.summary());
    }

    @Override
    public void stuck(PartitionRuntime runtime, LaneThread worker, KernelTask task) {
        writeOff(runtime, worker, task, "despite the interrupt");
    }

    /**
     * Writes off {@code worker}, still in {@code task} after an interrupt ({@code how} it is still
     * there: "despite the interrupt", after an operator's kill, when its partition's bundles
     * stopped), starts its replacement and releases the task's caller.
     * Called on the watchdog's thread only, so that a worker is written off once.
     *
     * @return what was done, as audited
     */
    String writeOff(PartitionRuntime runtime, LaneThread worker, KernelTask task, String how) {
        LaneThread fresh = worker.lane.replace(worker);
        long ranMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - task.startedAt());
        String detail = "worker " + worker.getName() + " is still in " + task + " " + ranMillis + " ms after it started, "
                + how + ": written off, "
                + (fresh == null ? "not replaced (its scheduler no longer serves the partition)" : "replaced by " + fresh.getName());
        CallTask<?> call = task.body() instanceof CallTask<?> c && c.waited() ? c : null;
        if (call != null) {
            detail += "; its caller is released";
        }
        LOG.warn("partition '" + runtime.name() + "': " + detail);
        events.writtenOff(runtime.name(), detail);
        if (fresh != null) {
            runtime.figures().workerReplaced(); // counted once recorded, so whoever sees the figure finds the record
        }
        if (call != null) { // last: a released caller finds the record and the figure
            call.abandon(task + " of partition '" + runtime.name() + "' was given up after " + ranMillis + " ms: still running "
                    + how + "; it may go on running on the written-off thread " + worker.getName());
        }
        return detail;
    }
}
