package io.hallows.bench;

import io.hallows.kernel.api.TaskHints;
import io.hallows.kernel.impl.scheduler.BenchPartition;
import io.hallows.kernel.spi.SchedulerFactory;
import io.hallows.scheduler.batch.BatchingSchedulerFactory;
import io.hallows.scheduler.frame.FrameDeadlineSchedulerFactory;
import io.hallows.scheduler.keyed.KeyedSchedulerFactory;
import io.hallows.scheduler.workstealing.WorkStealingSchedulerFactory;
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

    /** A partition of {@value #WORKERS} workers on {@code policy}, every policy installed. */
    static BenchPartition partition(String policy, Map<String, String> options) {
        return new BenchPartition(policy, WORKERS, policies(), options);
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
