package io.hallows.basilisk.server;

import io.hallows.basilisk.api.Response;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One request's answer: whoever answers first (the route, the request timer, an error handler)
 * wins, later answers are dropped. Kept in the routing context under {@link #KEY}.
 */
final class Exchange {
    static final String KEY = "basilisk.exchange";
    static final String ROUTE = "basilisk.route";
    private final AtomicBoolean answered = new AtomicBoolean();
    private final long startNanos = System.nanoTime();
    private volatile long timer = -1;

    static Exchange of(RoutingContext ctx) {
        return ctx.get(KEY);
    }

    long startNanos() {
        return startNanos;
    }

    void timer(long id) {
        timer = id;
    }

    long timer() {
        return timer;
    }

    /** Takes the right to answer (a stream takes it for its whole life). */
    boolean claim() {
        return answered.compareAndSet(false, true);
    }

    /** Gives the right to answer back (a WebSocket handshake that failed is answered as a request). */
    void unclaim() {
        answered.set(false);
    }

    /** Answers with {@code r} if nobody has answered yet; on the request's event loop. */
    boolean answer(RoutingContext ctx, Response r) {
        if (!claim()) {
            return false;
        }
        send(ctx, r, false);
        return true;
    }

    /**
     * Writes {@code r}. With {@code close}, an HTTP/1 connection is closed after it: the rest of
     * the request (a body over the limit, one still arriving) is not read.
     */
    static void send(RoutingContext ctx, Response r, boolean close) {
        HttpServerResponse resp = ctx.response();
        if (resp.ended() || resp.closed()) {
            return;
        }
        resp.setStatusCode(r.status());
        if (r.status() != 204) {
            resp.putHeader(HttpHeaders.CONTENT_TYPE, r.contentType());
        }
        r.headers().forEach(resp::putHeader);
        boolean http1 = ctx.request().version() != HttpVersion.HTTP_2;
        if (close && http1) {
            resp.putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
        }
        resp.end(Buffer.buffer(r.body())).onComplete(done -> {
            if (close && http1) {
                // The body reader would fail the answered request with "connection closed", which
                // Vert.x web then logs as an unhandled exception: the close is ours, nothing failed.
                ctx.request().exceptionHandler(ignored -> { });
                ctx.request().connection().close();
            }
        });
    }
}
