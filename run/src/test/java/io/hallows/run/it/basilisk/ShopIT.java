package io.hallows.run.it.basilisk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shop example ({@code run/apps/shop.pt}) in a real stack, through Java's HTTP client: typed
 * binding and problem documents, stored models and their migration, escaping, a stream of orders
 * to an SSE client, and data and durable state across a SIGKILL of the stack. The tests share one
 * stack and run in order: each builds on the data of the ones before.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ShopIT {
    private static final String TEAPOT = "{\"id\":1,\"name\":\"Teapot\",\"price\":2500,\"stock\":3}";
    @TempDir
    static Path work;
    private static WebStack stack;

    @BeforeAll
    static void start() throws Exception {
        stack = new WebStack(work);
        stack.app("shop.pt", Files.readString(Path.of("apps", "shop.pt"), StandardCharsets.UTF_8));
        stack.start("/stats");
    }

    @AfterAll
    static void stop() throws Exception {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void routesBindTypedValuesAndAnswerJson() throws Exception {
        HttpResponse<String> created = stack.post("/products", TEAPOT);
        assertEquals(200, created.statusCode(), created.body());
        assertEquals(TEAPOT, created.body());
        HttpResponse<String> read = stack.get("/products/1");
        assertEquals(200, read.statusCode());
        assertEquals("application/json", read.headers().firstValue("content-type").orElse("").split(";")[0]);
        assertEquals(TEAPOT, read.body());
        assertEquals("[" + TEAPOT + "]", stack.get("/products?maxPrice=3000").body());
        assertEquals("[]", stack.get("/products?maxPrice=100").body());

        HttpResponse<String> order = stack.post("/orders", "{\"productId\": 1, \"qty\": 2}");
        assertEquals(200, order.statusCode(), order.body());
        assertEquals("{\"id\":1,\"productId\":1,\"qty\":2,\"total\":5000}", order.body());
        assertEquals("{\"id\":1,\"name\":\"Teapot\",\"price\":2500,\"stock\":1}", stack.get("/products/1").body());
    }

    @Test
    @Order(2)
    void badInputIsA400ProblemNamingTheFieldAndChangesNothing() throws Exception {
        assertProblem(stack.get("/products/abc"), 400, "\"field\":\"id\"");
        assertProblem(stack.get("/products?maxPrice=cheap"), 400, "\"field\":\"maxPrice\"");
        assertProblem(stack.post("/orders", "{\"productId\": \"one\", \"qty\": 1}"), 400, "\"field\":\"body.productId\"");
        assertProblem(stack.post("/orders", "{\"productId\": 1}"), 400, "\"field\":\"body.qty\"");
        assertProblem(stack.post("/orders", "{\"productId\": 1, \"qty\": 1, \"coupon\": \"x\"}"), 400, "\"field\":\"body.coupon\"");
        assertProblem(stack.post("/orders", "{\"productId\": 1, "), 400, "\"status\":400");
        assertProblem(stack.post("/orders", "[1, 2]"), 400, "\"status\":400");
        assertProblem(stack.post("/orders", "{\"productId\": 99999999999999999999999, \"qty\": 1}"), 400, "\"field\":\"body.productId\"");
        assertProblem(stack.get("/nowhere"), 404, "\"status\":404");
        assertEquals("{\"id\":1,\"name\":\"Teapot\",\"price\":2500,\"stock\":1}", stack.get("/products/1").body(), "nothing changed");
    }

    @Test
    @Order(3)
    void raisedErrorsAreProblemsWithTheModulesStatusAndFields() throws Exception {
        assertProblem(stack.get("/products/42"), 404, "\"title\":\"NotFound\"", "\"id\":42");
        assertProblem(stack.post("/orders", "{\"productId\": 1, \"qty\": 5}"), 409, "\"title\":\"OutOfStock\"", "\"left\":1");
        assertProblem(stack.post("/products", TEAPOT), 409, "\"title\":\"AlreadyExists\"");
        assertProblem(stack.post("/orders", "{\"productId\": 1, \"qty\": 0}"), 422, "\"title\":\"InvalidQuantity\"");
        assertEquals("{\"id\":1,\"name\":\"Teapot\",\"price\":2500,\"stock\":1}", stack.get("/products/1").body(),
                "a raised error rolls its transaction back");
    }

    @Test
    @Order(4)
    void theHtmlPageEscapesWhatUsersWrote() throws Exception {
        HttpResponse<String> created = stack.post("/products", "{\"id\":2,\"name\":\"<script>alert('x')</script> & co\",\"price\":10,\"stock\":5}");
        assertEquals(200, created.statusCode(), created.body());
        HttpResponse<String> page = stack.get("/");
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("content-type").orElse("").startsWith("text/html"));
        assertTrue(page.body().contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; co")
                || page.body().contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; co"), page.body());
        assertTrue(!page.body().contains("<script>"), page.body());
    }

    @Test
    @Order(5)
    void theOrderFeedStreamsAChangeToAnSseClient() throws Exception {
        BlockingQueue<String> events = new LinkedBlockingQueue<>();
        HttpRequest request = HttpRequest.newBuilder(stack.uri("/orders/feed")).header("Accept", "text/event-stream").GET().build();
        CompletableFuture<HttpResponse<Stream<String>>> feed = stack.client().sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        HttpResponse<Stream<String>> response = feed.get(30, TimeUnit.SECONDS);
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("content-type").orElse("").startsWith("text/event-stream"));
        Thread reader = new Thread(() -> response.body().filter(l -> l.startsWith("data:")).forEach(l -> events.add(l.substring(5).trim())));
        reader.setDaemon(true);
        reader.start();
        try {
            String first = events.poll(30, TimeUnit.SECONDS);
            assertEquals("[{\"id\":1,\"productId\":1,\"qty\":2,\"total\":5000}]", first, "the feed's value on connect");
            assertEquals(200, stack.post("/orders", "{\"productId\": 2, \"qty\": 1}").statusCode());
            String next = events.poll(30, TimeUnit.SECONDS);
            assertEquals("[{\"id\":1,\"productId\":1,\"qty\":2,\"total\":5000},{\"id\":2,\"productId\":2,\"qty\":1,\"total\":10}]", next,
                    "the feed after an order was placed");
        } finally {
            response.body().close();
        }
    }

    @Test
    @Order(6)
    void dataAndDurableStateSurviveASigkillOfTheStack() throws Exception {
        assertEquals("{\"orders\":2,\"products\":2}", stack.get("/stats").body());
        stack.kill();
        stack.start("/stats");
        assertEquals("{\"orders\":2,\"products\":2}", stack.get("/stats").body(), "the durable counter and the rows are back");
        assertEquals("{\"id\":1,\"name\":\"Teapot\",\"price\":2500,\"stock\":1}", stack.get("/products/1").body());
    }

    @Test
    @Order(7)
    void aChangedModelIsMigratedWithTheDeployAndAnUnsafeChangeIsRefused() throws Exception {
        String v1 = Files.readString(Path.of("apps", "shop.pt"), StandardCharsets.UTF_8);
        String v2 = v1.replace("version \"1.0.0\"", "version \"1.1.0\"")
                .replace("model Product stored in \"products\" { id: Int, name: String, price: Int, stock: Int }",
                        "model Product stored in \"products\" { id: Int, name: String, price: Int, stock: Int, category: Option<String> }")
                .replace("Product { id: p.id, name: p.name, price: p.price, stock: p.stock - body.qty }",
                        "Product { id: p.id, name: p.name, price: p.price, stock: p.stock - body.qty, category: p.category }");
        stack.app("shop.pt", v2);
        HttpResponse<String> migrated = stack.awaitBody("/products/1", r -> r.body().contains("category"), Duration.ofSeconds(60));
        assertEquals("{\"id\":1,\"name\":\"Teapot\",\"price\":2500,\"stock\":1,\"category\":null}", migrated.body());
        java.util.Properties user = new java.util.Properties();
        user.setProperty("user", "hallows");
        try (Connection c = new org.postgresql.Driver().connect("jdbc:postgresql://127.0.0.1:" + stack.pgPort() + "/hallows", user);
                ResultSet rs = c.createStatement().executeQuery("SELECT name, category FROM products WHERE id = 1")) {
            assertTrue(rs.next());
            assertEquals("Teapot", rs.getString(1));
        }

        // Back to v1's model: "category" would be dropped without the @dropped marker, so the data
        // is not thrown away: the deploy is refused and the running revision keeps serving.
        stack.app("shop.pt", v1.replace("version \"1.0.0\"", "version \"1.2.0\""));
        stack.awaitOutput(out -> out.contains("shop.pt not deployed") && out.contains("column \"category\" of table \"products\""),
                Duration.ofSeconds(60));
        assertEquals("{\"id\":1,\"name\":\"Teapot\",\"price\":2500,\"stock\":1,\"category\":null}", stack.get("/products/1").body());
    }

    private static void assertProblem(HttpResponse<String> r, int status, String... contains) {
        assertEquals(status, r.statusCode(), r.body());
        assertEquals("application/problem+json", r.headers().firstValue("content-type").orElse("").split(";")[0].trim(), r.body());
        assertTrue(r.body().contains("\"status\":" + status), r.body());
        for (String c : contains) {
            assertTrue(r.body().contains(c), "expected " + c + " in " + r.body());
        }
        assertTrue(!r.body().contains("Exception") && !r.body().contains("\tat "), "no internals leak: " + r.body());
    }
}
