package io.hallows.basilisk.api;

/** How a route answers. */
public enum RouteKind {
    /** One request, one response. */
    PLAIN,
    /**
     * A stream of Server-Sent Events: the route's response body is sent as one event on connect and
     * again whenever one of its {@link Route#tables()} changed (coalesced, at most one per 16 ms).
     */
    SSE,
    /** As {@link #SSE}, one WebSocket text message per change. */
    WEBSOCKET
}
