package io.hallows.admin;

import static io.hallows.admin.AdminClient.error;
import static io.hallows.admin.AdminClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The endpoints, their JSON and their errors, against a fake kernel. */
class AdminServerTest {
    @TempDir
    Path dir;
    private final FakeKernel kernel = new FakeKernel();
    /** In a stack the partition's Vert.x; here a plain one, as the server does not care whose it is. */
    private final Vertx vertx = Vertx.vertx(AdminServer.vertxOptions());
    private AdminServer server;
    private AdminClient client;

    @BeforeEach
    void start() throws Exception {
        server = AdminServer.start(new AdminConfig("127.0.0.1", 0, dir.resolve("admin.token")), vertx, kernel, kernel, FakeKernel.LOG, null);
        client = new AdminClient(server.url(), Files.readString(server.tokenFile()).strip());
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        vertx.close().toCompletionStage().toCompletableFuture().get();
    }

    @Test
    void withoutTheTokenEveryRequestIsUnauthorised() throws Exception {
        for (String path : List.of("/v1/partitions", "/v1/no-such-endpoint")) {
            HttpResponse<String> r = client.withToken(null).get(path);
            assertEquals(401, r.statusCode(), path);
            assertEquals("Bearer realm=\"hallows\"", r.headers().firstValue("WWW-Authenticate").orElseThrow());
            assertTrue(error(r).contains("missing bearer token") && error(r).contains(server.tokenFile().toString()), error(r));
        }
    }

    @Test
    void aWrongTokenIsUnauthorisedAndChangesNothing() throws Exception {
        HttpResponse<String> r = client.withToken("not-the-token-at-all").post("/v1/partitions/web/swap", "{\"scheduler\":\"keyed\"}");
        assertEquals(401, r.statusCode());
        assertTrue(r.headers().firstValue("WWW-Authenticate").orElseThrow().contains("error=\"invalid_token\""));
        assertTrue(error(r).startsWith("wrong bearer token"), error(r));
        assertEquals(List.of(), kernel.calls);
    }

    @Test
    void listsPartitionsWithTheSchedulerEachRuns() throws Exception {
        client.post("/v1/partitions/web/swap", "{\"scheduler\":\"keyed\"}");
        HttpResponse<String> r = client.get("/v1/partitions");
        assertEquals(200, r.statusCode());
        assertEquals("application/json; charset=utf-8", r.headers().firstValue("Content-Type").orElseThrow());
        JsonArray partitions = json(r).getJsonArray("partitions");
        JsonObject db = partitions.getJsonObject(0);
        JsonObject web = partitions.getJsonObject(1);
        assertEquals("db", db.getString("name"));
        assertEquals("running", db.getString("state"));
        assertEquals("1", db.getString("cpus"));
        assertEquals("fifo", db.getString("activeScheduler"));
        assertEquals("(hallows.scheduler=fifo)", db.getString("scheduler"));
        assertEquals(60_000L, db.getJsonObject("restartPolicy").getLong("windowMillis"));
        assertEquals("2026-11-21T10:00:00Z", db.getString("lastFaultTime"));
        assertEquals("keyed", web.getString("activeScheduler"));
        assertTrue(web.containsKey("lastFault") && web.getValue("lastFault") == null, "absent values are null, not left out");
    }

    @Test
    void listsInstalledSchedulers() throws Exception {
        JsonArray schedulers = json(client.get("/v1/schedulers")).getJsonArray("schedulers");
        assertEquals(List.of("fifo", "keyed"), schedulers.stream().map(s -> ((JsonObject) s).getString("name")).toList());
        JsonObject fifo = schedulers.getJsonObject(0);
        assertEquals("io.hallows.kernel", fifo.getString("bundle"));
        assertEquals(new JsonArray(List.of("db", "web")), fifo.getJsonArray("activeIn"));
    }

