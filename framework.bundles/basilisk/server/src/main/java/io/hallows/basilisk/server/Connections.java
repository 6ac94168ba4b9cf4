package io.hallows.basilisk.server;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Guards connections: at most {@code max} open (more are closed at once), and a kept-alive HTTP/1
 * connection must send the next request's complete headers within the header timeout after its
 * last answer, so a client trickling header bytes (slowloris) loses its connection instead of
 * holding it. HTTP/2 connections multiplex requests and are left to the idle timeout.
 *
 * <p>With h2c on, Vert.x 4.5 hands a connection to the server only once its first request's head
 * is complete (it may be an HTTP/2 upgrade): before that, only the idle timeout and the header size
 * limit apply to it. Such a connection costs a socket and a small buffer on an event loop, not a
 * worker: it does not slow other clients down.
 */
final class Connections {
    private final Vertx vertx;
    private final int max;
    private final long headerTimeoutMs;
    private final AtomicInteger open = new AtomicInteger();
    /** Connection → its header timer, while it is waiting for a request's headers. */
    private final Map<HttpConnection, Long> waiting = new ConcurrentHashMap<>();

    Connections(Vertx vertx, int max, long headerTimeoutMs) {
        this.vertx = vertx;
        this.max = max;
        this.headerTimeoutMs = headerTimeoutMs;
    }

    int open() {
        return open.get();
    }

    void opened(HttpConnection c) {
        int now = open.incrementAndGet();
        c.closeHandler(v -> {
            open.decrementAndGet();
            Long timer = waiting.remove(c);
            if (timer != null) {
                vertx.cancelTimer(timer);
            }
        });
        if (now > max) {
            c.close();
            return;
        }
        awaitHeaders(c);
    }

    /** A request's headers arrived: stop the header timer until it has been answered. */
    void request(HttpServerRequest req) {
        HttpConnection c = req.connection();
        Long timer = waiting.remove(c);
        if (timer != null) {
            vertx.cancelTimer(timer);
        }
    }

    /** A request has been answered: an HTTP/1 connection now has the header timeout for its next one. */
    void answered(HttpServerRequest req) {
        if (req.version() != HttpVersion.HTTP_2 && !req.response().closed()) {
            awaitHeaders(req.connection());
        }
    }

    private void awaitHeaders(HttpConnection c) {
        long timer = vertx.setTimer(headerTimeoutMs, id -> {
            if (waiting.remove(c, id)) {
                c.close();
            }
        });
        Long old = waiting.put(c, timer);
        if (old != null) {
            vertx.cancelTimer(old);
        }
    }
}
