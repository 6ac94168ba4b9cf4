package io.hallows.basilisk.server;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Guards connections: at most {@code max} open (more are closed at once), and an HTTP/1 connection
 * must send a request's complete headers within the header timeout after it connected or after
 * its last answer, so a client trickling header bytes (slowloris) loses its connection instead of
 * holding it. HTTP/2 connections multiplex requests and are left to the idle timeout.
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
        if (req.version() != HttpVersion.HTTP_2) {
            req.response().endHandler(v -> awaitHeaders(c));
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
