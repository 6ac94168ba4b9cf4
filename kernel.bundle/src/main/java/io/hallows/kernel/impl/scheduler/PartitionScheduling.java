package io.hallows.kernel.impl.scheduler;

import io.hallows.kernel.api.ExitReason;
import io.hallows.kernel.api.SwapRecord;
import io.hallows.kernel.impl.log.KernelLog;
import io.hallows.kernel.impl.log.KernelLogger;
import io.hallows.kernel.impl.partition.PartitionConfig;
import io.hallows.kernel.spi.SchedulerFactory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BiConsumer;

/**
 * The composition root of partition scheduling: builds each partition's runtime with the policies
 * it may run, the pinner its threads are bound through, the swap protocol, and one watchdog and
 * one control thread for all of them. When the watchdog or a scheduler's own failure condemns an
 * instance, the partition reverts to the built-in FIFO here; repeated task failures are reported
 * to the sink given. The kernel's {@link SchedulerManager} builds one from the OSGi catalog of
 * policies; benchmarks and tests build one from factories by name, on a plain class path:
 *
 * <pre>{@code
 * try (PartitionScheduling scheduling = PartitionScheduling.builder().policies(Map.of("keyed", new KeyedSchedulerFactory())).build()) {
 *     ScheduledPartition p = scheduling.start(config, "keyed");
 *     p.executor().execute(work);
 * }
 * }</pre>
 */
public final class PartitionScheduling implements AutoCloseable {
    private static final KernelLogger LOG = KernelLog.of(PartitionScheduling.class);

    /** What the kernel records of what happens here (audit); the root logs them itself. */
    interface Events {
        Events NONE = new Events() { };

        /** A scheduler was condemned and {@code partition} reverted to FIFO, as {@code record} says. */
        default void aborted(ScheduledPartition partition, SwapRecord record) {
        }

        /** One of {@code partition}'s loop threads stalled (already counted in its figures). */
        default void stalled(String partition, Stall stall) {
        }

        /** One of {@code partition}'s tasks overran the watchdog bound; its worker was interrupted. */
        default void overran(String partition, Overrun overrun) {
        }

        /**
         * A worker of {@code partition} stayed in an overrunning task after the interrupt and was
         * written off: {@code detail} says which, and which fresh worker replaced it (if its lane still serves).
         */
        default void writtenOff(String partition, String detail) {
        }

        /** An operator killed a task of {@code partition}: {@code detail} says which, and what became of it. */
        default void killed(String partition, String detail) {
        }
    }

    /** Assembles a {@link PartitionScheduling}; every part has a default fit for a plain class path. */
    public static final class Builder {
        private Policies policies = new NamedPolicies("class path", Map.of());
        private Pinner pinner = Pinner.NONE;
        private Events events = Events.NONE;
        private BiConsumer<String, String> faults = (partition, reason) -> { };
        private int failureThreshold = TaskFailures.DEFAULT_THRESHOLD;
        private Duration failureWindow = TaskFailures.DEFAULT_WINDOW;

        private Builder() {
        }

        /** The policies partitions may run besides the built-in FIFO, as factories by policy name. */
        public Builder policies(Map<String, SchedulerFactory> byName) {
            this.policies = new NamedPolicies("class path", byName);
            return this;
        }

        Builder policies(Policies source) {
            this.policies = source;
            return this;
        }

        /** Binds each partition's threads to its cpus; {@link Pinner#NONE} (the default) pins nothing. */
        public Builder pinner(Pinner pinner) {
            this.pinner = Objects.requireNonNull(pinner, "pinner");
            return this;
        }

        Builder events(Events events) {
            this.events = events;
            return this;
        }

        /**
         * Where a partition's repeated task failures are reported, as (partition, reason), from the
         * control thread: more than {@code threshold} failed tasks within {@code window}
         * (default {@value TaskFailures#DEFAULT_THRESHOLD} within 10 s).
         */
        public Builder taskFailures(int threshold, Duration window, BiConsumer<String, String> sink) {
            TaskFailures.check(threshold, window);
            this.failureThreshold = threshold;
            this.failureWindow = window;
            this.faults = Objects.requireNonNull(sink, "sink");
            return this;
        }

        /** Starts the watchdog and the control thread; close the result to stop them. */
        public PartitionScheduling build() {
            return new PartitionScheduling(this);
        }
    }

