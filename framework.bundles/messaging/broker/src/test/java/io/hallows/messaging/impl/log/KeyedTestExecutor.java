package io.hallows.messaging.impl.log;

import io.hallows.kernel.api.PartitionExecutor;
import io.hallows.kernel.api.TaskHints;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * The kernel's keyed guarantee without the kernel: tasks of one key run one at a time in
 * submission order on a small pool; tasks without a key run as they come. A key can be held
 * ({@link #hold}) so that its tasks wait until {@link #release}: a test sees the state between.
 */
final class KeyedTestExecutor implements PartitionExecutor, AutoCloseable {
    private final ExecutorService pool = Executors.newFixedThreadPool(4);
    private final Map<String, ArrayDeque<Runnable>> queues = new ConcurrentHashMap<>();
    private final Map<String, Boolean> running = new ConcurrentHashMap<>();
    private volatile Predicate<String> held = key -> false;

    @Override
    public String partition() {
        return "log";
    }

    @Override
    public void execute(Runnable task) {
        execute(task, TaskHints.NONE);
    }

    @Override
    public void execute(Runnable task, TaskHints hints) {
        String key = hints.key();
        if (key == null) {
            pool.execute(task);
            return;
        }
        synchronized (this) {
            queues.computeIfAbsent(key, k -> new ArrayDeque<>()).add(task);
            schedule(key);
        }
    }

    /** Holds the tasks of every key {@code keys} accepts until {@link #release()}. */
    synchronized void hold(Predicate<String> keys) {
        held = keys;
    }

    synchronized void release() {
        held = key -> false;
        for (String key : queues.keySet()) {
            schedule(key);
        }
    }

    private void schedule(String key) {
        ArrayDeque<Runnable> queue = queues.get(key);
        if (running.containsKey(key) || queue.isEmpty() || held.test(key)) {
            return;
        }
        if (pool.isShutdown()) {
            return;
        }
        Runnable next = queue.poll();
        running.put(key, Boolean.TRUE);
        pool.execute(() -> {
            try {
                next.run();
            } finally {
                synchronized (KeyedTestExecutor.this) {
                    running.remove(key);
                    schedule(key);
                }
            }
        });
    }

    @Override
    public <T> CompletableFuture<T> submit(Callable<T> task, TaskHints hints) {
        CompletableFuture<T> future = new CompletableFuture<>();
        execute(() -> {
            try {
                future.complete(task.call());
            } catch (Exception e) {
                future.completeExceptionally(e);
            }
        }, hints);
        return future;
    }

    @Override
    public Runnable ownThread(String role, Runnable loop, LongSupplier busySince) {
        return loop;
    }

    @Override
    public void close() throws InterruptedException {
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.SECONDS);
    }
}
