package io.hallows.scheduler.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallows.kernel.spi.Scheduler;
import io.hallows.kernel.spi.Task;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What the scheduler SPI ({@link Scheduler}) asks of every policy. A policy's unit test extends
 * this class, so every policy runs these tests and adds its own:
 * <ul>
 * <li><b>Exactly once</b>: under concurrent submitters, and tasks submitting tasks from their
 * workers, every task runs, and its {@link Task#run()} is called once.</li>
 * <li><b>Order</b>, where the policy promises it ({@link #orderKey()}): tasks with the same key
 * run in submission order, each after the previous one finished. In a stack the kernel hands a
 * policy one task per key at a time, so order holds under any policy; a policy that orders by
 * itself is checked here with many tasks of a key at once.</li>
 * <li><b>Hand-back</b>: what has not started is returned (once, and in submission order when
 * sorted by {@link Task#sequence()}, as the kernel restores it) and none of it runs afterwards.</li>
 * <li><b>Stop</b>: workers leave their loops after a hand-back, or when switched off, idle or not,
 * without throwing.</li>
 * </ul>
 * The contract's tasks carry varied hints; a task's key is also its batch key, so a policy that
 * groups or orders by either is checked on the same groups.
 *
 * @param <S> the policy's scheduler class
 */
public abstract class SchedulerContract<S extends Scheduler> extends PolicyFixture<S> {
    private static final int PRODUCERS = 4;
    private static final int PER_PRODUCER = 50_000;
    private static final Runnable NOTHING = () -> { };

    /** Options for the contract's runs under load; none by default. */
    protected Map<String, String> options() {
        return Map.of();
    }

    /**
     * Options for the hand-back runs, where tasks should stay held (a policy that waits for
     * company can wait longer here); {@link #options()} by default.
     */
    protected Map<String, String> handBackOptions() {
        return options();
    }

    /** The key whose tasks this policy runs in submission order, or null if it promises no order. */
    protected Function<Task, String> orderKey() {
        return null;
    }

    /** Checks the policy's metrics after the load run, its workers gone; nothing by default. */
    protected void checkMetricsAfterLoad(Map<String, Object> metrics, Load load) {
    }

    /** The load run's tasks: those producers submitted, and those tasks submitted from workers. */
    public record Load(List<TestTask> external, List<TestTask> fromWorkers) {
        public List<TestTask> all() {
            return Stream.concat(external.stream(), fromWorkers.stream()).toList();
        }
    }

    @Test
    void runsEveryTaskExactlyOnceUnderConcurrentSubmitters() throws Exception {
        S scheduler = start(4, options());
        TestContext context = context();
        List<List<TestTask>> byProducer = new ArrayList<>();
        Queue<TestTask> children = new ConcurrentLinkedQueue<>();
        CountDownLatch done = new CountDownLatch(2 * PRODUCERS * PER_PRODUCER);
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int p = 0; p < PRODUCERS; p++) {
            String producer = "p" + p;
            List<TestTask> submitted = new ArrayList<>(PER_PRODUCER);
            byProducer.add(submitted);
            threads.add(Thread.ofPlatform().start(() -> {
                await(go);
                for (int i = 0; i < PER_PRODUCER; i++) {
                    String childKey = i % 2 == 0 ? null : producer + "-child";
                    Runnable body = () -> { // every task submits a child from its worker, as the SPI allows
                        TestTask child = hinted(context, childKey, Task.NO_DEADLINE, done::countDown);
                        children.add(child);
                        scheduler.submit(child);
                        done.countDown();
                    };
                    // Keys are per producer, so each key's submission order is that producer's.
                    String key = i % 2 == 0 ? producer + "-k" + i % 32 : null;
                    TestTask task = hinted(context, key, deadline(i), body);
                    submitted.add(task);
                    scheduler.submit(task);
                }
            }));
        }
        go.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        assertTrue(done.await(60, TimeUnit.SECONDS), done.getCount() + " tasks never ran");
        assertEquals(List.of(), scheduler.handBack(), "nothing is left once all have run");
        Map<String, Object> metrics = stop();

        Load load = new Load(byProducer.stream().flatMap(List::stream).toList(), List.copyOf(children));
        assertEquals(PRODUCERS * PER_PRODUCER, load.fromWorkers().size());
        assertEquals(List.of(), load.all().stream().filter(t -> !t.ran() || t.runCalls() != 1).limit(10).toList(),
                "tasks not run exactly once (a second run() means the policy held the task twice)");
        if (orderKey() != null) {
            byProducer.forEach(submitted -> assertEachKeyInSequence(submitted, orderKey()));
        }
        checkMetricsAfterLoad(metrics, load);
    }

    @Test
    void handBackReturnsTheTasksHeldWithTheRunningOneAndRunsNoneOfThem() throws Exception {
        S scheduler = start(1, handBackOptions());
        TestContext context = context();
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        // The earliest deadline and the first of its key: what runs with it (its batch, frame or
        // queue) comes after it, so those stay held while it blocks the only worker.
        TestTask blocker = hinted(context, "x", TimeUnit.MILLISECONDS.toNanos(1), blocking(running, release));
        scheduler.submit(blocker);
        List<TestTask> held = submit(scheduler, 5, i -> hinted(context, "x", Task.NO_DEADLINE, NOTHING));
        assertTrue(running.await(TIMEOUT_SECONDS, TimeUnit.SECONDS));
        held.addAll(submit(scheduler, 5, i -> hinted(context, "a", deadline(i), NOTHING))); // a key of its own
        held.addAll(submit(scheduler, 3, i -> hinted(context, "x", Task.NO_DEADLINE, NOTHING))); // behind the running key
        held.addAll(submit(scheduler, 2, i -> TestTask.of(context, NOTHING))); // no hints

        assertHandedBackAndNeverRun(held, scheduler, release);
        assertTrue(blocker.ran());
    }

    @Test
    void handBackReturnsWhatIsQueuedBehindBusyWorkersAndStartsNothingMore() throws Exception {
        S scheduler = start(2, handBackOptions());
        TestContext context = context();
        CountDownLatch busy = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        List<TestTask> blockers = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            blockers.add(TestTask.of(context, blocking(busy, release)));
        }
        // Submitted together from a task, so a policy that runs tasks in frames or batches has
        // both at once, and one worker cannot take both while the other waits.
        TestTask launcher = TestTask.of(context, () -> blockers.forEach(scheduler::submit));
        scheduler.submit(launcher);
        assertTrue(busy.await(TIMEOUT_SECONDS, TimeUnit.SECONDS), "both workers should be running a blocker");
        List<TestTask> queued = submitMixed(scheduler, 100, NOTHING);

        assertHandedBackAndNeverRun(queued, scheduler, release);
        assertTrue(launcher.ran() && blockers.stream().allMatch(TestTask::ran));
    }

    @Test
    void handBackWhileWorkersTakeReturnsExactlyTheTasksThatDidNotStart() throws Exception {
        S scheduler = start(3, handBackOptions());
        List<TestTask> submitted = submitMixed(scheduler, 20_000, () -> spin(TimeUnit.MICROSECONDS.toNanos(5)));

        List<Task> returned = scheduler.handBack();
        stop(); // every task a worker took has finished once the workers are gone

        Set<Task> back = new HashSet<>(returned);
        assertEquals(back.size(), returned.size(), "a task was handed back twice");
        assertEquals(List.of(), submitted.stream().filter(t -> t.ran() == back.contains(t)).limit(10).toList(),
                "tasks that ran and were handed back, or neither (lost)");
        assertTrue(submitted.stream().allMatch(t -> t.runCalls() == (t.ran() ? 1 : 0)), "a task's run() was called twice");
    }

    @Test
    void handBackOfAnIdleInstanceReturnsNothingAndItsWorkersLeave() throws Exception {
        S scheduler = start(3, handBackOptions());
        assertEquals(List.of(), scheduler.handBack());
        // Before the kernel switches the instance off: the hand-back alone sends the workers home.
        assertTrue(context().awaitWorkersExit(TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS)),
                "idle workers should return once handed back");
    }

    @Test
    void idleWorkersLeaveWhenSwitchedOff() throws Exception {
        start(2, options());
        stop();
    }

    @Test
    void workersHoldingATaskLeaveWhenSwitchedOff() throws Exception {
        S scheduler = start(2, handBackOptions());
        scheduler.submit(hinted(context(), "log", Task.NO_DEADLINE, NOTHING)); // a policy may wait, timed, for company
        stop();
    }

    /** A task with the contract's hints: {@code key} as its key and batch key, a relative deadline. */
    protected static TestTask hinted(TestContext context, String key, long deadlineNanos, Runnable body) {
        return TestTask.of(context, body, deadlineNanos, key, key, 0);
    }

    /** Each key's tasks, taken in the order given, started after the previous one had finished. */
    protected static void assertEachKeyInSequence(List<TestTask> submitted, Function<Task, String> orderKey) {
        Map<String, List<TestTask>> byKey = submitted.stream().filter(t -> orderKey.apply(t) != null)
                .collect(Collectors.groupingBy(orderKey, LinkedHashMap::new, Collectors.toList()));
        assertFalse(byKey.isEmpty(), "no task has a key: nothing to check the order of");
        byKey.forEach((key, tasks) -> assertInSequence(tasks));
    }

    /** The tasks, taken in submission order, ran one after another: none started before the previous finished. */
    protected static void assertInSequence(List<TestTask> tasks) {
        assertEquals(tasks, byStart(tasks), "ran in submission order");
        for (int i = 1; i < tasks.size(); i++) {
            TestTask previous = tasks.get(i - 1), task = tasks.get(i);
            assertTrue(task.startedAt() >= previous.finishedAt(), task + " started before " + previous + " had finished");
        }
    }

    /**
     * Hands back while the workers are held by blockers, as the kernel does, then releases the
     * blockers and switches the instance off: the hand-back returns exactly {@code held} (in
     * submission order once sorted, as the kernel sorts), and none of it runs.
     */
    private void assertHandedBackAndNeverRun(List<TestTask> held, S scheduler, CountDownLatch release)
            throws InterruptedException {
        List<Task> returned = scheduler.handBack();
        release.countDown();
        stop(); // the blockers have finished, and whatever else a worker would start, once the workers are gone

        assertEquals(held, inSubmissionOrder(returned));
        assertEquals(List.of(), held.stream().filter(TestTask::ran).toList(), "tasks ran after they were handed back");
    }

    /** A body that says it runs, then holds its worker until released. */
    private static Runnable blocking(CountDownLatch running, CountDownLatch release) {
        return () -> {
            running.countDown();
            await(release);
        };
    }

    private static long deadline(int i) {
        return i % 3 == 0 ? Task.NO_DEADLINE : TimeUnit.MILLISECONDS.toNanos(i % 50);
    }

    private List<TestTask> submitMixed(S scheduler, int count, Runnable body) {
        return submit(scheduler, count, i -> i % 3 == 0 ? TestTask.of(context(), body)
                : hinted(context(), "key-" + i % 7, deadline(i), body));
    }

    private static List<TestTask> submit(Scheduler scheduler, int count, Function<Integer, TestTask> task) {
        List<TestTask> tasks = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            TestTask t = task.apply(i);
            tasks.add(t);
            scheduler.submit(t);
        }
        return tasks;
    }

    private static List<Task> inSubmissionOrder(List<Task> tasks) {
        return tasks.stream().sorted(Comparator.comparingLong(Task::sequence)).toList();
    }
}
