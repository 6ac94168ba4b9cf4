package io.hallows.basilisk.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallows.basilisk.api.Request;
import io.hallows.basilisk.api.Response;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A stream whose client does not read: it keeps one pending message, the newest, and sends it when the client drains. */
class SlowClientTest {
    private final Vertx vertx = Vertx.vertx();
    /** One thread: a task queued after the runs sees their answers already handed to the event loop. */
    private final ExecutorService pool = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        pool.shutdownNow();
    }

    /** A client whose send queue is full until the test drains it. */
    private static final class StuckSink implements Stream.Sink {
        final List<String> sent = new CopyOnWriteArrayList<>();
        volatile boolean full;
        volatile Runnable onDrain;
        final CountDownLatch waiting = new CountDownLatch(1);

        @Override
        public void first(Response r) {
        }

        @Override
        public void send(String payload) {
            sent.add(payload);
        }

        @Override
        public boolean full() {
            return full;
        }

        @Override
        public void onDrain(Runnable r) {
            onDrain = r;
            waiting.countDown();
        }

        @Override
        public void close() {
        }
    }

    @Test
    void onlyTheNewestAnswerWaitsForASlowClient() throws Exception {
        AtomicInteger value = new AtomicInteger();
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch ran = new CountDownLatch(4);
        TestRoute route = TestRoute.sse("/feed", Set.of("t"), r -> {
            runs.incrementAndGet();
            ran.countDown();
            return Response.text(Integer.toString(value.get()));
        });
        BoundRoute bound = new BoundRoute("m", "1", 1, route, "GET", new RouteMetrics());
        List<Consumer<Set<String>>> watchers = new CopyOnWriteArrayList<>();
        StuckSink sink = new StuckSink();
        Context loop = vertx.getOrCreateContext();
        Stream stream = new Stream(bound, (Request) null, sink, loop, pool, new Recorder().logger, s -> { });
        loop.runOnContext(v -> stream.start((tables, changed) -> {
            watchers.add(changed);
            return () -> { };
        }));
        // The first answer goes out; then the client stops reading.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (sink.sent.isEmpty() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertEquals(List.of("0"), sink.sent);
        sink.full = true;
        for (int n = 1; n <= 3; n++) {
            value.set(n);
            watchers.forEach(w -> w.accept(Set.of("t")));
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (runs.get() < n + 1 && System.nanoTime() < until) {
                Thread.onSpinWait();
            }
        }
        assertTrue(ran.await(10, TimeUnit.SECONDS), "one run per commit (they came more than 16 ms apart or were coalesced)");
        assertTrue(sink.waiting.await(10, TimeUnit.SECONDS));
        CountDownLatch drained = new CountDownLatch(1);
        // Queued behind the last run on the stream's executor, then behind its delivery on the event loop.
        pool.execute(() -> loop.runOnContext(v -> {
            sink.full = false;
            sink.onDrain.run();
            drained.countDown();
        }));
        assertTrue(drained.await(10, TimeUnit.SECONDS));
        assertEquals(List.of("0", "3"), sink.sent, "the answers for 1 and 2 were replaced by the newest");
    }
}
