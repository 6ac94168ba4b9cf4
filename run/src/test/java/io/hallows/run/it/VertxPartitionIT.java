package io.hallows.run.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallows.run.it.fixtures.BlockingLoopActivator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;

/**
 * The stack's Vert.x runs on partitions' threads: the admin API's event loop is the admin
 * partition's thread and its requests are the partition's tasks; an event loop kept busy past the
 * watchdog bound is reported as a stall with its stack.
 */
class VertxPartitionIT {
    private static final String STACK = """
            { ":configurator:symbolic-name": "it.vertx", ":configurator:version": "1.0.0",
              "io.hallows.partition~admin": { "name": "admin", "cpus": "0", "exclusive": false, "workers:Integer": 1,
                  "bundles:String[]": ["io.hallows.admin"],
                  "grants:String[]": ["service:kernel.schedulers CALL", "service:kernel.partitions CALL", "partition:admin READ"] },
              "io.hallows.partition~loopy": { "name": "loopy", "cpus": "0", "exclusive": false, "watchdog": "200ms",
                  "bundles:String[]": ["it.loopy"], "locations:String[]": ["test:*"] } }
            """;
    private static final Pattern SUBMITTED = Pattern.compile("submitted\\s+(\\d+)");
    private static final Pattern STALLS = Pattern.compile("stalls\\s+(\\d+)");

    @RegisterExtension
    static final StackExtension stack = new StackExtension(STACK, "admin", "loopy");

    @Test
    void theAdminApisRequestsAreItsPartitionsTasksOnItsPartitionsEventLoop() throws Exception {
        Path url = stack.work().resolve("admin.token.url");
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!Files.exists(url) && System.nanoTime() < deadline) {
            Thread.sleep(20); // polls the file the admin component writes once its capabilities are granted
        }
        String base = Files.readString(url).trim();
        String token = Files.readString(stack.work().resolve("admin.token")).trim();
        long before = number(SUBMITTED, stack.shell("hallows:stats admin"));
        HttpClient http = HttpClient.newHttpClient();
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/v1/partitions"))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), r.body());
        }
        String stats = stack.shell("hallows:stats admin");
        assertTrue(number(SUBMITTED, stats) >= before + 5, "each request's kernel call is an admin task:\n" + stats);
        assertTrue(stats.matches("(?s).*loops\\s+[1-9].*"), "the event loop is counted as the partition's:\n" + stats);
        String cores = stack.shell("hallows:cores");
        assertTrue(cores.lines().anyMatch(l -> l.contains("admin") && l.contains("vert.x-eventloop-thread")),
                "hallows:cores lists the admin API's event loop under admin:\n" + cores);
    }

    @Test
    void anEventLoopBlockedPastTheWatchdogBoundIsReportedAsAStallWithItsStack() throws Exception {
        Bundle loopy = stack.install(TestBundle.named("it.loopy").activator(BlockingLoopActivator.class)
                .header("Import-Package", "org.osgi.framework, org.osgi.util.tracker, io.hallows.kernel.api,"
                        + " io.hallows.vertx.api, io.vertx.core"));
        loopy.start();
        String stats = stack.shell("hallows:stats loopy");
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (number(STALLS, stats) == 0 && System.nanoTime() < deadline) {
            Thread.sleep(20); // polls the shell; the watchdog looks every 20 ms
            stats = stack.shell("hallows:stats loopy");
        }
        assertEquals(1, number(STALLS, stats), "one stall, reported once while it lasts:\n" + stats);
        assertTrue(stats.contains("BlockingLoopActivator.holdTheLoop"), "the stall names the blocking handler:\n" + stats);
        assertTrue(stats.contains("vert.x-eventloop-thread"), "and the thread:\n" + stats);
        assertTrue(stack.shell("hallows:audit 50").contains("partition.stall"), "the stall is audited");

        ServiceReference<?>[] release = stack.system().getServiceReferences(Runnable.class.getName(),
                "(" + BlockingLoopActivator.RELEASE + "=it.loopy)");
        ((Runnable) stack.system().getService(release[0])).run();
        loopy.stop();
        assertEquals(1, number(STALLS, stack.shell("hallows:stats loopy")), "no further stall once the handler returned");
    }

    private static long number(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }
}
