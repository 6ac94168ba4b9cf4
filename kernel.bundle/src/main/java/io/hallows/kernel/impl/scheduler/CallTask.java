package io.hallows.kernel.impl.scheduler;

import io.hallows.kernel.api.TaskAbandonedException;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

/**
 * The body of a task submitted with {@code submit}: it runs the caller's {@link Callable} and
 * completes the future the caller waits on. When the kernel gives the task up (its worker written
 * off by the watchdog, or an operator's {@code hallows:kill}) the future is completed at once with
 * a {@link TaskAbandonedException} that says why, so a caller blocked in {@code get()} (a shell
 * command, a Parseltongue call) is released even though the body may never return.
 */
final class CallTask<T> implements Runnable {
    private final Callable<T> call;
    private final CompletableFuture<T> future;

    CallTask(Callable<T> call, CompletableFuture<T> future) {
        this.call = call;
        this.future = future;
    }

    @Override
    public void run() {
        try {
            future.complete(call.call());
        } catch (Throwable e) {
            future.completeExceptionally(e);
            throw new TaskFailure(e); // counted as a failure, as an execute()d task that throws
        }
    }

    /** True while its result is still awaited: the task has not completed and was not given up. */
    boolean waited() {
        return !future.isDone();
    }

    /**
     * Releases whoever waits for the result: {@code get()} throws an {@code ExecutionException}
     * caused by a {@link TaskAbandonedException} saying {@code why}. False if the task had already
     * completed (nothing to release).
     */
    boolean abandon(String why) {
        return future.completeExceptionally(new TaskAbandonedException(why));
    }
}
