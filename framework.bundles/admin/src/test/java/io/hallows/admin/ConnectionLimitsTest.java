package io.hallows.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Connections without a token cannot pile up: caps per server and per address, and deadlines. */
class ConnectionLimitsTest {
    @TempDir
    Path dir;
    private final Vertx vertx = Vertx.vertx(AdminServer.vertxOptions());
    private final List<Socket> sockets = new ArrayList<>();
    private AdminServer server;

    @AfterEach
    void close() throws Exception {
        for (Socket s : sockets) {
            s.close();
        }
        if (server != null) {
            server.close();
        }
        vertx.close().toCompletionStage().toCompletableFuture().get();
    }

    /** What the server recorded in the audit log: action and detail. */
    private final List<String> audited = new java.util.concurrent.CopyOnWriteArrayList<>();

    private void start(ConnectionLimits limits) throws IOException {
        io.hallows.kernel.api.AuditLog audit = new io.hallows.kernel.api.AuditLog() {
            @Override
            public List<io.hallows.kernel.api.AuditEntry> recent(int count) {
                return List.of();
            }

            @Override
            public List<io.hallows.kernel.api.AuditEntry> since(long sequence) {
                return List.of();
            }

            @Override
            public io.hallows.kernel.api.AuditEntry record(String action, String target, String detail) {
                audited.add(action + ": " + detail);
                return new io.hallows.kernel.api.AuditEntry(audited.size(), java.time.Instant.now(), "admin", action, target, detail);
            }
        };
        server = AdminServer.start(new AdminConfig("127.0.0.1", 0, dir.resolve("admin.token"), limits), vertx,
                new FakeKernel(), new FakeKernel(), FakeKernel.LOG, audit);
    }

    private Socket connect() throws IOException {
        Socket s = new Socket("127.0.0.1", server.port());
        sockets.add(s);
        return s;
    }

    /** True if the server closed the connection within {@code wait}, false if it is still open then. */
    private static boolean closedWithin(Socket s, Duration wait) throws IOException {
        s.setSoTimeout((int) wait.toMillis());
        InputStream in = s.getInputStream();
        try {
            while (true) {
                if (in.read() == -1) {
                    return true;
                }
            }
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true; // reset by the server
        }
    }

    @Test
    void connectionsOverThePerAddressCapAreClosedAtOnceAndTheOthersStay() throws Exception {
        start(new ConnectionLimits(100, 3, Duration.ofSeconds(60), Duration.ofSeconds(30)));
        List<Socket> kept = List.of(connect(), connect(), connect());
        Socket extra = connect();
        assertTrue(closedWithin(extra, Duration.ofSeconds(10)), "the fourth connection from one address is closed");
        assertEquals(1, audited.size(), "the refusal is audited once: " + audited);
        assertTrue(audited.get(0).startsWith("admin.connection.refused: over the cap of 3 connections from 127.0.0.1 (1 refused so far)"),
                audited.toString());
        for (Socket s : kept) {
            assertTrue(!closedWithin(s, Duration.ofMillis(200)), "the first three stay open");
        }
        kept.get(0).close();
        String token = Files.readString(server.tokenFile()).strip();
        // A freed slot serves the operator again (java.net.http opens its own connection).
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        int status = 0;
        while (status != 200 && System.nanoTime() < deadline) {
            try {
                status = new AdminClient(server.url(), token).get("/v1/schedulers").statusCode();
            } catch (IOException closedBeforeTheSlotWasFreed) {
                Thread.onSpinWait();
            }
        }
        assertEquals(200, status);
    }

    @Test
    void theServerWideCapHoldsAcrossAddresses() throws Exception {
        start(new ConnectionLimits(2, 10, Duration.ofSeconds(60), Duration.ofSeconds(30)));
        connect();
        connect();
        assertTrue(closedWithin(connect(), Duration.ofSeconds(10)));
    }

    @Test
    void aClientThatSendsNoRequestIsCutOffAtTheDeadline() throws Exception {
        start(new ConnectionLimits(100, 10, Duration.ofSeconds(60), Duration.ofMillis(300)));
        assertTrue(closedWithin(connect(), Duration.ofSeconds(10)), "closed for sending nothing");
    }

    @Test
    void aSlowBodyIsCutOffAndAnsweredWithNothing() throws Exception {
        start(new ConnectionLimits(100, 10, Duration.ofSeconds(60), Duration.ofMillis(300)));
        Socket s = connect();
        String token = Files.readString(server.tokenFile()).strip();
        s.getOutputStream().write(("POST /v1/partitions/web/swap HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + token
                + "\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"sch").getBytes(StandardCharsets.US_ASCII));
        s.getOutputStream().flush();
        assertTrue(closedWithin(s, Duration.ofSeconds(10)), "closed before the body ever ended");
    }

    @Test
    void anIdleKeptAliveConnectionIsClosed() throws Exception {
        start(new ConnectionLimits(100, 10, Duration.ofMillis(300), Duration.ofSeconds(30)));
        Socket s = connect();
        String token = Files.readString(server.tokenFile()).strip();
        s.getOutputStream().write(("GET /v1/schedulers HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + token + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        s.getOutputStream().flush();
        assertTrue(closedWithin(s, Duration.ofSeconds(10)), "closed once idle after its answer");
    }

    @Test
    void aKeptAliveConnectionMustBringItsNextRequestInTimeToo() throws Exception {
        start(new ConnectionLimits(100, 10, Duration.ofSeconds(60), Duration.ofMillis(500)));
        Socket s = connect();
        String token = Files.readString(server.tokenFile()).strip();
        s.getOutputStream().write(("GET /v1/schedulers HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + token + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        // The next request's headers, trickled: never complete.
        s.getOutputStream().write("GET /v1/sched".getBytes(StandardCharsets.US_ASCII));
        s.getOutputStream().flush();
        assertTrue(closedWithin(s, Duration.ofSeconds(10)), "closed: the idle timeout (60 s) alone would have kept it");
    }

    @Test
    void limitsComeFromPropertiesAndBadValuesNameTheProperty() {
        Map<String, String> props = Map.of(ConnectionLimits.MAX_CONNECTIONS, "10", ConnectionLimits.REQUEST_TIMEOUT, "2500");
        ConnectionLimits limits = ConnectionLimits.from(props::get);
        assertEquals(new ConnectionLimits(10, 32, Duration.ofSeconds(30), Duration.ofMillis(2500)), limits);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ConnectionLimits.from(Map.of(ConnectionLimits.MAX_PER_PEER, "99999999999999999999")::get));
        assertEquals("hallows.admin.maxConnectionsPerPeer must be a whole number from 1 to 2147483647 (was '99999999999999999999')",
                e.getMessage());
    }
}
