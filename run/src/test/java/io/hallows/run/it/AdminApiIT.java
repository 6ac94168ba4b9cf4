package io.hallows.run.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The admin HTTP API in a real stack: token, rejections that change nothing, a real swap and rollback. */
class AdminApiIT {
    private static final String STACK = """
            { ":configurator:symbolic-name": "it.admin", ":configurator:version": "1.0.0",
              "io.hallows.partition~work": { "name": "work", "cpus": "0", "exclusive": false },
              "io.hallows.partition~admin": { "name": "admin", "cpus": "0", "exclusive": false,
                  "bundles:String[]": ["io.hallows.admin"],
                  "grants:String[]": ["service:kernel.schedulers CALL", "service:kernel.partitions CALL",
                      "partition:work READ,ADMIN"] } }
            """;

    @RegisterExtension
    static final StackExtension stack = new StackExtension(STACK, "work", "admin");

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void requestsNeedTheTokenBadOnesChangeNothingAndASwapIsReal() throws Exception {
        Path token = stack.work().resolve("admin.token");
        Path url = stack.work().resolve("admin.token.url");
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!Files.exists(url) && System.nanoTime() < deadline) {
            Thread.onSpinWait(); // the admin component starts once its capabilities are granted
        }
        assertTrue(Files.exists(url), "the admin API wrote no URL file");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(token)));
        String base = Files.readString(url).trim();
        String secret = Files.readString(token).trim();

        assertEquals(401, send(base, "GET", "/v1/partitions", null, null).statusCode());
        assertEquals(401, send(base, "GET", "/v1/partitions", null, "wrong").statusCode());

        HttpResponse<String> malformed = send(base, "POST", "/v1/partitions/work/swap", "{\"scheduler\": ", secret);
        assertEquals(400, malformed.statusCode(), malformed.body());
        HttpResponse<String> unknownPartition = send(base, "POST", "/v1/partitions/nowhere/swap", "{\"scheduler\":\"keyed\"}", secret);
        assertEquals(404, unknownPartition.statusCode(), unknownPartition.body());
        assertTrue(unknownPartition.body().contains("nowhere"), unknownPartition.body());
        HttpResponse<String> unknownPolicy = send(base, "POST", "/v1/partitions/work/swap", "{\"scheduler\":\"nosuch\"}", secret);
        assertEquals(404, unknownPolicy.statusCode(), unknownPolicy.body());
        assertTrue(unknownPolicy.body().contains("no scheduler 'nosuch'"), unknownPolicy.body());
        HttpResponse<String> nothingToRollBack = send(base, "POST", "/v1/partitions/work/rollback", "{}", secret);
        assertEquals(409, nothingToRollBack.statusCode(), nothingToRollBack.body());
        assertTrue(!stack.shell("hallows:stats work").contains("switches:"), "rejected requests made no switch");

        HttpResponse<String> swap = send(base, "POST", "/v1/partitions/work/swap", "{\"scheduler\":\"keyed\"}", secret);
        assertEquals(200, swap.statusCode(), swap.body());
        assertTrue(stack.shell("hallows:stats work").matches("(?s).*scheduler\\s+keyed@.*"), "the swap is real");
        HttpResponse<String> rollback = send(base, "POST", "/v1/partitions/work/rollback", "{}", secret);
        assertEquals(200, rollback.statusCode(), rollback.body());
        assertTrue(stack.shell("hallows:stats work").matches("(?s).*scheduler\\s+fifo@.*"), "the rollback is real");
        HttpResponse<String> stats = send(base, "GET", "/v1/partitions/work/stats", null, secret);
        assertEquals(200, stats.statusCode());
        assertTrue(stats.body().contains("\"reason\"") && stats.body().contains("operator"), stats.body());
        assertTrue(stack.shell("hallows:audit 100").contains("swapped by io.hallows.admin"), "audited with who asked");
    }

    private HttpResponse<String> send(String base, String method, String path, String body, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
