package io.hallows.basilisk.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallows.basilisk.api.Response;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Module revisions replacing each other while clients keep sending: nothing fails, nothing is dropped. */
class HotSwapTest {
    private final Fixture f = new Fixture();

    @AfterEach
    void stop() throws Exception {
        f.close();
    }

    private static TestRoute.Module revision(int n) {
        return TestRoute.Module.of("m", Integer.toString(n), TestRoute.get("/v", r -> Response.text(Integer.toString(n))));
    }

    @Test
    void swappingRevisionsUnderContinuousRequestsFailsNone() throws Exception {
        f.server.add(revision(1), 1);
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger answered = new AtomicInteger();
        List<String> failures = new ArrayList<>();
        Set<String> seen = ConcurrentHashMap.newKeySet();
        List<Thread> clients = new ArrayList<>();
        for (HttpClient client : List.of(f.http1, f.http1, f.http2, f.http2)) {
            clients.add(Thread.ofPlatform().start(() -> {
                while (!stop.get()) {
                    try {
                        HttpResponse<String> r = client.send(HttpRequest.newBuilder(f.uri("/v")).timeout(Duration.ofSeconds(10)).build(),
                                HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() == 200) {
                            seen.add(r.body());
                            answered.incrementAndGet();
                        } else {
                            synchronized (failures) {
                                failures.add(r.statusCode() + " " + r.body());
                            }
                        }
                    } catch (Exception e) {
                        synchronized (failures) {
                            failures.add(e.toString());
                        }
                    }
                }
            }));
        }
        int last = 1;
        for (int n = 2; n <= 15; n++) {
            awaitMore(answered, 50);
            f.server.add(revision(n), n);   // the new revision registers…
            awaitMore(answered, 20);
            f.server.remove(revision(last), last); // …then the old one goes
            last = n;
        }
        awaitMore(answered, 50);
        stop.set(true);
        for (Thread t : clients) {
            t.join(20_000);
        }
        assertEquals(List.of(), failures);
        assertTrue(seen.contains("1") && seen.contains("15"), seen.toString());
        assertTrue(answered.get() >= 14 * 70 + 50, answered.toString()); // what the awaits above waited for
        assertEquals(List.of("15"), f.server.routes().stream().map(s -> s.revision()).toList());
    }

    @Test
    void anUpdateThatUnregistersTheOldRevisionFirstParksRequestsForTheNewOne() throws Exception {
        try (Fixture g = new Fixture(BasiliskConfig.defaults("127.0.0.1", 0).withSwapGrace(10_000), TableWatch.NONE)) {
            g.server.add(revision(1), 1);
            assertEquals("1", g.get("/v").body());
            g.server.remove(revision(1), 1);  // a bundle update: the old revision goes first…
            CompletableFuture<HttpResponse<String>> parked = g.http1.sendAsync(HttpRequest.newBuilder(g.uri("/v")).build(),
                    HttpResponse.BodyHandlers.ofString());
            CompletableFuture<HttpResponse<String>> parked2 = g.http2.sendAsync(HttpRequest.newBuilder(g.uri("/v")).build(),
                    HttpResponse.BodyHandlers.ofString());
            g.server.add(revision(2), 2);     // …then the new one registers
            assertEquals("2", parked.get(10, TimeUnit.SECONDS).body());
            assertEquals("2", parked2.get(10, TimeUnit.SECONDS).body());
            assertEquals(List.of("2"), g.server.routes().stream().map(s -> s.revision()).toList());
        }
    }

    @Test
    void aModuleThatDoesNotComeBackWithinTheGraceAnswers404() throws Exception {
        try (Fixture g = new Fixture(BasiliskConfig.defaults("127.0.0.1", 0).withSwapGrace(300), TableWatch.NONE)) {
            g.server.add(revision(1), 1);
            g.server.remove(revision(1), 1);
            HttpResponse<String> r = g.get("/v");  // parked, then answered when the grace ends
            assertEquals(404, r.statusCode(), r.body());
            assertEquals(List.of(), g.server.routes());
        }
    }

    private static void awaitMore(AtomicInteger counter, int more) throws InterruptedException {
        int target = counter.get() + more;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (counter.get() < target) {
            assertTrue(System.nanoTime() < deadline, "clients stopped getting answers");
            Thread.sleep(1); // polling a counter the clients advance; the assertion above bounds it
        }
    }

    @Test
    void aRequestInFlightFinishesOnTheRevisionThatTookIt() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        TestRoute.Module old = TestRoute.Module.of("m", "1", TestRoute.get("/slow", r -> {
            entered.countDown();
            release.await(10, TimeUnit.SECONDS);
            return Response.text("old");
        }));
        f.server.add(old, 1);
        CompletableFuture<HttpResponse<String>> inFlight = f.http1.sendAsync(HttpRequest.newBuilder(f.uri("/slow")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(entered.await(10, TimeUnit.SECONDS));
        f.server.add(TestRoute.Module.of("m", "2", TestRoute.get("/slow", r -> Response.text("new"))), 2);
        f.server.remove(old, 1);
        assertEquals("new", f.get("/slow").body());
        release.countDown();
        HttpResponse<String> r = inFlight.get(10, TimeUnit.SECONDS);
        assertEquals(200, r.statusCode());
        assertEquals("old", r.body());
    }

    @Test
    void theModuleThatCameFirstKeepsAContestedRouteAndTheOtherIsWarned() throws Exception {
        TestRoute.Module a = TestRoute.Module.of("alpha", "1", TestRoute.get("/x", r -> Response.text("a")));
        f.server.add(a, 1);
        f.server.add(TestRoute.Module.of("beta", "1", TestRoute.get("/x", r -> Response.text("b")), TestRoute.get("/y", r -> Response.text("by"))), 2);
        assertEquals("a", f.get("/x").body());
        assertEquals("by", f.get("/y").body());
        assertTrue(f.log.has("WARN", "GET /x", "beta", "alpha"), f.log.lines.toString());
        // A newer revision of the first module keeps it too.
        f.server.add(TestRoute.Module.of("alpha", "2", TestRoute.get("/x", r -> Response.text("a2"))), 3);
        assertEquals("a2", f.get("/x").body());
        f.server.remove(a, 1);
        assertEquals("a2", f.get("/x").body());
        f.server.remove(new TestRoute.Module("alpha", "2", List.of()), 3);
        assertEquals("b", f.get("/x").body(), "the other module gets it once the first is gone");
    }

    @Test
    void aModuleThatGoesTakesItsRoutesWithIt() throws Exception {
        TestRoute.Module m = revision(1);
        f.server.add(m, 7);
        assertEquals(200, f.get("/v").statusCode());
        f.server.remove(m, 7);
        assertEquals(404, f.get("/v").statusCode());
        assertEquals(List.of(), f.server.routes());
    }
}
