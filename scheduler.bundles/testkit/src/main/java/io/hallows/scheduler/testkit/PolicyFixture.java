package io.hallows.scheduler.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallows.kernel.spi.Scheduler;
import io.hallows.kernel.spi.SchedulerFactory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;

/**
 * Starts and stops instances of one policy for its unit tests, as the kernel would: every
 * instance a test starts is switched off after it, and its workers must then leave their loops
 * without having thrown.
 *
 * @param <S> the policy's scheduler class, so that tests reach its own methods
 */
public abstract class PolicyFixture<S extends Scheduler> {
    /** A failure guard only: a correct policy never makes a test wait this long. */
    protected static final long TIMEOUT_SECONDS = 30;

    private final List<TestContext> contexts = new ArrayList<>();
    private final List<S> schedulers = new ArrayList<>();

    /** The factory of the policy under test; instances come from it, as in the kernel. */
    protected abstract SchedulerFactory factory();

    /** Starts an instance with {@code workers} workers and these options; the test's current one. */
    @SuppressWarnings("unchecked") // S is the class the policy's factory creates
    protected final S start(int workers, Map<String, String> options) {
        TestContext context = new TestContext(workers, options);
        S scheduler = (S) factory().create(context);
        contexts.add(context);
        schedulers.add(scheduler);
        return scheduler;
    }

    /** The instance started last. */
    protected final S scheduler() {
        return schedulers.getLast();
    }

    /** The context of the instance started last. */
    protected final TestContext context() {
        return contexts.getLast();
    }

    /**
     * Switches the current instance off as the kernel does after a hand-back (inactive, workers
     * interrupted), checks that its workers leave cleanly, and returns its metrics: counts a worker
     * makes after a task's body are complete only once the workers are gone.
     */
    protected final Map<String, Object> stop() throws InterruptedException {
        stop(context());
        return scheduler().metrics();
    }

    @AfterEach
    protected final void workersLeaveOnceSwitchedOffAndNeverThrew() throws InterruptedException {
        for (TestContext context : contexts) {
            stop(context);
        }
    }

    private static void stop(TestContext context) throws InterruptedException {
        context.deactivate();
        assertTrue(context.awaitWorkersExit(TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS)),
                "worker loops did not return after deactivate");
        assertEquals(List.of(), context.loopFailures(), "worker loops threw");
    }

    /** Waits for a latch that a test releases; a failure, not a hang, if it never is. */
    protected static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(TIMEOUT_SECONDS, TimeUnit.SECONDS), "never released");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Busy work standing for a task's own computation: the worker stays on the cpu. */
    protected static void spin(long nanos) {
        long end = System.nanoTime() + nanos;
        while (System.nanoTime() < end) {
            Thread.onSpinWait();
        }
    }

    /** The tasks in order of {@link TestTask#startedAt()}. */
    protected static List<TestTask> byStart(List<TestTask> tasks) {
        return tasks.stream().sorted(Comparator.comparingLong(TestTask::startedAt)).toList();
    }
}
