package io.hallows.kernel.impl.scheduler;

import io.hallows.hal.api.CpuSet;
import io.hallows.hal.api.Outcome;
import io.hallows.kernel.api.ExitReason;
import io.hallows.kernel.api.PartitionExecutor;
import io.hallows.kernel.api.SchedulerStats;
import io.hallows.kernel.api.SwapRecord;
import io.hallows.kernel.impl.partition.PartitionConfig;
import java.time.Duration;
import java.util.List;

/** One partition scheduled by a {@link PartitionScheduling}: its executor, its figures and its switches. */
public final class ScheduledPartition implements AutoCloseable {
    private final PartitionScheduling root;
    private final PartitionRuntime runtime;

    ScheduledPartition(PartitionScheduling root, PartitionRuntime runtime) {
        this.root = root;
        this.runtime = runtime;
    }

    public String name() {
        return runtime.name();
    }

    /** Where partition code submits; the kernel hands other bundles this behind its protected-service proxy. */
    public PartitionExecutor executor() {
        return runtime;
    }

    public SchedulerStats stats() {
        return runtime.stats();
    }

    /**
     * Switches to the policy called {@code policy}, as an operator's {@code hallows:swap} does.
     *
     * @throws IllegalArgumentException if no such policy is installed
     * @throws IllegalStateException if its scheduler could not start (the partition keeps its own)
     */
    public SwapRecord swapTo(String policy) {
        try {
            return swap(root.choice(policy), ExitReason.OPERATOR, "swapped to " + policy);
        } catch (SwapProtocol.OpenFailure e) {
            throw new IllegalStateException("partition '" + name() + "' keeps " + active().label() + ": " + e.getMessage(), e);
        }
    }

    /** Switches to {@code to} unless another switch or an abort changed the active scheduler; null if removed. */
    SwapRecord swap(SchedulerChoice to, ExitReason reason, String detail) throws SwapProtocol.OpenFailure {
        return root.protocol().swap(runtime, null, to, reason, detail, true);
    }

    /** The policy serving now. */
    SchedulerChoice active() {
        return runtime.active().choice;
    }

    /** The policy before the latest switch, or null if none was made. */
    SchedulerChoice previous() {
        return runtime.switchboard().previous();
    }

    PartitionConfig config() {
        return runtime.config();
    }

    void reconfigure(PartitionConfig config) {
        runtime.reconfigure(config);
    }

    /** Pins every live thread of the partition again, to its cpus now. */
    List<Outcome<CpuSet>> rebind() {
        return runtime.threads().rebind();
    }

    /** Its live threads, workers and loops, with what each is pinned to. */
    List<WorkerPin> threads() {
        return runtime.threads().list();
    }

    /** The tasks its workers run now, oldest first. */
    public List<RunningTask> running() {
        return root.tasks().list(runtime);
    }

    /**
     * Kills task {@code number}: interrupts its worker, and writes the worker off (replacing it and
     * releasing the task's caller) if the task has not returned after {@code grace}.
     *
     * @param who named in the audit log
     * @return what became of the task
     * @throws IllegalArgumentException if no worker of the partition runs that task now
     */
    public String kill(long number, Duration grace, String who) {
        return root.tasks().kill(runtime, number, grace, who);
    }

    /**
     * Gives up its tasks running past the watchdog bound ({@code why}: the supervisor stops its
     * bundles): interrupted now, written off if still running after {@code grace}. Does not wait.
     */
    void giveUpOverruns(String why, Duration grace) {
        root.tasks().giveUpOverruns(runtime, why, grace);
    }

    PartitionRuntime runtime() {
        return runtime;
    }

    /** Ends the partition's scheduling: its executor refuses new tasks; tasks not yet run are abandoned. */
    @Override
    public void close() {
        root.remove(this);
    }
}
