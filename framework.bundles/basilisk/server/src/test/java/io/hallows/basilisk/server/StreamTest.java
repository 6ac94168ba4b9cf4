package io.hallows.basilisk.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallows.basilisk.api.Response;
import io.hallows.basilisk.api.RouteKind;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Streaming routes: run on connect and after each commit to a table they read, coalesced to one run per 16 ms. */
class StreamTest {
    /** Stands in for Database.watch: the test says when a commit happened. */
    private static final class Commits implements TableWatch {
        final List<Consumer<Set<String>>> watchers = new CopyOnWriteArrayList<>();
        final AtomicInteger closed = new AtomicInteger();

        @Override
        public AutoCloseable watch(Set<String> tables, Consumer<Set<String>> changed) {
            assertEquals(Set.of("products"), tables);
            watchers.add(changed);
            return () -> {
                watchers.remove(changed);
                closed.incrementAndGet();
            };
        }

        void commit() {
            watchers.forEach(w -> w.accept(Set.of("products")));
        }
    }

    private final Commits commits = new Commits();
    private final AtomicInteger value = new AtomicInteger();
    private final List<Long> runStarts = new CopyOnWriteArrayList<>();
    private final TestRoute.Module module = TestRoute.Module.of("shop", "1",
            TestRoute.sse("/feed", Set.of("products"), r -> {
                runStarts.add(System.nanoTime());
                return Response.json(("{\"n\":" + value.get() + "}").getBytes());
            }),
            new TestRoute("GET", "/ws", RouteKind.WEBSOCKET, Set.of("products"), r -> Response.json(("[" + value.get() + "]").getBytes())));
    private Fixture f;

    @BeforeEach
    void start() {
        f = new Fixture(BasiliskConfig.defaults("127.0.0.1", 0), commits);
        f.server.add(module, 1);
    }

    @AfterEach
    void stop() throws Exception {
        f.close();
    }

    /** Opens /feed; its lines go to the queue as they arrive. */
    private BlockingQueue<String> sse() throws Exception {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        HttpResponse<java.util.stream.Stream<String>> r = f.http1.send(HttpRequest.newBuilder(f.uri("/feed")).build(),
                HttpResponse.BodyHandlers.ofLines());
        assertEquals(200, r.statusCode());
        assertEquals("text/event-stream; charset=utf-8", r.headers().firstValue("content-type").orElseThrow());
        Thread.ofVirtual().start(() -> {
            r.body().forEach(lines::add);
            lines.add("<end>");
        });
        return lines;
    }

    private static String nextEvent(BlockingQueue<String> lines) throws InterruptedException {
        String data = lines.poll(10, TimeUnit.SECONDS);
        if (data == null || data.equals("<end>")) {
            return data;
        }
        assertEquals("", lines.poll(10, TimeUnit.SECONDS), "an event ends with a blank line");
        return data;
    }

    @Test
    void anSseClientGetsOneEventOnConnectAndOnePerCommit() throws Exception {
        BlockingQueue<String> lines = sse();
        assertEquals("data: {\"n\":0}", nextEvent(lines));
        for (int n = 1; n <= 3; n++) {
            value.set(n);
            commits.commit();
            assertEquals("data: {\"n\":" + n + "}", nextEvent(lines));
        }
        assertNull(lines.poll(100, TimeUnit.MILLISECONDS), "nothing without a commit");
        assertEquals(4, runStarts.size());
    }

    @Test
    void commitsInABurstAreCoalescedToOneRunPerFrame() throws Exception {
        BlockingQueue<String> lines = sse();
        assertEquals("data: {\"n\":0}", nextEvent(lines));
        for (int n = 1; n <= 500; n++) {
            value.set(n);
            commits.commit();
        }
        String last;
        do {
            last = nextEvent(lines);
            assertTrue(last != null && last.startsWith("data: "), String.valueOf(last));
        } while (!last.equals("data: {\"n\":500}"));
        int runs = runStarts.size() - 1;
        assertTrue(runs >= 1 && runs <= 5, runs + " runs for 500 commits");
        for (int i = 1; i < runStarts.size(); i++) {
            long gap = runStarts.get(i) - runStarts.get(i - 1);
            assertTrue(gap >= TimeUnit.MILLISECONDS.toNanos(15), "runs " + TimeUnit.NANOSECONDS.toMicros(gap) + " us apart");
        }
    }

    @Test
    void aStreamStopsWatchingWhenItsClientGoesOrItsRevisionIsReplaced() throws Exception {
        BlockingQueue<String> lines = sse();
        assertEquals("data: {\"n\":0}", nextEvent(lines));
        assertEquals(1, commits.watchers.size());
        f.server.add(TestRoute.Module.of("shop", "2", TestRoute.sse("/feed", Set.of("products"), r -> Response.json("{}".getBytes()))), 2);
        f.server.remove(module, 1);
        assertEquals("<end>", lines.poll(10, TimeUnit.SECONDS), "the old revision's stream ends: the client reconnects to the new one");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (commits.closed.get() == 0 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertEquals(1, commits.closed.get());
        assertEquals(0, f.server.streams());
    }

    @Test
    void aWebSocketClientGetsOneMessagePerCommit() throws Exception {
        BlockingQueue<String> messages = new LinkedBlockingQueue<>();
        WebSocket ws = f.http1.newWebSocketBuilder().buildAsync(java.net.URI.create("ws://127.0.0.1:" + f.server.port() + "/ws"),
                new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                        messages.add(data.toString());
                        webSocket.request(1);
                        return null;
                    }
                }).get(10, TimeUnit.SECONDS);
        assertEquals("[0]", messages.poll(10, TimeUnit.SECONDS));
        value.set(7);
        commits.commit();
        assertEquals("[7]", messages.poll(10, TimeUnit.SECONDS));
        ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(10, TimeUnit.SECONDS);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (commits.watchers.size() > 0 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertEquals(0, commits.watchers.size(), "closing the socket closes its watch");
    }
}
