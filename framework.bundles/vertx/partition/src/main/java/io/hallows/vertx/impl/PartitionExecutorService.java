package io.hallows.vertx.impl;

import io.hallows.kernel.api.PartitionExecutor;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Vert.x's worker pool as seen by Vert.x, with no thread of its own: every task runs through the
 * partition's executor, so blocking work is scheduled, counted and watched with the partition's
 * other tasks. Shutting it down refuses new tasks; termination waits for the ones already given
 * to the partition (they are the kernel's until they finish: none is dropped).
 */
final class PartitionExecutorService extends AbstractExecutorService {
    private final PartitionExecutor executor;
    private final Object lock = new Object();
    private int inFlight;
    private boolean shutdown;

    PartitionExecutorService(PartitionExecutor executor) {
        this.executor = executor;
    }

    @Override
    public void execute(Runnable task) {
        synchronized (lock) {
            if (shutdown) {
                throw new RejectedExecutionException("this Vert.x instance on partition '" + executor.partition() + "' is closed");
            }
            inFlight++;
        }
        try {
            executor.execute(() -> {
                try {
                    task.run();
                } finally {
                    finished();
                }
            });
        } catch (RuntimeException e) {
            finished();
            throw e;
        }
    }

    private void finished() {
        synchronized (lock) {
            inFlight--;
            lock.notifyAll();
        }
    }

    @Override
    public void shutdown() {
        synchronized (lock) {
            shutdown = true;
            lock.notifyAll();
        }
    }

    /** As {@link #shutdown()}: tasks already handed to the partition are the kernel's, and run. */
    @Override
    public List<Runnable> shutdownNow() {
        shutdown();
        return List.of();
    }

    @Override
    public boolean isShutdown() {
        synchronized (lock) {
            return shutdown;
        }
    }

    @Override
    public boolean isTerminated() {
        synchronized (lock) {
            return shutdown && inFlight == 0;
        }
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        synchronized (lock) {
            while (!(shutdown && inFlight == 0)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(lock, left);
            }
            return true;
        }
    }
}
