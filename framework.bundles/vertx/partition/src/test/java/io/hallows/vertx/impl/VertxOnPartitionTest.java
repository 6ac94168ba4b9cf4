package io.hallows.vertx.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallows.kernel.api.PartitionExecutor;
import io.hallows.kernel.api.TaskHints;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class VertxOnPartitionTest {
    private final FakePartition partition = new FakePartition();
    private Vertx vertx;

    @AfterEach
    void close() throws Exception {
        if (vertx != null) {
            await(vertx.close().toCompletionStage().toCompletableFuture());
        }
        partition.pool.shutdownNow();
    }

    @Test
    void eventLoopsAreThePartitionsOwnThreads() throws Exception {
        vertx = VertxOnPartition.create(partition, new VertxOptions().setEventLoopPoolSize(2));
        CompletableFuture<Thread> ranOn = new CompletableFuture<>();
        vertx.runOnContext(v -> ranOn.complete(Thread.currentThread()));
        Thread loop = await(ranOn);
        assertTrue(partition.owned.containsKey(loop), loop + " is not one of the partition's threads: " + partition.owned.keySet());
        assertTrue(partition.roles.contains("vertx-eventloop"), partition.roles.toString());
    }

    @Test
    void blockingWorkRunsThroughThePartitionsExecutor() throws Exception {
        vertx = VertxOnPartition.create(partition, new VertxOptions().setEventLoopPoolSize(1));
        Thread worker = await(vertx.executeBlocking(Thread::currentThread, false).toCompletionStage().toCompletableFuture());
        assertEquals(1, partition.executed.get());
        assertTrue(worker.getName().startsWith("fake-partition-"), worker.getName());
    }

    @Test
    void theKernelSeesHowLongAHandlerHasKeptItsLoopBusy() throws Exception {
        vertx = VertxOnPartition.create(partition, new VertxOptions().setEventLoopPoolSize(1));
        CountDownLatch inHandler = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Thread> loop = new CompletableFuture<>();
        long before = System.nanoTime();
        vertx.runOnContext(v -> {
            loop.complete(Thread.currentThread());
            inHandler.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertTrue(inHandler.await(10, TimeUnit.SECONDS));
        LongSupplier busySince = partition.owned.get(await(loop));
        long since = busySince.getAsLong();
        assertTrue(since != 0 && since - before >= 0 && System.nanoTime() - since >= 0, "busy since " + since + ", test began " + before);
        release.countDown();
        // The loop goes idle once the handler returns: busySince drops back to 0.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (busySince.getAsLong() != 0 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertEquals(0, busySince.getAsLong());
    }

    @Test
    void closingTheInstanceEndsItsLoopsAndRefusesBlockingWork() throws Exception {
        vertx = VertxOnPartition.create(partition, new VertxOptions().setEventLoopPoolSize(2));
        await(vertx.executeBlocking(() -> 1, false).toCompletionStage().toCompletableFuture());
        await(vertx.close().toCompletionStage().toCompletableFuture());
        for (Thread t : List.copyOf(partition.owned.keySet())) {
            t.join(TimeUnit.SECONDS.toMillis(10));
            assertFalse(t.isAlive(), t + " still runs after close");
        }
        assertEquals(0, partition.running.get());
        vertx = null;
    }

    private static <T> T await(CompletableFuture<T> future) throws Exception {
        return future.get(10, TimeUnit.SECONDS);
    }

    /** A partition that records its own threads and runs tasks on a small pool. */
    private static final class FakePartition implements PartitionExecutor {
        final ExecutorService pool = Executors.newFixedThreadPool(2, r -> new Thread(r, "fake-partition-" + r.hashCode()));
        final Map<Thread, LongSupplier> owned = new ConcurrentHashMap<>();
        final List<String> roles = new CopyOnWriteArrayList<>();
        final AtomicInteger executed = new AtomicInteger();
        final AtomicInteger running = new AtomicInteger();

        @Override
        public String partition() {
            return "web";
        }

        @Override
        public void execute(Runnable task) {
            executed.incrementAndGet();
            pool.execute(task);
        }

        @Override
        public void execute(Runnable task, TaskHints hints) {
            execute(task);
        }

        @Override
        public <T> CompletableFuture<T> submit(Callable<T> task, TaskHints hints) {
            throw new UnsupportedOperationException("not used by Vert.x");
        }

        @Override
        public Runnable ownThread(String role, Runnable loop, LongSupplier busySince) {
            roles.add(role);
            return () -> {
                owned.put(Thread.currentThread(), busySince);
                running.incrementAndGet();
                try {
                    loop.run();
                } finally {
                    running.decrementAndGet();
                }
            };
        }
    }
}
