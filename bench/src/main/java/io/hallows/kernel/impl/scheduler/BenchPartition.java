package io.hallows.kernel.impl.scheduler;

import io.hallows.kernel.api.ExitReason;
import io.hallows.kernel.api.PartitionExecutor;
import io.hallows.kernel.api.SchedulerStats;
import io.hallows.kernel.api.SwapRecord;
import io.hallows.kernel.impl.partition.ConfigRejection;
import io.hallows.hal.api.CpuSet;
import io.hallows.kernel.impl.partition.PartitionConfig;
import io.hallows.kernel.spi.SchedulerFactory;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.osgi.framework.Version;

/**
 * One partition's scheduling without a framework, wired as {@link SchedulerManager} wires it: a
 * {@link PartitionRuntime}, the {@link SwapProtocol}, a {@link Watchdog} (which also trims the
 * task registry) and a control thread that reverts to FIFO when a scheduler fails. Policies are
 * given as factories by name instead of being found as services.
 *
 * <p>Why this class is here: the kernel's scheduler internals are package-private, so the
 * benchmarks reach them from the same package. That is a split package, which works on the plain
 * classpath of the benchmarks jar; inside OSGi the package is private to the kernel bundle and
 * this class could not see it. Not measured here: the protected-service proxy that bundles other
 * than the kernel get the executor through.
 */
public final class BenchPartition implements AutoCloseable {
    private static final CpuSet ONLINE = CpuSet.first(Runtime.getRuntime().availableProcessors());
    private final Map<String, SchedulerChoice> choices = new HashMap<>();
    private final Map<String, SchedulerFactory> factories = new HashMap<>();
    private final SwapProtocol protocol;
    private final PartitionRuntime runtime;
    private final Watchdog watchdog;
    private final ExecutorService control = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "bench-scheduler-control");
        t.setDaemon(true);
        return t;
    });
    private final List<String> aborts = new CopyOnWriteArrayList<>();

    /**
     * Starts a partition named {@code bench} on every cpu the JVM sees, its workers not pinned.
     *
     * @param policy {@code fifo} or a key of {@code policies}
     * @param workers worker threads per scheduler instance
     * @param policies the installed policies by name, besides the built-in FIFO
     * @param options scheduler options, as {@code scheduler.<name>} in a partition's configuration
     */
    public BenchPartition(String policy, int workers, Map<String, SchedulerFactory> policies, Map<String, String> options) {
        this("bench", ONLINE.toString(), Pinner.NONE, policy, workers, policies, options);
    }

    /**
     * Starts partition {@code name} on {@code cpus}; {@code pinner} binds each worker to them as it
     * starts ({@link Pinner#with} a HAL), as the kernel does with the HAL service.
     *
     * @param cpus a cpu list such as {@code 1} or {@code 0-1}, within the cpus the JVM sees
     */
    public BenchPartition(String name, String cpus, Pinner pinner, String policy, int workers,
            Map<String, SchedulerFactory> policies, Map<String, String> options) {
        factories.put(FifoScheduler.NAME, FifoScheduler.FACTORY);
        factories.putAll(policies);
        factories.keySet().forEach(n -> choices.put(n, new SchedulerChoice(n, "bench", Version.emptyVersion, "", null)));
        protocol = new SwapProtocol(new Factories());
        Map<String, Object> props = new HashMap<>();
        props.put("name", name);
        props.put("cpus", cpus);
        props.put("workers", workers);
        options.forEach((k, v) -> props.put("scheduler." + k, v));
        try {
            runtime = new PartitionRuntime(PartitionConfig.parse(props, ONLINE),
                    (lane, detail) -> control.execute(() -> revert(lane, ExitReason.ERROR, detail)), pinner);
            protocol.start(runtime, choice(policy));
        } catch (ConfigRejection | SwapProtocol.OpenFailure e) {
            throw new IllegalStateException("bench partition '" + name + "' on " + policy + ": " + e.getMessage(), e);
        }
        watchdog = new Watchdog(() -> List.of(runtime), this::revert, (partition, stall) -> { });
        watchdog.start();
    }

    /** Where partition code submits: the runtime itself, as the kernel hands it to its own bundles. */
    public PartitionExecutor executor() {
        return runtime;
    }

    /** Switches to {@code policy} as an operator's {@code hallows:swap} does. */
    public SwapRecord swapTo(String policy) {
        try {
            return protocol.swap(runtime, null, choice(policy), ExitReason.OPERATOR, "bench", true);
        } catch (SwapProtocol.OpenFailure e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** The active policy's name. */
    public String active() {
        return runtime.active.choice.name();
    }

    public SchedulerStats stats() {
        return runtime.stats();
    }

    /** Schedulers the watchdog or their own failure aborted, as {@code reason: detail}; empty if none. */
    public List<String> aborts() {
        return List.copyOf(aborts);
    }

    private SchedulerChoice choice(String policy) {
        SchedulerChoice c = choices.get(policy);
        if (c == null) {
            throw new IllegalArgumentException("no policy '" + policy + "' (known: " + choices.keySet() + ")");
        }
        return c;
    }

    private void revert(Lane lane, ExitReason reason, String detail) {
        try {
            if (protocol.swap(runtime, lane, choice(FifoScheduler.NAME), reason, detail, false) != null) {
                aborts.add(lane.choice.name() + " " + reason + ": " + detail);
            }
        } catch (SwapProtocol.OpenFailure impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    @Override
    public void close() {
        watchdog.close();
        control.shutdownNow();
        runtime.close();
    }

    private final class Factories implements SwapProtocol.Factories {
        @Override
        public SchedulerFactory acquire(SchedulerChoice choice) {
            return factories.get(choice.name());
        }

        @Override
        public void release(SchedulerChoice choice) {
            // Nothing to release: no service references outside a framework.
        }

        @Override
        public SchedulerChoice fifo() {
            return choice(FifoScheduler.NAME);
        }
    }
}