    @Test
    void statsShowSwapsInMicrosecondsAndTheLastExitReason() throws Exception {
        HttpResponse<String> r = client.get("/v1/partitions/db/stats");
        assertEquals(200, r.statusCode());
        JsonObject stats = json(r);
        assertEquals("db", stats.getString("partition"));
        assertEquals(10L, stats.getLong("submitted"));
        assertEquals(80.25, stats.getDouble("p99Micros"));
        assertNull(stats.getValue("p999Micros"), "NaN is not JSON: it becomes null");
        JsonObject exit = stats.getJsonObject("lastExit");
        assertEquals("stall", exit.getString("reason"));
        assertEquals(2.5, exit.getDouble("pauseMicros"));
        assertEquals(4L, stats.getJsonObject("policy").getLong("stolen"));
        assertEquals(new JsonArray(List.of("a", "b")), stats.getJsonObject("policy").getJsonArray("keys"));
        assertEquals(1, stats.getInteger("loops"));
        assertEquals(2L, stats.getLong("stalls"));
        assertEquals("thread vert.x-eventloop-thread-0 busy for 700 ms", stats.getString("lastStall"));

        client.post("/v1/partitions/web/swap", "{\"scheduler\":\"keyed\"}");
        JsonObject swap = json(client.get("/v1/partitions/w%65b/stats")).getJsonArray("swaps").getJsonObject(0);
        assertEquals("operator", swap.getString("reason"));
        assertEquals(1.5, swap.getDouble("pauseMicros"));
    }

