package io.hallows.admin;

import java.time.Duration;
import java.util.function.Function;

/**
 * What clients may hold of the admin API, so that connections without a token cannot exhaust the
 * process's file descriptors and starve the operator (and every other layer) of them.
 *
 * @param maxConnections connections open at once, from everyone ({@value #MAX_CONNECTIONS}); more are closed at once
 * @param maxPerPeer connections open at once from one address ({@value #MAX_PER_PEER})
 * @param idleTimeout a connection with no traffic for this long is closed ({@value #IDLE_TIMEOUT}, milliseconds)
 * @param requestTimeout a client must send its first request within this long of connecting, and every request must
 *        be read and answered within it; a slow body or a stalled client is cut off ({@value #REQUEST_TIMEOUT}, milliseconds)
 */
public record ConnectionLimits(int maxConnections, int maxPerPeer, Duration idleTimeout, Duration requestTimeout) {
    public static final String MAX_CONNECTIONS = "hallows.admin.maxConnections";
    public static final String MAX_PER_PEER = "hallows.admin.maxConnectionsPerPeer";
    public static final String IDLE_TIMEOUT = "hallows.admin.idleTimeoutMs";
    public static final String REQUEST_TIMEOUT = "hallows.admin.requestTimeoutMs";
    /** 256 connections, 32 per address, 30 s idle, 10 s per request. */
    public static final ConnectionLimits DEFAULT = new ConnectionLimits(256, 32, Duration.ofSeconds(30), Duration.ofSeconds(10));

    /** @throws IllegalArgumentException naming the property whose value is not a positive whole number */
    public static ConnectionLimits from(Function<String, String> property) {
        return new ConnectionLimits(positive(property, MAX_CONNECTIONS, DEFAULT.maxConnections),
                positive(property, MAX_PER_PEER, DEFAULT.maxPerPeer),
                Duration.ofMillis(positive(property, IDLE_TIMEOUT, (int) DEFAULT.idleTimeout.toMillis())),
                Duration.ofMillis(positive(property, REQUEST_TIMEOUT, (int) DEFAULT.requestTimeout.toMillis())));
    }

    private static int positive(Function<String, String> property, String name, int otherwise) {
        String text = property.apply(name);
        if (text == null || text.isBlank()) {
            return otherwise;
        }
        try {
            int value = Integer.parseInt(text.strip());
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below, with the property's name
        }
        throw new IllegalArgumentException(name + " must be a whole number from 1 to " + Integer.MAX_VALUE + " (was '" + text + "')");
    }
}
