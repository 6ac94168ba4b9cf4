package io.hallows.basilisk.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallows.basilisk.api.Response;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Request limits and hostile input: each costs the offender its request or connection, nobody else anything. */
class LimitsTest {
    private static final int MAX_BODY = 1024;
    private static final long TIMEOUT_MS = 300;
    private static final long HEADER_TIMEOUT_MS = 500;
    private static final int MAX_CONNECTIONS = 4;
    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicInteger slowFinished = new AtomicInteger();
    private Fixture f;

    @BeforeEach
    void start() {
        f = new Fixture(BasiliskConfig.defaults("127.0.0.1", 0).withLimits(MAX_BODY, 2048, TIMEOUT_MS, MAX_CONNECTIONS, HEADER_TIMEOUT_MS),
                TableWatch.NONE);
        f.server.add(TestRoute.Module.of("m", "1",
                TestRoute.of("POST", "/echo", r -> new Response(200, Response.TEXT, r.body(), null)),
                TestRoute.get("/ok", r -> Response.text("ok")),
                TestRoute.get("/slow", r -> {
                    release.await(10, TimeUnit.SECONDS);
                    slowFinished.incrementAndGet();
                    return Response.text("late");
                })), 1);
    }

    @AfterEach
    void stop() throws Exception {
        release.countDown();
        f.close();
    }

    @Test
    void aBodyOverTheLimitIs413() throws Exception {
        assertEquals("x".repeat(MAX_BODY), f.send("POST", "/echo", "x".repeat(MAX_BODY)).body());
        HttpResponse<String> r = f.send("POST", "/echo", "x".repeat(MAX_BODY + 1));
        assertEquals(413, r.statusCode());
        assertTrue(r.body().contains("\"title\":\"Content Too Large\""), r.body());
        assertEquals(1, f.server.routes().stream().filter(s -> s.path().equals("/echo")).findFirst().orElseThrow().clientErrors());
    }

    @Test
    void anEndlessChunkedBodyIs413AndItsConnectionCloses() throws Exception {
        try (Socket s = f.socket()) {
            OutputStream out = s.getOutputStream();
            out.write("POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            Thread writer = Thread.ofVirtual().start(() -> {
                byte[] chunk = ("400\r\n" + "y".repeat(1024) + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
                try {
                    while (true) {
                        out.write(chunk);
                    }
                } catch (IOException closed) {
                    // the server closed the connection: what the test waits for
                }
            });
            String answer = Fixture.readAll(s.getInputStream());
            assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
            writer.join(10_000);
            assertTrue(!writer.isAlive(), "the server stopped reading the body");
        }
        assertEquals("ok", f.get("/ok").body());
    }

    @Test
    void headersOverTheLimitAre431() throws Exception {
        String answer = f.raw("GET /ok HTTP/1.1\r\nHost: x\r\nX-Big: " + "z".repeat(3000) + "\r\n\r\n");
        assertTrue(answer.startsWith("HTTP/1.1 431"), answer);
        assertEquals("ok", f.get("/ok").body());
    }

    @Test
    void aRouteOverTheTimeIs503AndItsLateAnswerIsDropped() throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> r = f.get("/slow");
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertEquals(503, r.statusCode());
        assertTrue(r.body().contains("did not finish within 300 ms"), r.body());
        assertTrue(ms >= TIMEOUT_MS && ms < 5000, ms + " ms");
        release.countDown();
        // The task was not killed: it finishes, and its answer goes nowhere.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (slowFinished.get() == 0 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertEquals(1, slowFinished.get());
        assertEquals("ok", f.get("/ok").body());
        assertTrue(f.log.has("WARN", "GET /slow did not finish within 300 ms"), f.log.lines.toString());
    }

    @Test
    void aKeptAliveClientTricklingItsNextHeadersLosesItsConnection() throws Exception {
        try (Socket slow = f.socket()) {
            slow.getOutputStream().write("GET /ok HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            assertEquals("HTTP/1.1 200", new String(slow.getInputStream().readNBytes(12), StandardCharsets.ISO_8859_1));
            slow.getOutputStream().write("GET /ok HTTP/1.1\r\nHost: x\r\nX-A: 1\r\n".getBytes(StandardCharsets.ISO_8859_1));
            long start = System.nanoTime();
            String rest = Fixture.readAll(slow.getInputStream()); // the rest of the first answer, then the end
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertTrue(!rest.contains("HTTP/1.1"), "the second request is not answered: " + rest);
            assertTrue(ms < 5000, ms + " ms");
        }
    }

    @Test
    void clientsTricklingHeadersDoNotSlowOthersDown() throws Exception {
        List<Socket> slow = new ArrayList<>();
        try {
            for (int i = 0; i < 50; i++) {
                Socket s = f.socket();
                slow.add(s);
                s.getOutputStream().write("GET /ok HTTP/1.1\r\nHost: x\r\nX-A: ".getBytes(StandardCharsets.ISO_8859_1));
            }
            for (int i = 0; i < 20; i++) {
                assertEquals("ok", f.get("/ok").body());
            }
        } finally {
            for (Socket s : slow) {
                s.close();
            }
        }
    }

    @Test
    void connectionsOverTheCapAreClosedAtOnce() throws Exception {
        List<Socket> held = new ArrayList<>();
        try {
            for (int i = 0; i < MAX_CONNECTIONS; i++) {
                Socket s = f.socket();
                held.add(s);
                s.getOutputStream().write("GET /ok HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                byte[] head = s.getInputStream().readNBytes(12);
                assertEquals("HTTP/1.1 200", new String(head, StandardCharsets.ISO_8859_1));
            }
            try (Socket over = f.socket()) {
                over.getOutputStream().write("GET /ok HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                assertEquals("", Fixture.readAll(over.getInputStream()), "closed without an answer");
            }
        } finally {
            for (Socket s : held) {
                s.close();
            }
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (f.server.connections() > 0 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertEquals("ok", f.get("/ok").body());
    }

    @Test
    void malformedHttpIs400AndHurtsNobodyElse() throws Exception {
        String answer = f.raw("THIS IS NOT HTTP\r\n\r\n");
        assertTrue(answer.matches("(?s)HTTP/1\\.[01] 400 .*"), answer);
        String badLength = f.raw("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: nope\r\n\r\n");
        assertTrue(badLength.matches("(?s)HTTP/1\\.[01] 400 .*"), badLength);
        assertEquals("ok", f.get("/ok").body());
    }
}
