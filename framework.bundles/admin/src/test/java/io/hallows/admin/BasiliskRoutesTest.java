package io.hallows.admin;

import static io.hallows.admin.AdminClient.error;
import static io.hallows.admin.AdminClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallows.basilisk.api.RouteKind;
import io.hallows.basilisk.api.RouteStats;
import io.hallows.basilisk.api.WebStatus;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code GET /v1/basilisk/routes}: the Basilisk server's routes and metrics, behind the token like every endpoint. */
class BasiliskRoutesTest {
    @TempDir
    Path dir;
    private final FakeKernel kernel = new FakeKernel();
    private final Vertx vertx = Vertx.vertx(AdminServer.vertxOptions());
    private final AtomicReference<WebStatus> web = new AtomicReference<>();
    private AdminServer server;
    private AdminClient client;

    @BeforeEach
    void start() throws Exception {
        server = AdminServer.start(new AdminConfig("127.0.0.1", 0, dir.resolve("admin.token")), vertx, kernel, kernel, web::get,
                FakeKernel.LOG, null);
        client = new AdminClient(server.url(), Files.readString(server.tokenFile()).strip());
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        vertx.close().toCompletionStage().toCompletableFuture().get();
    }

    @Test
    void listsTheRoutesWithTheirMetrics() throws Exception {
        web.set(new WebStatus() {
            @Override
            public String host() {
                return "127.0.0.1";
            }

            @Override
            public int port() {
                return 8080;
            }

            @Override
            public int connections() {
                return 3;
            }

            @Override
            public List<RouteStats> routes() {
                return List.of(new RouteStats("shop", "1.0.0", "GET", "/products/{id}", "Shop.product", RouteKind.PLAIN, 10, 2, 1, 120, 900));
            }
        });
        HttpResponse<String> r = client.get("/v1/basilisk/routes");
        assertEquals(200, r.statusCode());
        JsonObject body = json(r);
        assertEquals(8080, body.getInteger("port"));
        assertEquals(3, body.getInteger("connections"));
        JsonObject route = body.getJsonArray("routes").getJsonObject(0);
        assertEquals("shop", route.getString("module"));
        assertEquals("/products/{id}", route.getString("path"));
        assertEquals("plain", route.getString("kind"));
        assertEquals(10, route.getLong("requests"));
        assertEquals(2, route.getLong("clientErrors"));
        assertEquals(1, route.getLong("serverErrors"));
        assertEquals(900, route.getLong("p99Micros"));
        assertEquals(401, client.withToken(null).get("/v1/basilisk/routes").statusCode());
    }

    @Test
    void withoutTheServerItIs503() throws Exception {
        HttpResponse<String> r = client.get("/v1/basilisk/routes");
        assertEquals(503, r.statusCode());
        assertTrue(error(r).contains("Basilisk HTTP server is not running"), error(r));
    }
}
