package io.hallows.admin;

import io.hallows.basilisk.api.WebStatus;
import io.hallows.kernel.api.AuditLog;
import io.hallows.kernel.api.Partitions;
import io.hallows.kernel.api.Schedulers;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.file.FileSystemOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Inet6Address;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.osgi.service.log.Logger;

/**
 * The admin API's HTTP server, on a Vert.x instance its caller owns (in a stack, the admin
 * partition's: its event loop is one of the partition's threads and the kernel calls, made through
 * {@code executeBlocking}, run as the partition's tasks). {@link #start} returns once the server
 * listens; it then publishes the address clients should use in a file next to the token
 * ({@code <token file>.url}), so that clients find a server started on port 0. {@link #close}
 * removes that file again and stops listening; closing the Vert.x instance is the caller's.
 */
public final class AdminServer implements AutoCloseable {
    private static final long TIMEOUT_SECONDS = 10;

    private final HttpServer server;
    private final TokenFile token;
    private final String url;

    private AdminServer(HttpServer server, TokenFile token, String url) {
        this.server = server;
        this.token = token;
        this.url = url;
    }

    /**
     * Reads or creates the token, then listens. A request that fails inside the server (a 500) is
     * logged to {@code log} with its stack; refused connections are logged and recorded in
     * {@code audit} (null where the stack granted no audit log).
     *
     * @throws IllegalStateException if the token file is unsafe or the address cannot be bound, saying which
     * @throws IOException if the token file cannot be read or created
     */
    public static AdminServer start(AdminConfig config, Vertx vertx, Schedulers schedulers, Partitions partitions, Logger log,
            AuditLog audit) throws IOException {
        return start(config, vertx, schedulers, partitions, () -> null, log, audit);
    }

    /** As {@link #start(AdminConfig, Vertx, Schedulers, Partitions, Logger, AuditLog)}, with the Basilisk server's status ({@code web}, null while it is not running). */
    public static AdminServer start(AdminConfig config, Vertx vertx, Schedulers schedulers, Partitions partitions, Supplier<WebStatus> web,
            Logger log, AuditLog audit) throws IOException {
        TokenFile token = TokenFile.openOrCreate(config.tokenFile());
        ConnectionGuard guard = new ConnectionGuard(vertx, config.limits(), log, audit);
        HttpServer server = await(vertx.createHttpServer(new HttpServerOptions().setHost(config.host()).setPort(config.port())
                        .setIdleTimeout((int) config.limits().idleTimeout().toMillis()).setIdleTimeoutUnit(TimeUnit.MILLISECONDS)
                        // HTTP/1.1 only: with clear-text HTTP/2 on, Vert.x waits for a client's first bytes before it
                        // makes the connection, and a client that sends none would escape the guard.
                        .setHttp2ClearTextEnabled(false))
                .connectionHandler(guard::accept)
                .requestHandler(guard.guard(new AdminHandler(vertx, token, new AdminApi(schedulers, partitions, web), log)))
                .listen(), "listen on " + config.host() + ":" + config.port() + " (set " + AdminConfig.PORT
                        + " to a free port, or 0 for any)");
        AdminServer started = new AdminServer(server, token, "http://" + clientHost(config.host()) + ":" + server.actualPort());
        try {
            started.publishUrl();
            return started;
        } catch (IOException | RuntimeException e) {
            await(server.close(), "stop listening after failing to publish the URL");
            throw e;
        }
    }

    /**
     * The settings of the admin API's Vert.x: one event loop; it serves no files, so no class
     * path lookups and no cache folder under {@code java.io.tmpdir}.
     */
    public static VertxOptions vertxOptions() {
        return new VertxOptions().setEventLoopPoolSize(1)
                .setFileSystemOptions(new FileSystemOptions().setClassPathResolvingEnabled(false).setFileCachingEnabled(false));
    }

    /** The base URL clients use, e.g. {@code http://127.0.0.1:8470}. */
    public String url() {
        return url;
    }

    public int port() {
        return server.actualPort();
    }

    /** Where the token is kept. */
    public Path tokenFile() {
        return token.path();
    }

    /** Where {@link #url()} is published: {@code <token file>.url}. */
    public Path urlFile() {
        return urlFile(token.path());
    }

    static Path urlFile(Path tokenFile) {
        return tokenFile.resolveSibling(tokenFile.getFileName() + ".url");
    }

    /** Withdraws the published URL (unless another server replaced it) and stops listening. */
    @Override
    public void close() {
        try {
            if (Files.readString(urlFile(), StandardCharsets.UTF_8).strip().equals(url)) {
                Files.delete(urlFile());
            }
        } catch (IOException e) {
            // Already gone or unreadable: nothing of ours to withdraw.
        }
        await(server.close(), "stop the admin API's HTTP server");
    }

    private void publishUrl() throws IOException {
        // Written beside and renamed over, so a client never reads half a URL.
        Path next = urlFile().resolveSibling(urlFile().getFileName() + ".tmp");
        Files.writeString(next, url + "\n", StandardCharsets.UTF_8);
        Files.move(next, urlFile(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The host to connect to: a wildcard bind address is reached through loopback. */
    private static String clientHost(String host) {
        try {
            InetAddress address = InetAddress.getByName(host);
            if (address.isAnyLocalAddress()) {
                address = InetAddress.getLoopbackAddress();
            }
            return address instanceof Inet6Address ? "[" + address.getHostAddress() + "]" : address.getHostAddress();
        } catch (IOException e) {
            return host; // bound by name, so it resolved a moment ago; keep the name
        }
    }

    private static <T> T await(Future<T> future, String what) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("admin API: cannot " + what + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("admin API: cannot " + what + ": no answer within " + TIMEOUT_SECONDS + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("admin API: interrupted while trying to " + what, e);
        }
    }
}
