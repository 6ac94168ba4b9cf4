package io.hallows.run.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallows.run.it.fixtures.ImpostorServices;
import io.hallows.run.it.fixtures.WebMember;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.osgi.framework.Bundle;

/**
 * Issue 10, hole 2: a bundle without any capability registers its own {@code PartitionExecutor} for
 * {@code web}, {@code Schedulers} and {@code Partitions} at the highest ranking. A web member
 * looking its executor up as docs/vendors.md shows still gets the kernel's, the admin API restarted
 * still answers from the kernel, and each impostor is audited.
 */
class ImpostorServicesIT {
    private static final String STACK = """
            { ":configurator:symbolic-name": "it.impostors", ":configurator:version": "1.0.0",
              "io.hallows.partition~web": { "name": "web", "cpus": "0", "exclusive": false,
                  "bundles:String[]": ["it.web.member"], "locations:String[]": ["test:*"] },
              "io.hallows.partition~admin": { "name": "admin", "cpus": "0", "exclusive": false, "workers:Integer": 1,
                  "bundles:String[]": ["io.hallows.admin"],
                  "grants:String[]": ["service:kernel.schedulers CALL", "service:kernel.partitions CALL",
                      "partition:web READ,ADMIN", "partition:admin READ"] } }
            """;
    private static final Pattern SUBMITTED = Pattern.compile("submitted\\s+(\\d+)");

    @RegisterExtension
    static final StackExtension stack = new StackExtension(STACK, "web", "admin");

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theKernelsServicesCannotBeShadowed() throws Exception {
        Bundle impostor = stack.install(TestBundle.named("it.vendor.impostor").activator(ImpostorServices.class)
                .header("Import-Package", "org.osgi.framework, io.hallows.kernel.api"));
        impostor.start();

        CountDownLatch started = stack.whenStarted("it.web.member");
        stack.install(TestBundle.named("it.web.member").activator(WebMember.class)
                .header("Import-Package", "org.osgi.framework, org.osgi.util.tracker, io.hallows.kernel.api"));
        assertTrue(started.await(30, TimeUnit.SECONDS), "the web partition starts its member");
        assertEquals("ran " + WebMember.TASKS, System.getProperty(WebMember.RESULT));
        assertNull(System.getProperty(ImpostorServices.TASKS), "the impostor saw none of web's tasks");
        Matcher submitted = SUBMITTED.matcher(stack.shell("hallows:stats web"));
        assertTrue(submitted.find());
        assertTrue(Long.parseLong(submitted.group(1)) >= WebMember.TASKS, "the kernel's executor ran them: " + submitted.group());

        stack.shell("hallows:restart admin");
        stack.await("admin", "running");
        String schedulers = adminGet("/v1/schedulers");
        assertTrue(schedulers.contains("\"fifo\"") && !schedulers.contains(ImpostorServices.NAME), schedulers);
        assertTrue(adminGet("/v1/partitions").contains("\"web\""), "the kernel's Partitions service answers");

        String audit = stack.shell("hallows:audit 300");
        String who = "it.vendor.impostor [#" + impostor.getBundleId() + " test:it.vendor.impostor]";
        for (String type : new String[] {"PartitionExecutor", "Schedulers", "Partitions"}) {
            assertTrue(audit.contains("register io.hallows.kernel.api." + type), type + " audited:\n" + audit);
        }
        assertTrue(audit.contains(who), "audited with its id and location:\n" + audit);
        assertFalse(stack.shell("hallows:partition web").contains("it.vendor.impostor"));
    }

    /** A GET on the admin API once it has published its address again (it does so each time it starts). */
    private String adminGet(String path) throws Exception {
        Path url = stack.work().resolve("admin.token.url");
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!Files.exists(url) && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        String base = Files.readString(url).trim();
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + Files.readString(stack.work().resolve("admin.token")).trim()).GET().build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return response.body();
    }
}
