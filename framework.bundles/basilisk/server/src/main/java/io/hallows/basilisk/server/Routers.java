package io.hallows.basilisk.server;

import io.hallows.basilisk.api.RouteKind;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.osgi.service.log.Logger;

/**
 * Builds the Vert.x web {@link Router} for a route table. Every request first passes
 * {@link #begin}: {@code Server} and {@code Date} headers, the request timer, the access log line
 * and the route's metrics at its end. Then the route's own chain: body (within the limit) and
 * {@link RouteHandler}, or a stream. What matches no route is a 404 or 405 problem document.
 */
final class Routers {
    static final CharSequence SERVER = HttpHeaders.createOptimized("Basilisk");
    private final Vertx vertx;
    private final BasiliskConfig config;
    private final Executor executor;
    private final Logger log;
    private final Logger access;
    private final HttpDate date;
    private final Streams streams;
    private final Connections connections;

    private final Whiteboard whiteboard;

    Routers(Vertx vertx, BasiliskConfig config, Executor executor, Logger log, Logger access, HttpDate date, Streams streams,
            Connections connections, Whiteboard whiteboard) {
        this.whiteboard = whiteboard;
        this.vertx = vertx;
        this.config = config;
        this.executor = executor;
        this.log = log;
        this.access = access;
        this.date = date;
        this.streams = streams;
        this.connections = connections;
    }

    /**
     * The routes with static segments before parameters at the same place, so that
     * {@code /orders/feed} wins over {@code /orders/{id}} whatever the declaration order (Vert.x
     * web tries routes in the order they were added). Otherwise the declaration order is kept.
     */
    static List<BoundRoute> specificFirst(List<BoundRoute> table) {
        List<BoundRoute> sorted = new java.util.ArrayList<>(table);
        sorted.sort(java.util.Comparator.comparing(b -> shape(b.route().path())));
        return sorted;
    }

    /** A path's shape: one character per segment, '0' static and '1' a parameter. */
    private static String shape(String path) {
        StringBuilder s = new StringBuilder();
        for (String segment : path.split("/")) {
            if (!segment.isEmpty()) {
                s.append(segment.startsWith("{") ? '1' : '0');
            }
        }
        return s.toString();
    }

    Router build(List<BoundRoute> table) {
        Router r = Router.router(vertx);
        r.route().handler(this::begin);
        BodyHandler body = BodyHandler.create(false).setBodyLimit(config.maxBodyBytes());
        for (BoundRoute b : specificFirst(table)) {
            io.vertx.ext.web.Route route = r.route(HttpMethod.valueOf(b.method()), vertxPath(b.route().path()));
            if (b.route().kind() == RouteKind.PLAIN) {
                // One handler that marks the route and then reads the body, so that a body over the
                // limit (413) still counts in the route's metrics (Vert.x web wants body handlers first).
                route.handler(ctx -> {
                    ctx.put(Exchange.ROUTE, b);
                    body.handle(ctx);
                }).handler(new RouteHandler(b, executor, log, whiteboard));
            } else {
                Handler<RoutingContext> stream = streams.handler(b);
                route.handler(ctx -> {
                    ctx.put(Exchange.ROUTE, b);
                    stream.handle(ctx);
                });
            }
        }
        // Every error status gets a handler: a failure Vert.x web finds none for is logged on
        // stderr as "Unhandled exception in router" (a client closing mid-body fails that way).
        for (int status = 400; status < 600; status++) {
            r.errorHandler(status, this::failed);
        }
        return r;
    }

    private void failed(RoutingContext ctx) {
        int status = ctx.statusCode() < 0 ? 500 : ctx.statusCode();
        String path = ctx.request().path();
        switch (status) {
            case 404 -> answer(ctx, Problems.notFound(path), false);
            case 405 -> answer(ctx, Problems.methodNotAllowed(ctx.request().method().name(), path), false);
            case 413 -> answer(ctx, Problems.tooLarge(config.maxBodyBytes()), true);
            case 400 -> answer(ctx, Problems.badRequest("the request could not be read"), true);
            default -> {
                if (ctx.response().closed()) {
                    return; // the client went away: nothing to answer, nothing wrong here
                }
                if (status >= 500) {
                    BoundRoute b = ctx.get(Exchange.ROUTE);
                    log.error("basilisk: {} failed: {}", b == null ? path : b.describe(), String.valueOf(ctx.failure()), ctx.failure());
                }
                answer(ctx, Problems.status(status), false);
            }
        }
    }

    private void answer(io.vertx.ext.web.RoutingContext ctx, io.hallows.basilisk.api.Response r, boolean close) {
        Exchange e = Exchange.of(ctx);
        if (e == null || e.claim()) {
            Exchange.send(ctx, r, close);
        }
    }

    /** {@code /orders/{id}} → {@code /orders/:id}, Vert.x web's syntax. */
    static String vertxPath(String template) {
        return template.replaceAll("\\{([A-Za-z_][A-Za-z0-9_]*)\\}", ":$1");
    }

    private void begin(RoutingContext ctx) {
        Exchange exchange = new Exchange();
        ctx.put(Exchange.KEY, exchange);
        ctx.response().headers().add(HttpHeaders.SERVER, SERVER).add(HttpHeaders.DATE, date.value());
        long timeout = config.requestTimeoutMs();
        exchange.timer(vertx.setTimer(timeout, id -> timedOut(ctx, exchange, timeout)));
        ctx.addEndHandler(done -> finished(ctx, exchange));
        ctx.next();
    }

    private void timedOut(RoutingContext ctx, Exchange exchange, long timeout) {
        if (exchange.claim()) {
            BoundRoute b = ctx.get(Exchange.ROUTE);
            log.warn("basilisk: {} {} did not finish within {} ms ({}): answered 503", ctx.request().method().name(), ctx.request().path(),
                    timeout, b == null ? "reading the request" : b.describe());
            // A body still arriving after the time is up is not read: the connection goes.
            Exchange.send(ctx, Problems.timedOut(timeout), !ctx.request().isEnded());
        }
    }

    private void finished(RoutingContext ctx, Exchange exchange) {
        vertx.cancelTimer(exchange.timer());
        connections.answered(ctx.request());
        long micros = TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - exchange.startNanos());
        int status = ctx.response().getStatusCode();
        BoundRoute b = ctx.get(Exchange.ROUTE);
        if (b != null) {
            b.metrics().record(status, micros);
        }
        if (access.isInfoEnabled()) {
            HttpServerRequest req = ctx.request();
            access.info("{} {} {} {} {} {}us", req.method().name(), req.path(), req.version() == HttpVersion.HTTP_2 ? "h2" : "http/1.1",
                    status, ctx.response().bytesWritten(), micros);
        }
    }
}
