package io.hallows.basilisk.server;

import io.hallows.basilisk.api.RouteStats;
import io.hallows.basilisk.api.WebModule;
import io.hallows.basilisk.api.WebStatus;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.osgi.service.log.Logger;

/**
 * Basilisk's HTTP server on a Vert.x instance its caller owns: HTTP/1.1 and HTTP/2 (h2c, by prior
 * knowledge or upgrade), routing with a Vert.x web {@link Router} built from the {@link WebModule}s
 * added. When the route table changes a new Router is built and swapped in atomically: a request
 * keeps the router, and so the route, it started with; no connection is touched.
 */
public final class BasiliskServer implements WebStatus, AutoCloseable {
    private static final long TIMEOUT_SECONDS = 10;

    private final BasiliskConfig config;
    private final Whiteboard whiteboard;
    private final Routers routers;
    private final Streams streams;
    private final Connections connections;
    private final AtomicReference<Router> router = new AtomicReference<>();
    private final Vertx vertx;
    private final Logger log;
    private final long dateTimer;
    private HttpServer server;

    private BasiliskServer(BasiliskConfig config, Vertx vertx, Executor executor, Logger log, Logger access, TableWatch tables) {
        this.config = config;
        this.vertx = vertx;
        this.log = log;
        this.whiteboard = new Whiteboard(log);
        HttpDate date = new HttpDate();
        this.dateTimer = vertx.setPeriodic(1000, id -> date.tick());
        this.streams = new Streams(executor, log, tables);
        this.connections = new Connections(vertx, config.maxConnections(), config.headerTimeoutMs());
        this.routers = new Routers(vertx, config, executor, log, access, date, streams, connections, whiteboard);
        router.set(routers.build(List.of()));
    }

    /**
     * Starts listening; returns once it does.
     *
     * @param executor where routes run (the partition's executor)
     * @param log the server's logger
     * @param access the access log ({@code io.hallows.basilisk.access})
     * @param tables commit notifications for streaming routes ({@code Database.watch})
     * @throws IllegalStateException if the address cannot be bound
     */
    public static BasiliskServer start(BasiliskConfig config, Vertx vertx, Executor executor, Logger log, Logger access,
            TableWatch tables) {
        BasiliskServer s = new BasiliskServer(config, vertx, executor, log, access, tables);
        HttpServerOptions options = new HttpServerOptions().setHost(config.host()).setPort(config.port()).setTcpNoDelay(true)
                .setHttp2ClearTextEnabled(true).setMaxHeaderSize(config.maxHeaderBytes())
                .setIdleTimeout((int) Math.max(1, config.idleTimeoutMs())).setIdleTimeoutUnit(TimeUnit.MILLISECONDS)
                .setCompressionSupported(false);
        options.getInitialSettings().setMaxHeaderListSize(config.maxHeaderBytes());
        s.server = vertx.createHttpServer(options)
                .connectionHandler(s.connections::opened)
                .requestHandler(req -> {
                    s.connections.request(req);
                    s.router.get().handle(req);
                });
        try {
            await(s.server.listen(), "listen on " + config.host() + ":" + config.port() + " (set " + BasiliskConfig.PORT
                    + " to a free port, or 0 for any)");
        } catch (RuntimeException e) {
            vertx.cancelTimer(s.dateTimer);
            throw e;
        }
        return s;
    }

    /** A module revision registered. */
    public synchronized void add(WebModule module, long serviceId) {
        log.info("basilisk: module {} revision {} registered (service {})", module.module(), module.revision(), serviceId);
        swap(whiteboard.add(module, serviceId));
    }

    /**
     * A module revision unregistered. If it was the module's last, its routes stay for
     * {@link BasiliskConfig#swapGraceMs()}, parking requests for the next revision (a bundle update
     * unregisters the old before the new registers); then they go (streams on them are closed).
     */
    public synchronized void remove(WebModule module, long serviceId) {
        boolean grace = config.swapGraceMs() > 0;
        log.info("basilisk: module {} revision (service {}) unregistered", module.module(), serviceId);
        swap(whiteboard.remove(module, serviceId, grace));
        if (!grace) {
            return;
        }
        String name = module.module();
        vertx.setTimer(config.swapGraceMs(), t -> expire(name, serviceId));
    }

    private synchronized void expire(String module, long serviceId) {
        List<BoundRoute> table = whiteboard.expire(module, serviceId);
        if (table != null) {
            swap(table);
        }
    }

    /** Called with this server's lock held, so that tables are installed in the order they were made. */
    private void swap(List<BoundRoute> table) {
        router.set(routers.build(table));
        streams.retain(table);
    }

    @Override
    public String host() {
        return config.host();
    }

    @Override
    public int port() {
        return server.actualPort();
    }

    @Override
    public int connections() {
        return connections.open();
    }

    /** Streams open now. */
    public int streams() {
        return streams.size();
    }

    @Override
    public List<RouteStats> routes() {
        return whiteboard.table().stream().map(BoundRoute::stats).toList();
    }

    @Override
    public void close() {
        vertx.cancelTimer(dateTimer);
        streams.closeAll();
        await(server.close(), "stop the Basilisk server");
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