    private final Policies policies;
    private final Pinner pinner;
    private final Events events;
    private final BiConsumer<String, String> faults;
    private final int failureThreshold;
    private final Duration failureWindow;
    private final SwapProtocol protocol;
    private final Map<String, ScheduledPartition> partitions = new ConcurrentHashMap<>();
    private final Watchdog watchdog;
    private final Overruns overruns;
    private final RunningTasks tasks;
    private final ExecutorService control = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "hallows-scheduler-control");
        t.setDaemon(true);
        return t;
    });

    private PartitionScheduling(Builder b) {
        this.policies = b.policies;
        this.pinner = b.pinner;
        this.events = b.events;
        this.faults = b.faults;
        this.failureThreshold = b.failureThreshold;
        this.failureWindow = b.failureWindow;
        this.protocol = new SwapProtocol(policies);
        // Started now, from the builder's thread: a thread made later by a pinned worker would inherit its cpus.
        control.execute(() -> { });
        this.overruns = new Overruns(events, (partition, reason) -> post(() -> faults.accept(partition, reason)));
        this.watchdog = new Watchdog(() -> partitions.values().stream().map(ScheduledPartition::runtime).toList(),
                this::abort, this::stalled, overruns);
        this.tasks = new RunningTasks(watchdog, overruns, events);
        watchdog.start();
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts partition {@code config.name()} on the policy called {@code policy}.
     *
     * @throws IllegalArgumentException if no such policy is installed or a partition of that name runs
     * @throws IllegalStateException if the policy's scheduler could not start
     */
    public ScheduledPartition start(PartitionConfig config, String policy) {
        try {
            return start(config, choice(policy));
        } catch (SwapProtocol.OpenFailure e) {
            throw new IllegalStateException("partition '" + config.name() + "' on " + policy + ": " + e.getMessage(), e);
        }
    }

    ScheduledPartition start(PartitionConfig config, SchedulerChoice choice) throws SwapProtocol.OpenFailure {
        String name = config.name();
        TaskFailures failures = new TaskFailures(failureThreshold, failureWindow, reason -> post(() -> faults.accept(name, reason)));
        PartitionRuntime runtime = new PartitionRuntime(config, (lane, detail) -> post(() -> abort(lane, ExitReason.ERROR, detail)),
                pinner, failures);
        ScheduledPartition partition = new ScheduledPartition(this, runtime);
        if (partitions.putIfAbsent(name, partition) != null) {
            throw new IllegalArgumentException("partition '" + name + "' is already scheduled here");
        }
        try {
            protocol.start(runtime, choice);
        } catch (SwapProtocol.OpenFailure | RuntimeException e) {
            partitions.remove(name, partition);
            throw e;
        }
        return partition;
    }

    /** The policy called {@code name}; IllegalArgumentException if none is installed. */
    SchedulerChoice choice(String name) {
        SchedulerChoice choice = policies.named(name);
        if (choice == null) {
            throw new IllegalArgumentException("no scheduler '" + name + "' is installed");
        }
        return choice;
    }

    SchedulerChoice fifo() {
        return policies.fifo();
    }

    SwapProtocol protocol() {
        return protocol;
    }

    /** What each partition runs now, and operators' kills. */
    RunningTasks tasks() {
        return tasks;
    }

    /** The partitions running here now. */
    List<ScheduledPartition> partitions() {
        return List.copyOf(partitions.values());
    }

    /** Ends {@code partition}'s scheduling (ScheduledPartition.close). */
    void remove(ScheduledPartition partition) {
        if (partitions.remove(partition.name(), partition)) {
            partition.runtime().close();
            Lane last = partition.runtime().active();
            if (last != null) {
                policies.release(last.choice);
            }
        }
    }

    /** The watchdog's (or a lane's own) verdict: the partition reverts to the built-in FIFO. */
    private void abort(Lane lane, ExitReason reason, String detail) {
        ScheduledPartition partition = partitions.get(lane.partition());
        if (partition == null) {
            return;
        }
        // Not checked here: a lane can fail while the switch to it is still under way (its
        // preload); the protocol checks under the switchboard's hold, after that switch has finished.
        try {
            SwapRecord r = protocol.swap(partition.runtime(), lane, policies.fifo(), reason, detail, false);
            if (r != null) {
                LOG.warn("partition '" + lane.partition() + "': scheduler " + lane.choice.label() + " aborted (" + reason + "): "
                        + detail + "; reverted to " + r.to());
                events.aborted(partition, r);
            }
        } catch (SwapProtocol.OpenFailure impossible) { // the built-in FIFO always opens
            throw new IllegalStateException(impossible);
        }
    }

    private void stalled(String partition, Stall stall) {
        LOG.warn("partition '" + partition + "': " + stall.summary(), stall.asTrace());
        events.stalled(partition, stall);
    }

    /** Runs {@code action} on the control thread, off the worker or watchdog that asked; dropped once closed. */
    private void post(Runnable action) {
        try {
            control.execute(() -> {
                try {
                    action.run();
                } catch (RuntimeException e) {
                    LOG.error("partition scheduling: a control action failed", e);
                }
            });
        } catch (RejectedExecutionException closing) {
            // Closing: nothing is reverted or reported any more.
        }
    }

    /** Stops the watchdog and the control thread and ends every partition's scheduling. */
    @Override
    public void close() {
        watchdog.close();
        control.shutdownNow();
        partitions.values().forEach(this::remove);
    }
}