    @Test
    void swapsAndRollsBack() throws Exception {
        HttpResponse<String> swapped = client.post("/v1/partitions/web/swap", "{\"scheduler\":\"keyed\"}");
        assertEquals(200, swapped.statusCode(), swapped.body());
        JsonObject record = json(swapped);
        assertEquals("fifo/b-0.1.0", record.getString("from"));
        assertEquals("keyed/b-0.1.0", record.getString("to"));
        assertEquals("operator", record.getString("reason"));
        assertEquals(2, record.getInteger("handedBack"));
        assertEquals("2026-11-21T10:00:00Z", record.getString("at"));

        HttpResponse<String> rolledBack = client.post("/v1/partitions/web/rollback", null);
        assertEquals(200, rolledBack.statusCode(), rolledBack.body());
        assertEquals("fifo/b-0.1.0", json(rolledBack).getString("to"));
        client.post("/v1/partitions/db/swap", "{\"scheduler\":\"keyed\"}");
        assertEquals(200, client.post("/v1/partitions/db/rollback", " {} ").statusCode());
        assertEquals(List.of("swap web keyed", "rollback web", "swap db keyed", "rollback db"), kernel.calls);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"scheduler\": \"keyed\"", "{\"scheduler\":\"keyed\"} trailing", "not json"})
    void malformedJsonIsRejectedWithWhereBeforeTheKernelIsCalled(String body) throws Exception {
        HttpResponse<String> r = client.post("/v1/partitions/web/swap", body);
        assertEquals(400, r.statusCode());
        assertTrue(error(r).matches("malformed JSON in the request body: [^\\n]* at \\[line: 1, column: \\d+\\]"), error(r));
        assertEquals(List.of(), kernel.calls);
    }

    @Test
    void malformedJsonSaysWhatAndWhere() throws Exception {
        assertEquals("malformed JSON in the request body: Unexpected end-of-input: expected close marker for Object (start "
                + "marker at [line: 1, column: 1]) at [line: 1, column: 22]",
                error(client.post("/v1/partitions/web/swap", "{\"scheduler\": \"keyed\"")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "[\"keyed\"]", "{}", "{\"scheduler\":null}", "{\"scheduler\":7}", "{\"scheduler\":\" \"}",
        "{\"scheduler\":\"keyed\",\"force\":true}"})
    void aSwapBodyWithoutExactlyOneSchedulerNameIsRejected(String body) throws Exception {
        HttpResponse<String> r = client.post("/v1/partitions/web/swap", body);
        assertEquals(400, r.statusCode(), body);
        assertTrue(error(r).contains("scheduler") || error(r).contains("force"), error(r));
        assertEquals(List.of(), kernel.calls);
    }

    @Test
    void aRollbackBodyWithFieldsIsRejected() throws Exception {
        client.post("/v1/partitions/web/swap", "{\"scheduler\":\"keyed\"}");
        HttpResponse<String> r = client.post("/v1/partitions/web/rollback", "{\"partition\":\"db\"}");
        assertEquals(400, r.statusCode());
        assertEquals("unknown field \"partition\" in the request body (accepted: none)", error(r));
        assertEquals(List.of("swap web keyed"), kernel.calls);
    }

    @Test
    void unknownPartitionsSchedulersAndPathsAreNotFound() throws Exception {
        HttpResponse<String> stats = client.get("/v1/partitions/nope/stats");
        assertEquals(404, stats.statusCode());
        assertEquals("no partition 'nope'", error(stats));
        HttpResponse<String> swap = client.post("/v1/partitions/web/swap", "{\"scheduler\":\"zzz\"}");
        assertEquals(404, swap.statusCode());
        assertTrue(error(swap).startsWith("no scheduler 'zzz'"), error(swap));
        HttpResponse<String> path = client.get("/v1/partitions/web");
        assertEquals(404, path.statusCode());
        assertTrue(error(path).startsWith("no endpoint GET /v1/partitions/web; the endpoints are: GET /v1/partitions"), error(path));
        assertEquals(List.of(), kernel.calls);
    }

    @Test
    void aRollbackWithNothingToRollBackIsAConflict() throws Exception {
        HttpResponse<String> r = client.post("/v1/partitions/web/rollback", "{}");
        assertEquals(409, r.statusCode());
        assertEquals("partition 'web' has not switched schedulers yet: nothing to roll back to", error(r));
    }

    @Test
    void aMissingRightIsForbiddenAndAnUnexpectedFailureIsAnInternalError() throws Exception {
        kernel.failNext = new SecurityException("io.hallows.admin may not swap the scheduler of partition 'web'");
        HttpResponse<String> denied = client.post("/v1/partitions/web/swap", "{\"scheduler\":\"keyed\"}");
        assertEquals(403, denied.statusCode());
        assertEquals("io.hallows.admin may not swap the scheduler of partition 'web'", error(denied));
        kernel.failNext = new UnsupportedOperationException("kernel bug");
        HttpResponse<String> broken = client.get("/v1/partitions");
        assertEquals(500, broken.statusCode());
        assertEquals("internal error: java.lang.UnsupportedOperationException: kernel bug", error(broken));
    }

    @Test
    void aWrongMethodIsNotAllowed() throws Exception {
        HttpResponse<String> delete = client.send("DELETE", "/v1/partitions", null);
        assertEquals(405, delete.statusCode());
        assertEquals("GET", delete.headers().firstValue("Allow").orElseThrow());
        HttpResponse<String> get = client.get("/v1/partitions/web/swap");
        assertEquals(405, get.statusCode());
        assertEquals("POST", get.headers().firstValue("Allow").orElseThrow());
        assertEquals("/v1/partitions/web/swap takes POST, not GET", error(get));
    }

    @Test
    void aBodyOverTheLimitIsTooLargeAndChangesNothing() throws Exception {
        String padded = "{\"scheduler\":\"keyed\",\"pad\":\"" + "x".repeat(AdminHandler.MAX_BODY) + "\"}";
        HttpResponse<String> r = client.post("/v1/partitions/web/swap", padded);
        assertEquals(413, r.statusCode());
        assertEquals("the request body is larger than 64 KiB", error(r));
        assertEquals(List.of(), kernel.calls);
        assertEquals(200, client.get("/v1/partitions").statusCode(), "the server still serves after a refused body");
    }
}
