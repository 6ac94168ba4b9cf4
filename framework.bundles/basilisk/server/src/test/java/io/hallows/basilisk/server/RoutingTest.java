package io.hallows.basilisk.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallows.basilisk.api.BadRequest;
import io.hallows.basilisk.api.Response;
import io.hallows.basilisk.api.RouteStats;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Routing, binding inputs, answers and problem documents, over real HTTP/1.1 and HTTP/2. */
class RoutingTest {
    private Fixture f;

    @BeforeEach
    void start() {
        f = new Fixture();
        f.server.add(TestRoute.Module.of("shop", "1.0.0",
                TestRoute.get("/items/{id}", r -> Response.text(r.pathParam("id") + " " + r.queryParams("q") + " " + r.header("x-test")
                        + " on " + Thread.currentThread().getName())),
                TestRoute.of("POST", "/items", r -> new Response(201, Response.JSON, r.body(), java.util.Map.of("Location", "/items/7"))),
                TestRoute.get("/bad/{id}", r -> {
                    throw new BadRequest("id", "expected an integer, got \"" + r.pathParam("id") + "\"");
                }),
                TestRoute.get("/boom", r -> {
                    throw new IllegalStateException("secret internals");
                }),
                TestRoute.of("DELETE", "/items/{id}", r -> Response.noContent()),
                TestRoute.get("/items/latest", r -> Response.text("the latest"))), 1);
    }

    @AfterEach
    void stop() throws Exception {
        f.close();
    }

    @Test
    void pathQueryAndHeadersAreBoundAndTheRouteRunsOffTheEventLoop() throws Exception {
        HttpResponse<String> r = f.http1.send(HttpRequest.newBuilder(f.uri("/items/42?q=a%20b&q=c")).header("X-Test", "yes").build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode());
        assertTrue(r.body().startsWith("42 [a b, c] yes on pool-"), r.body());
        assertEquals("text/plain; charset=utf-8", r.headers().firstValue("content-type").orElseThrow());
        assertEquals("Basilisk", r.headers().firstValue("server").orElseThrow());
        assertTrue(r.headers().firstValue("date").orElseThrow().matches("[A-Z][a-z]{2}, \\d\\d [A-Z][a-z]{2} \\d{4} \\d\\d:\\d\\d:\\d\\d GMT"),
                r.headers().firstValue("date").orElseThrow());
    }

    @Test
    void aStaticSegmentWinsOverAParameterDeclaredBeforeIt() throws Exception {
        assertEquals("the latest", f.send("GET", "/items/latest", null).body());
        assertTrue(f.send("GET", "/items/41", null).body().startsWith("41 "));
    }

    @Test
    void aBodyIsReadAndStatusAndHeadersOfTheResponseAreSent() throws Exception {
        HttpResponse<String> r = f.send("POST", "/items", "{\"name\":\"ü\"}");
        assertEquals(201, r.statusCode());
        assertEquals("{\"name\":\"ü\"}", r.body());
        assertEquals("/items/7", r.headers().firstValue("location").orElseThrow());
        HttpResponse<String> gone = f.send("DELETE", "/items/7", null);
        assertEquals(204, gone.statusCode());
        assertEquals("", gone.body());
    }

    @Test
    void http2WorksWithUpgradeAndWithPriorKnowledge() throws Exception {
        HttpResponse<String> r = f.http2.send(HttpRequest.newBuilder(f.uri("/items/1")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(HttpClient.Version.HTTP_2, r.version());
        assertEquals(200, r.statusCode());
        assertTrue(r.body().startsWith("1 [] null"), r.body());
        assertTrue(r.headers().firstValue("date").isPresent());
        // Prior knowledge: the HTTP/2 connection preface straight away, no upgrade.
        try (java.net.Socket s = f.socket()) {
            s.getOutputStream().write("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n\0\0\0\4\0\0\0\0\0".getBytes(StandardCharsets.ISO_8859_1));
            byte[] frameHeader = s.getInputStream().readNBytes(9);
            assertEquals(4, frameHeader[3], "the server's SETTINGS frame comes first");
        }
    }

    @Test
    void noRouteIs404AndAnotherMethodIs405AsProblemDocuments() throws Exception {
        HttpResponse<String> missing = f.get("/nothing/here");
        assertEquals(404, missing.statusCode());
        assertEquals("application/problem+json", missing.headers().firstValue("content-type").orElseThrow());
        assertEquals("{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,\"detail\":\"no route for /nothing/here\"}", missing.body());
        HttpResponse<String> wrong = f.send("PUT", "/items/3", "x");
        assertEquals(405, wrong.statusCode());
        assertTrue(wrong.body().contains("\"title\":\"Method Not Allowed\""), wrong.body());
        assertEquals("Basilisk", wrong.headers().firstValue("server").orElseThrow());
    }

    @Test
    void badRequestIs400NamingTheField() throws Exception {
        HttpResponse<String> r = f.get("/bad/abc");
        assertEquals(400, r.statusCode());
        assertEquals("{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,\"detail\":\"expected an integer, got \\\"abc\\\"\","
                + "\"field\":\"id\"}", r.body());
    }

    @Test
    void anExceptionIs500WithoutInternalsAndIsLoggedWithTheRoute() throws Exception {
        HttpResponse<String> r = f.get("/boom");
        assertEquals(500, r.statusCode());
        assertEquals("{\"type\":\"about:blank\",\"title\":\"Internal Server Error\",\"status\":500}", r.body());
        assertFalse(r.body().contains("secret"));
        assertTrue(f.log.has("ERROR", "shop GET /boom", "secret internals"), f.log.lines.toString());
        // The server goes on.
        assertEquals(200, f.get("/items/2").statusCode());
    }

    @Test
    void everyRequestHasAnAccessLogLineAndRoutesHaveMetrics() throws Exception {
        f.get("/items/1");
        f.get("/items/2");
        f.get("/bad/x");
        f.get("/boom");
        f.get("/missing");
        assertTrue(f.access.has("INFO", "GET /items/1 http/1.1 200"), f.access.lines.toString());
        assertTrue(f.access.has("INFO", "GET /missing http/1.1 404"), f.access.lines.toString());
        RouteStats items = f.server.routes().stream().filter(s -> s.path().equals("/items/{id}")).findFirst().orElseThrow();
        assertEquals(2, items.requests());
        assertEquals(0, items.clientErrors());
        assertTrue(items.p99Micros() >= items.p50Micros() && items.p50Micros() > 0, items.toString());
        RouteStats bad = f.server.routes().stream().filter(s -> s.path().equals("/bad/{id}")).findFirst().orElseThrow();
        assertEquals(1, bad.clientErrors());
        RouteStats boom = f.server.routes().stream().filter(s -> s.path().equals("/boom")).findFirst().orElseThrow();
        assertEquals(1, boom.serverErrors());
        String table = RoutesCommand.table(f.server);
        assertTrue(table.contains("shop") && table.contains("/items/{id}") && table.contains("Test.get_items_{id}"), table);
    }

    @Test
    void utf8PathsAreDecoded() throws Exception {
        HttpResponse<String> r = f.get("/items/%C3%BC");
        assertEquals(200, r.statusCode());
        assertTrue(r.body().startsWith("ü "), r.body());
    }
}
