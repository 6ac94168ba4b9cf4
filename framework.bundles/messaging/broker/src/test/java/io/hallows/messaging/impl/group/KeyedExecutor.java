package io.hallows.messaging.impl.group;

import io.hallows.kernel.api.PartitionExecutor;
import io.hallows.kernel.api.TaskHints;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.LongSupplier;

/** The kernel's keyed guarantee without the kernel: tasks of one key run one at a time, in order, on a pool. */
final class KeyedExecutor implements PartitionExecutor, AutoCloseable {
    private final ExecutorService pool = Executors.newFixedThreadPool(4);
    private final ConcurrentHashMap<String, CompletableFuture<?>> tails = new ConcurrentHashMap<>();

    @Override
    public String partition() {
        return "log";
    }

    @Override
    public void execute(Runnable task) {
        pool.execute(task);
    }

    @Override
    public void execute(Runnable task, TaskHints hints) {
        submit(() -> {
            task.run();
            return null;
        }, hints);
    }

    @Override
    public <T> CompletableFuture<T> submit(Callable<T> task, TaskHints hints) {
        if (hints.key() == null) {
            return CompletableFuture.supplyAsync(() -> call(task), pool);
        }
        CompletableFuture<T> result = new CompletableFuture<>();
        tails.compute(hints.key(), (k, tail) -> (tail == null ? CompletableFuture.completedFuture(null) : tail)
                .handleAsync((v, e) -> {
                    try {
                        result.complete(task.call());
                    } catch (Exception ex) {
                        result.completeExceptionally(ex);
                    }
                    return null;
                }, pool));
        return result;
    }

    private static <T> T call(Callable<T> task) {
        try {
            return task.call();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Runnable ownThread(String role, Runnable loop, LongSupplier busySince) {
        throw new UnsupportedOperationException("not in unit tests");
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
