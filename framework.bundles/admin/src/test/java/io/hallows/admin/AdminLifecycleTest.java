package io.hallows.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The token file, the published URL, the bound address, and starting and stopping. */
class AdminLifecycleTest {
    @TempDir
    Path dir;
    private final FakeKernel kernel = new FakeKernel();
    /** In a stack the partition's Vert.x; here a plain one, as the server does not care whose it is. */
    private final Vertx vertx = Vertx.vertx(AdminServer.vertxOptions());

    @AfterEach
    void closeVertx() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get();
    }

    private AdminServer start(Path tokenFile, int port) throws IOException {
        return AdminServer.start(new AdminConfig("127.0.0.1", port, tokenFile), vertx, kernel, kernel, FakeKernel.LOG, null);
    }

    @Test
    void theTokenFileIsOwnerOnlyInAnOwnerOnlyFolderAndIsReusedOnRestart() throws Exception {
        Path tokenFile = dir.resolve("fresh/admin.token");
        String token;
        try (AdminServer server = start(tokenFile, 0)) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(tokenFile)));
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(tokenFile.getParent())));
            token = Files.readString(tokenFile).strip();
            assertTrue(token.matches("[A-Za-z0-9_-]{43}"), "32 random bytes, base64url: " + token);
        }
        try (AdminServer again = start(tokenFile, 0)) {
            assertEquals(token, Files.readString(tokenFile).strip());
            assertEquals(200, new AdminClient(again.url(), token).get("/v1/schedulers").statusCode());
        }
    }

    @Test
    void theUrlIsPublishedNextToTheTokenWhileTheServerRuns() throws Exception {
        Path tokenFile = dir.resolve("admin.token");
        AdminServer server = start(tokenFile, 0);
        assertEquals(dir.resolve("admin.token.url"), server.urlFile());
        assertEquals("http://127.0.0.1:" + server.port() + "\n", Files.readString(server.urlFile()));
        server.close();
        assertFalse(Files.exists(server.urlFile()));
    }

    @Test
    void aTokenFileOthersMayReadIsRefused() throws Exception {
        Path tokenFile = dir.resolve("admin.token");
        Files.writeString(tokenFile, "a-token-someone-else-may-have-read\n");
        Files.setPosixFilePermissions(tokenFile, PosixFilePermissions.fromString("rw-r--r--"));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> start(tokenFile, 0));
        assertEquals("admin token file " + tokenFile + " is open to group or others (rw-r--r--), so the token may have "
                + "leaked: delete it to have a new one generated, or run chmod 600 " + tokenFile + " if you are sure no one "
                + "read it", e.getMessage());
    }

    @Test
    void anOwnerOnlyTokenWrittenByHandIsUsed() throws Exception {
        Path tokenFile = dir.resolve("admin.token");
        Files.writeString(tokenFile, "my-own-token-of-some-length\n");
        Files.setPosixFilePermissions(tokenFile, PosixFilePermissions.fromString("rw-------"));
        try (AdminServer server = start(tokenFile, 0)) {
            assertEquals(200, new AdminClient(server.url(), "my-own-token-of-some-length").get("/v1/partitions").statusCode());
        }
    }

    @Test
    void itListensOnLoopbackOnly() throws Exception {
        try (AdminServer server = start(dir.resolve("admin.token"), 0)) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", server.port()), 2000);
            }
            // 127.0.0.2 is loopback too, but another address: a server bound to all addresses answers there.
            InetAddress other = InetAddress.getByName("127.0.0.2");
            try (ServerSocket probe = new ServerSocket(0, 1, other)) {
                assumeTrue(probe.isBound(), "127.0.0.2 is usable here");
            } catch (IOException e) {
                assumeTrue(false, "127.0.0.2 is not usable here: " + e);
            }
            assertThrows(ConnectException.class, () -> {
                try (Socket s = new Socket()) {
                    s.connect(new InetSocketAddress(other, server.port()), 2000);
                }
            });
        }
    }

    @Test
    void aPortInUseIsReportedWithWhatToDo() throws Exception {
        try (AdminServer first = start(dir.resolve("admin.token"), 0)) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> start(dir.resolve("admin.token"), first.port()));
            assertTrue(e.getMessage().startsWith("admin API: cannot listen on 127.0.0.1:" + first.port()
                    + " (set hallows.admin.port to a free port, or 0 for any): "), e.getMessage());
            assertEquals(first.url() + "\n", Files.readString(first.urlFile()), "the failed start left the running server's URL alone");
        }
    }

    @Test
    void configurationComesFromPropertiesWithDefaults() {
        AdminConfig defaults = AdminConfig.from(name -> name.equals("user.home") ? "/home/op" : null, java.util.Map.of());
        assertEquals(new AdminConfig("127.0.0.1", 8470, Path.of("/home/op/.hallows/admin.token")), defaults);
        // Where $HOME and user.home disagree, $HOME wins: run/hallows ctl looks for the token there.
        AdminConfig home = AdminConfig.from(name -> name.equals("user.home") ? "/nonexistent" : null, java.util.Map.of("HOME", "/home/op"));
        assertEquals(Path.of("/home/op/.hallows/admin.token"), home.tokenFile());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AdminConfig.from(name -> name.equals(AdminConfig.PORT) ? "http" : null));
        assertEquals("hallows.admin.port must be a port number from 0 to 65535, 0 for any free port (was 'http')", e.getMessage());
    }
}
