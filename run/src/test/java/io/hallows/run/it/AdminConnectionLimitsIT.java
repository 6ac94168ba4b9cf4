package io.hallows.run.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10, hole 5, in a real stack: connections that never present a token cannot pile up in
 * the admin API (per-address cap, request deadline), the operator still gets in once they are
 * cut off, and the refusals are in the log.
 */
class AdminConnectionLimitsIT {
    private static final String STACK = """
            { ":configurator:symbolic-name": "it.admin.limits", ":configurator:version": "1.0.0",
              "io.hallows.partition~admin": { "name": "admin", "cpus": "0", "exclusive": false, "workers:Integer": 2,
                  "bundles:String[]": ["io.hallows.admin"],
                  "grants:String[]": ["service:kernel.schedulers CALL", "service:kernel.partitions CALL",
                      "service:kernel.audit CALL", "partition:admin READ"] } }
            """;
    private static final String[][] LIMITS = {{"hallows.admin.maxConnectionsPerPeer", "4"}, {"hallows.admin.requestTimeoutMs", "1500"}};

    @TempDir
    static Path work;
    private static Stack stack;
    private final List<Socket> sockets = new ArrayList<>();

    @BeforeAll
    static void boot() throws Exception {
        // Framework properties fall back to system properties: the limits of this stack only, kept
        // until it stops (the admin component reads them when it activates, after the stack is up).
        for (String[] limit : LIMITS) {
            System.setProperty(limit[0], limit[1]);
        }
        stack = Stack.boot(work, STACK);
        stack.await("admin", "running");
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            stack.close();
        } finally {
            for (String[] limit : LIMITS) {
                System.clearProperty(limit[0]);
            }
        }
    }

    @Test
    void silentConnectionsAreCappedThenCutOffAndTheOperatorGetsIn() throws Exception {
        Path url = work.resolve("admin.token.url");
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!Files.exists(url) && System.nanoTime() < deadline) {
            Thread.sleep(20); // the admin component writes it once its capabilities are granted
        }
        URI base = URI.create(Files.readString(url).trim());
        for (int i = 0; i < 4; i++) {
            sockets.add(new Socket(base.getHost(), base.getPort()));
        }
        Socket fifth = new Socket(base.getHost(), base.getPort());
        sockets.add(fifth);
        assertTrue(closedWithin(fifth, 1000), "the fifth connection from one address is closed at once");
        for (Socket s : sockets.subList(0, 4)) {
            assertTrue(closedWithin(s, 10_000), "a connection that sends no request is cut off at the deadline");
        }
        String token = Files.readString(work.resolve("admin.token")).trim();
        HttpResponse<String> operator = HttpClient.newHttpClient().send(HttpRequest.newBuilder(base.resolve("/v1/partitions"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, operator.statusCode(), operator.body());
        String log = stack.shell("log:tail 50 WARN io.hallows.admin");
        assertTrue(log.contains("admin API: closed a connection"), "refusals are logged:\n" + log);
        String audit = stack.shell("hallows:audit 200");
        assertTrue(audit.lines().anyMatch(l -> l.contains("io.hallows.admin [#") && l.contains("admin.connection.refused")
                && l.contains("over the cap of 4 connections")), "and audited, with the admin bundle as the actor:\n" + audit);
        for (Socket s : sockets) {
            s.close();
        }
    }

    private static boolean closedWithin(Socket s, int millis) throws IOException {
        s.setSoTimeout(millis);
        InputStream in = s.getInputStream();
        try {
            return in.read() == -1 || in.read() == -1;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true; // reset by the server
        }
    }
}
