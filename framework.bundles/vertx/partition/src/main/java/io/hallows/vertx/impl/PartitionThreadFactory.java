package io.hallows.vertx.impl;

import io.hallows.kernel.api.PartitionExecutor;
import io.vertx.core.impl.VertxThread;
import io.vertx.core.spi.VertxThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Makes Vert.x's threads (event loops and the acceptor) the partition's own: each thread's body is
 * handed to the kernel through {@link PartitionExecutor#ownThread}, which pins, lists and watches
 * it while it runs. The watchdog learns when the thread's current handler began from
 * {@link VertxThread#startTime()} (0 while the loop is idle).
 */
final class PartitionThreadFactory implements VertxThreadFactory {
    private final PartitionExecutor executor;

    PartitionThreadFactory(PartitionExecutor executor) {
        this.executor = executor;
    }

    @Override
    public VertxThread newVertxThread(Runnable target, String name, boolean worker, long maxExecTime, TimeUnit maxExecTimeUnit) {
        // The kernel asks the thread itself how long it has been busy, and it does not exist yet.
        AtomicReference<VertxThread> self = new AtomicReference<>();
        Runnable owned = executor.ownThread(role(name), target, () -> {
            VertxThread thread = self.get();
            return thread == null ? 0 : thread.startTime();
        });
        VertxThread thread = new VertxThread(owned, name, worker, maxExecTime, maxExecTimeUnit);
        self.set(thread);
        return thread;
    }

    /** {@code vert.x-eventloop-thread-0} is a {@code vertx-eventloop}; the acceptor likewise. */
    static String role(String threadName) {
        if (threadName.startsWith("vert.x-acceptor")) {
            return "vertx-acceptor";
        }
        return threadName.startsWith("vert.x-eventloop") ? "vertx-eventloop" : "vertx";
    }
}
