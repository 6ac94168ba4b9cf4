package io.hallows.bench;

import io.hallows.kernel.api.TaskHints;
import io.hallows.hal.api.CpuSet;
import io.hallows.kernel.impl.partition.ConfigRejection;
import io.hallows.kernel.impl.partition.PartitionConfig;
import io.hallows.kernel.impl.scheduler.PartitionScheduling;
import io.hallows.kernel.impl.scheduler.Pinner;
import io.hallows.kernel.impl.scheduler.ScheduledPartition;
import io.hallows.kernel.spi.SchedulerFactory;
import io.hallows.scheduler.batch.BatchingSchedulerFactory;
import io.hallows.scheduler.frame.FrameDeadlineSchedulerFactory;
import io.hallows.scheduler.keyed.KeyedSchedulerFactory;
import io.hallows.scheduler.workstealing.WorkStealingSchedulerFactory;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** What the benchmarks share: the installed policies, busy work, and waiting for a workload to finish. */
final class Work {
    /** Workers of every partition and every peer pool: the machine's two cores. */
    static final int WORKERS = 2;

    private Work() {
    }

    /** The four policy bundles' factories, by policy name, as their DS components register them. */
    static Map<String, SchedulerFactory> policies() {
        return Map.of("workstealing", new WorkStealingSchedulerFactory(), "frame", new FrameDeadlineSchedulerFactory(),
                "batch", new BatchingSchedulerFactory(), "keyed", new KeyedSchedulerFactory());
    }

    /** The cpus the JVM sees: where an unpinned partition runs. */
    static final CpuSet ONLINE = CpuSet.first(Runtime.getRuntime().availableProcessors());

    /**
     * The kernel's scheduling as the kernel builds it (through its composition root), with every
     * policy installed and nothing pinned. The protected-service proxy that bundles other than the
     * kernel get their executor through is added by {@link Protected}, where a benchmark wants it.
     */
    static PartitionScheduling scheduling() {
        return scheduling(Pinner.NONE);
    }

    /** The same, binding each partition's workers to its cpus through {@code pinner} ({@link Pinner#with} a HAL). */
    static PartitionScheduling scheduling(Pinner pinner) {
        return PartitionScheduling.builder().policies(policies()).pinner(pinner).build();
    }

    /** A partition named after {@code policy}, of {@value #WORKERS} workers on every cpu, running that policy. */
    static ScheduledPartition partition(PartitionScheduling scheduling, String policy, Map<String, String> options) {
        return scheduling.start(config(policy, ONLINE.toString(), WORKERS, options), policy);
    }

    /**
     * A partition's configuration, as its {@code hallows.partition} factory configuration would give it.
     *
     * @param cpus a cpu list such as {@code 1} or {@code 0-1}, within the cpus the JVM sees
     * @param options scheduler options, as {@code scheduler.<name>} in a partition's configuration
     */
    static PartitionConfig config(String name, String cpus, int workers, Map<String, String> options) {
        Map<String, Object> props = new HashMap<>();
        props.put("name", name);
        props.put("cpus", cpus);
        props.put("workers", workers);
        options.forEach((k, v) -> props.put("scheduler." + k, v));
        try {
            return PartitionConfig.parse(props, ONLINE);
        } catch (ConfigRejection e) {
            throw new IllegalArgumentException("bench partition '" + name + "': " + e.getMessage(), e);
        }
    }

    /** Hints with keys {@code prefix0 … prefix<n-1>}, built once so that submitting allocates none. */
    static TaskHints[] keys(String prefix, int n) {
        TaskHints[] hints = new TaskHints[n];
        for (int i = 0; i < n; i++) {
            hints[i] = TaskHints.key(prefix + i);
        }
        return hints;
    }

    /** Burns {@code nanos} of cpu on the calling thread: a stand-in for a task's real work. */
    static void spin(long nanos) {
        long end = System.nanoTime() + nanos;
        while (System.nanoTime() < end) {
            Thread.onSpinWait();
        }
    }

    /** Waits for a workload; a task that never runs fails the benchmark instead of hanging it. */
    static void await(CountDownLatch done, String workload) throws InterruptedException {
        if (!done.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException(workload + ": " + done.getCount() + " tasks did not run within 60 s");
        }
    }
}
