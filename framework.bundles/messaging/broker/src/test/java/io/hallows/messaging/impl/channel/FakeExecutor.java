package io.hallows.messaging.impl.channel;

import io.hallows.kernel.api.PartitionExecutor;
import io.hallows.kernel.api.TaskHints;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/** The kernel's guarantee without the kernel: tasks of one key run one at a time, in order, on a small pool. */
public final class FakeExecutor implements PartitionExecutor, AutoCloseable {
    private final ExecutorService pool = Executors.newFixedThreadPool(4);
    private final Map<String, Lane> lanes = new ConcurrentHashMap<>();
    private final List<Throwable> failures = new CopyOnWriteArrayList<>();
    private final Object quiet = new Object();
    private int pending;

    /** What tasks threw: a channel must never let an exception escape to its executor. */
    public List<Throwable> failures() {
        return failures;
    }

    /** Waits until every task submitted so far, and every task those submitted, has run. */
    public void awaitQuiet() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        synchronized (quiet) {
            while (pending > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError(pending + " tasks still pending after 5 s");
                }
                TimeUnit.NANOSECONDS.timedWait(quiet, left);
            }
        }
    }

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
        synchronized (quiet) {
            pending++;
        }
        if (hints.key() == null) {
            pool.execute(() -> runGuarded(task));
        } else {
            lanes.computeIfAbsent(hints.key(), k -> new Lane()).add(task);
        }
    }

    @Override
    public <T> CompletableFuture<T> submit(Callable<T> task, TaskHints hints) {
        CompletableFuture<T> result = new CompletableFuture<>();
        execute(() -> {
            try {
                result.complete(task.call());
            } catch (Exception e) {
                result.completeExceptionally(e);
            }
        }, hints);
        return result;
    }

    @Override
    public Runnable ownThread(String role, Runnable loop, LongSupplier busySince) {
        throw new UnsupportedOperationException("not in unit tests");
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }

    private void runGuarded(Runnable task) {
        try {
            task.run();
        } catch (Throwable t) {
            failures.add(t);
        } finally {
            synchronized (quiet) {
                pending--;
                quiet.notifyAll();
            }
        }
    }

    private final class Lane {
        private final ArrayDeque<Runnable> queue = new ArrayDeque<>();
        private boolean scheduled;

        synchronized void add(Runnable task) {
            queue.add(task);
            if (!scheduled) {
                scheduled = true;
                pool.execute(this::runOne);
            }
        }

        private void runOne() {
            Runnable task;
            synchronized (this) {
                task = queue.poll();
            }
            runGuarded(task);
            synchronized (this) {
                if (queue.isEmpty()) {
                    scheduled = false;
                } else {
                    pool.execute(this::runOne);
                }
            }
        }
    }
}
