package io.hallows.kernel.impl.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallows.kernel.api.TaskHints;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The task registry keeps itself trimmed as tasks start: nobody else has to collect it. */
class TaskRegistryTest {
    private final TestPolicies policies = new TestPolicies();

    @Test
    void startedTasksLeaveTheRegistryWithoutAWatchdog() throws Exception {
        PartitionRuntime runtime = new PartitionRuntime(TestPolicies.config(2, "30s"), (lane, detail) -> { });
        new SwapProtocol(policies).start(runtime, policies.fifo());
        int tasks = 10_000;
        CountDownLatch done = new CountDownLatch(tasks);
        for (int i = 0; i < tasks; i++) {
            runtime.execute(done::countDown, i % 3 == 0 ? TaskHints.key("k" + i % 7) : TaskHints.NONE);
        }
        assertTrue(done.await(30, TimeUnit.SECONDS));
        assertEquals(0, runtime.tasks().size(), "every started task was dropped as tasks started");
    }

    @Test
    void submissionsTrimTheTasksThatStartedBeforeThem() throws Exception {
        PartitionRuntime runtime = new PartitionRuntime(TestPolicies.config(2, "30s"), (lane, detail) -> { });
        new SwapProtocol(policies).start(runtime, policies.fifo());
        CountDownLatch first = new CountDownLatch(10_000);
        for (int i = 0; i < 10_000; i++) {
            runtime.execute(first::countDown);
        }
        assertTrue(first.await(30, TimeUnit.SECONDS));
        CountDownLatch second = new CountDownLatch(TaskRegistry.TRIM_EVERY);
        for (int i = 0; i < TaskRegistry.TRIM_EVERY; i++) {
            runtime.execute(second::countDown);
        }
        assertTrue(second.await(30, TimeUnit.SECONDS));
        int held = runtime.tasks().held();
        assertTrue(held <= 2 * TaskRegistry.TRIM_EVERY, "one trim among the next submissions drops the 10,000 started tasks, held " + held);
    }

    @Test
    void aTaskNotStartedStaysAndHoldsTheOnesBehindIt() throws Exception {
        TestPolicies.Stalled stalled = new TestPolicies.Stalled();
        policies.with("stalled", context -> stalled);
        PartitionRuntime runtime = new PartitionRuntime(TestPolicies.config(1, "30s"), (lane, detail) -> { });
        new SwapProtocol(policies).start(runtime, TestPolicies.choice("stalled"));
        runtime.execute(() -> { });
        runtime.execute(() -> { });
        assertEquals(2, runtime.tasks().size(), "tasks stay until they start: the kernel can take them back");
        assertEquals(stalled.kept.get(0), runtime.tasks().oldestOwnedBy(runtime.active().epoch, 10));
    }
}
