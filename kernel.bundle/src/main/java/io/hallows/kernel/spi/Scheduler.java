package io.hallows.kernel.spi;

import java.util.List;
import java.util.Map;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * One partition's instance of a policy. The kernel calls {@link #submit} from any thread
 * (producers, or worker threads when a task submits another), and {@link #handBack} once, from its
 * own control thread, when the instance is being switched out.
 *
 * <p>An instance never runs a task's body itself: it calls {@link Task#run()} on one of its
 * worker threads. It may keep tasks in any order it likes.
 */
@ConsumerType
public interface Scheduler {
    /**
     * Accepts a task. Must not block for long: the submitting thread waits. Throwing aborts this
     * instance (exit reason {@code error}); the task is not lost. May be called from inside
     * {@link Task#run()} on one of this instance's workers (a completed task releases the next
     * one with its key), so never hold a lock of the policy across {@code run()}.
     */
    void submit(Task task);

    /**
     * Stops this instance: it accepts no more tasks, starts none of those it holds, and returns
     * them. Tasks already running finish. Afterwards its workers should return from their loops
     * (the kernel also interrupts them, and {@link SchedulerContext#active()} is false).
     *
     * @return the tasks held but not started, in any order: the kernel restores submission order
     */
    List<Task> handBack();

    /**
     * Figures specific to this policy (frame time, missed deadlines, batch sizes, steals…), shown
     * by {@code hallows:stats}. Called from any thread; values should be numbers or strings.
     */
    default Map<String, Object> metrics() {
        return Map.of();
    }
}
