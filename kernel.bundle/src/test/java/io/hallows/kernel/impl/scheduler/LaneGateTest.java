package io.hallows.kernel.impl.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallows.kernel.api.ExitReason;
import io.hallows.kernel.api.SwapRecord;
import io.hallows.kernel.spi.Scheduler;
import io.hallows.kernel.spi.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A switch does not wait for a submitter stuck inside the old scheduler's submit, and loses nothing by it. */
class LaneGateTest {
    private final TestPolicies policies = new TestPolicies();

    /** Holds every task and never runs one; its submit blocks until told to go on. */
    private static final class SlowSubmit implements Scheduler {
        final CountDownLatch inside = new CountDownLatch(1);
        final CountDownLatch goOn = new CountDownLatch(1);
        final List<Task> kept = new ArrayList<>();

        @Override
        public void submit(Task task) {
            inside.countDown();
            try {
                goOn.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            synchronized (kept) {
                kept.add(task);
            }
        }

        @Override
        public List<Task> handBack() {
            synchronized (kept) {
                return List.copyOf(kept);
            }
        }
    }

    @Test
    void aSwitchDoesNotWaitForASubmitterInsideTheOldSchedulerAndTheTaskRunsOnce() throws Exception {
        SlowSubmit slow = new SlowSubmit();
        policies.with("slow", context -> slow);
        PartitionRuntime runtime = new PartitionRuntime(TestPolicies.config(2, "30s"), (lane, detail) -> { });
        SwapProtocol protocol = new SwapProtocol(policies);
        protocol.start(runtime, TestPolicies.choice("slow"));
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch ran = new CountDownLatch(1);
        Thread submitter = Thread.ofPlatform().start(() -> runtime.execute(() -> {
            runs.incrementAndGet();
            ran.countDown();
        }));
        assertTrue(slow.inside.await(30, TimeUnit.SECONDS), "the submitter is inside the old scheduler's submit");

        SwapRecord r = protocol.swap(runtime, null, policies.fifo(), ExitReason.OPERATOR, "test", true);

        assertNotNull(r);
        assertEquals(1, slow.goOn.getCount(), "the switch finished while the submitter was still inside submit");
        assertEquals(1, r.handedBack(), "the kernel found the task by its state and moved it");
        assertTrue(ran.await(30, TimeUnit.SECONDS), "the moved task ran on the new scheduler");
        slow.goOn.countDown();
        submitter.join(TimeUnit.SECONDS.toMillis(30));
        CountDownLatch after = new CountDownLatch(1);
        runtime.execute(after::countDown);
        assertTrue(after.await(30, TimeUnit.SECONDS), "submissions go on to the new scheduler");
        assertEquals(1, runs.get(), "run once, although the old scheduler kept it too");
    }
}
