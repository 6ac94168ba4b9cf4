package io.hallows.scheduler.testkit;

import io.hallows.kernel.spi.SchedulerContext;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A {@link SchedulerContext} for unit tests of a policy, outside any framework: worker threads
 * are plain daemon threads the context remembers, so {@link TestTask#run()} can check that a task
 * runs on one of them, and {@link #deactivate()} switches the instance off as the kernel would.
 */
public final class TestContext implements SchedulerContext {
    private final String partition;
    private final int parallelism;
    private final Map<String, String> options;
    private final List<Thread> workers = new CopyOnWriteArrayList<>();
    private final List<Throwable> loopFailures = new CopyOnWriteArrayList<>();
    private volatile boolean active = true;

    public TestContext(int parallelism, Map<String, String> options) {
        this("test", parallelism, options);
    }

    public TestContext(String partition, int parallelism, Map<String, String> options) {
        this.partition = partition;
        this.parallelism = parallelism;
        this.options = Map.copyOf(options);
    }

    @Override
    public String partition() {
        return partition;
    }

    @Override
    public int parallelism() {
        return parallelism;
    }

    @Override
    public String option(String name, String otherwise) {
        return options.getOrDefault(name, otherwise);
    }

    @Override
    public Thread startWorker(Runnable loop) {
        Thread t = new Thread(() -> {
            try {
                loop.run();
            } catch (Throwable e) {
                loopFailures.add(e);
            }
        }, partition + "-worker-" + workers.size());
        t.setDaemon(true);
        workers.add(t);
        t.start();
        return t;
    }

    @Override
    public int workerIndex() {
        return workers.indexOf(Thread.currentThread());
    }

    @Override
    public boolean active() {
        return active;
    }

    /** Switches the instance off as the kernel does after handBack: inactive, workers interrupted. */
    public void deactivate() {
        active = false;
        workers.forEach(Thread::interrupt);
    }

    /** Waits for the workers to return from their loops; true if all did within {@code millis}. */
    public boolean awaitWorkersExit(long millis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        for (Thread t : workers) {
            t.join(Math.max(1, deadline - System.currentTimeMillis()));
            if (t.isAlive()) {
                return false;
            }
        }
        return true;
    }

    public List<Thread> workers() {
        return List.copyOf(workers);
    }

    /** What worker loops threw; a correct policy's loops throw nothing. */
    public List<Throwable> loopFailures() {
        return List.copyOf(loopFailures);
    }
}
