package io.hallows.pgwire;

import io.hallows.pgwire.auth.AuthMethod;
import io.hallows.pgwire.auth.UserStore;
import io.hallows.pgwire.protocol.Backend;
import io.hallows.pgwire.protocol.CancelKeys;
import io.hallows.pgwire.protocol.PgConnection;
import io.hallows.sql.api.SqlEngine;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.JksOptions;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.NetSocket;
import io.vertx.core.net.PfxOptions;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.osgi.service.log.Logger;

/**
 * The PostgreSQL wire server on a Vert.x instance its caller owns: one {@link PgConnection} per
 * socket, on the socket's event loop. {@link #start} returns once it listens; {@link #close}
 * stops listening and closes the open connections (their sessions are released).
 */
public final class PgWireServer implements AutoCloseable {
    private static final long TIMEOUT_SECONDS = 10;
    /** As PostgreSQL's {@code authentication_timeout}: a client that does not log in by then is cut off. */
    static final long STARTUP_TIMEOUT_MS = 60_000;

    private final NetServer server;
    private final Backend backend;
    private final AtomicInteger open = new AtomicInteger();

    private final Vertx vertx;

    private PgWireServer(NetServer server, Backend backend, Vertx vertx) {
        this.server = server;
        this.backend = backend;
        this.vertx = vertx;
    }

    /**
     * Reads the users file and the key store named in {@code config}, then listens.
     *
     * @param engines the engine serving a database name, or null
     * @throws IOException if the users file cannot be read
     * @throws IllegalStateException if the address cannot be bound
     */
    public static PgWireServer start(PgWireConfig config, Vertx vertx, Function<String, SqlEngine> engines, Logger log) throws IOException {
        UserStore users = config.usersFile() == null ? UserStore.empty() : UserStore.load(config.usersFile());
        if (config.auth() == AuthMethod.SCRAM_SHA_256 && users.size() == 0) {
            log.warn("pgwire: authentication is scram-sha-256 but there are no users: nobody can log in (set {})", PgWireConfig.USERS);
        }
        Backend backend = new Backend(engines, config.auth(), users, new CancelKeys(), config.maxMessageBytes(), log);
        NetServerOptions options = new NetServerOptions().setHost(config.host()).setPort(config.port()).setTcpNoDelay(true);
        boolean tls = config.keyStore() != null;
        if (tls) {
            String path = config.keyStore().toString();
            // Not setSsl(true): the socket starts in clear text and is upgraded after an SSLRequest.
            options.setKeyCertOptions(path.endsWith(".jks") ? new JksOptions().setPath(path).setPassword(config.keyStorePassword())
                    : new PfxOptions().setPath(path).setPassword(config.keyStorePassword()));
        }
        NetServer net = vertx.createNetServer(options);
        PgWireServer started = new PgWireServer(net, backend, vertx);
        net.connectHandler(socket -> started.accept(socket, config.maxConnections(), tls));
        await(net.listen(), "listen on " + config.host() + ":" + config.port() + " (set " + PgWireConfig.PORT + " to a free port, or 0 for any)");
        return started;
    }

    private void accept(NetSocket socket, int maxConnections, boolean tls) {
        boolean overLimit = open.incrementAndGet() > maxConnections;
        PgConnection connection = new PgConnection(new VertxWire(socket, Vertx.currentContext(), tls), backend, overLimit);
        socket.handler(connection::received);
        socket.exceptionHandler(e -> backend.log().debug("pgwire: connection from {}: {}", socket.remoteAddress(), e.toString()));
        long startupTimer = vertx.setTimer(STARTUP_TIMEOUT_MS, id -> {
            if (!connection.isEstablished() && !connection.isClosed()) {
                backend.log().info("pgwire: {} did not log in within {} ms, closing", socket.remoteAddress(), STARTUP_TIMEOUT_MS);
                socket.close();
            }
        });
        socket.closeHandler(v -> {
            vertx.cancelTimer(startupTimer);
            open.decrementAndGet();
            connection.closed();
        });
    }

    /** The port it listens on (the one chosen when configured with 0). */
    public int port() {
        return server.actualPort();
    }

    /** Connections open now. */
    public int connections() {
        return open.get();
    }

    /** Sessions open now. */
    public int sessions() {
        return backend.cancelKeys().size();
    }

    @Override
    public void close() {
        await(server.close(), "stop the PostgreSQL wire server");
    }

    private static <T> T await(Future<T> future, String what) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("could not " + what + ": " + e.getCause().getMessage(), e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("could not " + what + " within " + TIMEOUT_SECONDS + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to " + what, e);
        }
    }
}
