package io.hallows.admin;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerRequest;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import io.hallows.kernel.api.AuditLog;
import org.osgi.service.log.Logger;

/**
 * Enforces {@link ConnectionLimits} on an HTTP server: connections over the caps are closed as
 * they arrive, a connection that sends no whole request in time is closed, and a request not
 * answered in time (a slow body, a stalled client) has its connection closed. Refusals are logged
 * at WARN and recorded in the audit log (when the stack grants {@code service:kernel.audit}) at most
 * once per {@value #WARN_EVERY_MS} ms, with how many there were, so a flood cannot flood the logs too.
 */
final class ConnectionGuard {
    static final long WARN_EVERY_MS = 10_000;

    private final Vertx vertx;
    private final ConnectionLimits limits;
    private final Logger log;
    private final AuditLog audit;
    private final AtomicInteger open = new AtomicInteger();
    private final Map<String, AtomicInteger> perPeer = new ConcurrentHashMap<>();
    /** The request deadline of each connection that has no request under way (none yet, or answered). */
    private final Map<HttpConnection, Long> awaitingRequest = new ConcurrentHashMap<>();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong lastWarning = new AtomicLong();

    /** @param audit where refusals are recorded too, or null where the stack granted no audit log */
    ConnectionGuard(Vertx vertx, ConnectionLimits limits, Logger log, AuditLog audit) {
        this.vertx = vertx;
        this.limits = limits;
        this.log = log;
        this.audit = audit;
    }

    /** The server's connection handler. */
    void accept(HttpConnection connection) {
        String peer = peer(connection);
        int all = open.incrementAndGet();
        int fromPeer = perPeer.computeIfAbsent(peer, p -> new AtomicInteger()).incrementAndGet();
        connection.closeHandler(v -> closed(connection, peer));
        if (all > limits.maxConnections() || fromPeer > limits.maxPerPeer()) {
            refuse(all > limits.maxConnections() ? "over the cap of " + limits.maxConnections() + " connections"
                    : "over the cap of " + limits.maxPerPeer() + " connections from " + peer);
            connection.close();
            return;
        }
        awaitRequest(connection, peer, "of connecting");
    }

    /**
     * The connection must bring a whole request within the deadline: from connecting, and again
     * after each answer, so a kept-alive connection cannot trickle its next request's headers forever.
     */
    private void awaitRequest(HttpConnection connection, String peer, String since) {
        awaitingRequest.put(connection, vertx.setTimer(limits.requestTimeout().toMillis(), id -> {
            if (awaitingRequest.remove(connection) != null) {
                refuse("no whole request within " + limits.requestTimeout().toMillis() + " ms " + since + " (" + peer + ")");
                connection.close();
            }
        }));
    }

    /** Wraps the server's request handler with the per-request deadline. */
    Handler<HttpServerRequest> guard(Handler<HttpServerRequest> next) {
        return request -> {
            stopAwaiting(request.connection());
            long deadline = vertx.setTimer(limits.requestTimeout().toMillis(), id -> {
                if (!request.response().ended()) {
                    refuse(request.method() + " " + request.path() + " not completed within " + limits.requestTimeout().toMillis()
                            + " ms (a slow body or a stalled client)");
                    request.connection().close();
                }
            });
            request.response().endHandler(v -> {
                vertx.cancelTimer(deadline);
                awaitRequest(request.connection(), peer(request.connection()), "of the previous answer");
            });
            request.response().closeHandler(v -> vertx.cancelTimer(deadline));
            next.handle(request);
        };
    }

    private void stopAwaiting(HttpConnection connection) {
        Long timer = awaitingRequest.remove(connection);
        if (timer != null) {
            vertx.cancelTimer(timer);
        }
    }

    private static String peer(HttpConnection connection) {
        return connection.remoteAddress() == null ? "unknown" : connection.remoteAddress().host();
    }

    private void closed(HttpConnection connection, String peer) {
        stopAwaiting(connection);
        open.decrementAndGet();
        perPeer.computeIfPresent(peer, (p, count) -> count.decrementAndGet() == 0 ? null : count);
    }

    private void refuse(String why) {
        long count = refused.incrementAndGet();
        long now = System.currentTimeMillis();
        long last = lastWarning.get();
        if (now - last >= WARN_EVERY_MS && lastWarning.compareAndSet(last, now)) {
            log.warn("admin API: closed a connection: {} ({} refused so far)", why, count);
            if (audit != null) {
                try {
                    audit.record("admin.connection.refused", "admin API", why + " (" + count + " refused so far)");
                } catch (RuntimeException e) { // revoked meanwhile: the log line above stands
                    log.debug("cannot record a refusal in the audit log: {}", e.getMessage());
                }
            }
        }
    }
}
