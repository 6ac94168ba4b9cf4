package io.hallows.basilisk.server;

import io.hallows.basilisk.api.Route;
import io.hallows.basilisk.api.RouteKind;
import io.hallows.basilisk.api.RouteStats;

/**
 * A route as served: the module revision that declared it, and its counters.
 *
 * @param method the method it is served under (GET for streaming routes)
 */
record BoundRoute(String module, String revision, long serviceId, Route route, String method, RouteMetrics metrics) {
    /** Streams are opened with GET (an EventSource, a WebSocket handshake) whatever the route says. */
    static String servedMethod(Route route) {
        return route.kind() == RouteKind.PLAIN ? route.method().toUpperCase(java.util.Locale.ROOT) : "GET";
    }

    /** {@code GET /orders/{id}}: what two modules must not both declare. */
    String key() {
        return method + " " + route.path();
    }

    /** {@code shop GET /orders/{id} (Shop.order)}, for log lines. */
    String describe() {
        return module + " " + key() + " (" + route.operation() + ")";
    }

    RouteStats stats() {
        return new RouteStats(module, revision, method, route.path(), route.operation(), route.kind(), metrics.requests(),
                metrics.clientErrors(), metrics.serverErrors(), metrics.percentile(0.5), metrics.percentile(0.99));
    }
}
