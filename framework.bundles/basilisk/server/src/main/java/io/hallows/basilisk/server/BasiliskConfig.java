package io.hallows.basilisk.server;

import java.util.function.Function;

/**
 * The server's settings, from framework properties (which fall back to system properties).
 *
 * @param host the address to bind ({@value #HOST}, default {@value #DEFAULT_HOST})
 * @param port the port ({@value #PORT}, default {@value #DEFAULT_PORT}; 0 for any free port)
 * @param maxBodyBytes {@value #MAX_BODY}: a larger request body is answered 413 (default 1 MiB)
 * @param maxHeaderBytes {@value #MAX_HEADER}: larger request headers are answered 431 (default 8 KiB)
 * @param requestTimeoutMs {@value #REQUEST_TIMEOUT}: a route that has not answered by then is
 *     answered 503; its task runs on, its answer is dropped (default 30000)
 * @param maxConnections {@value #MAX_CONNECTIONS}: connections over it are closed at once (default 10000)
 * @param headerTimeoutMs {@value #HEADER_TIMEOUT}: an HTTP/1 connection that has not sent a
 *     request's complete headers this long after connecting or after its last answer is closed
 *     (slow clients must not hold connections; default 10000)
 * @param idleTimeoutMs {@value #IDLE_TIMEOUT}: a connection with no traffic this long is closed (default 60000)
 * @param swapGraceMs {@value #SWAP_GRACE}: how long a module whose revision went away keeps its
 *     routes, parking their requests until its next revision registers (a module's update
 *     unregisters the old revision before the new one registers; default 5000, 0 = none)
 */
public record BasiliskConfig(String host, int port, int maxBodyBytes, int maxHeaderBytes, long requestTimeoutMs, int maxConnections,
        long headerTimeoutMs, long idleTimeoutMs, long swapGraceMs) {
    public static final String HOST = "hallows.basilisk.host";
    public static final String PORT = "hallows.basilisk.port";
    public static final String MAX_BODY = "hallows.basilisk.maxBodyBytes";
    public static final String MAX_HEADER = "hallows.basilisk.maxHeaderBytes";
    public static final String REQUEST_TIMEOUT = "hallows.basilisk.requestTimeoutMs";
    public static final String MAX_CONNECTIONS = "hallows.basilisk.maxConnections";
    public static final String HEADER_TIMEOUT = "hallows.basilisk.headerTimeoutMs";
    public static final String IDLE_TIMEOUT = "hallows.basilisk.idleTimeoutMs";
    public static final String SWAP_GRACE = "hallows.basilisk.swapGraceMs";
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8080;

    /** The defaults, on {@code host}:{@code port}. */
    public static BasiliskConfig defaults(String host, int port) {
        return from(name -> switch (name) {
            case HOST -> host;
            case PORT -> Integer.toString(port);
            default -> null;
        });
    }

    /**
     * @param property looks a property up by name, null if unset
     * @throws IllegalArgumentException naming the property whose value is not usable
     */
    public static BasiliskConfig from(Function<String, String> property) {
        String host = property.apply(HOST);
        return new BasiliskConfig(host == null || host.isBlank() ? DEFAULT_HOST : host.trim(),
                (int) number(property, PORT, DEFAULT_PORT, 0, 65535),
                (int) number(property, MAX_BODY, 1 << 20, 0, Integer.MAX_VALUE),
                (int) number(property, MAX_HEADER, 8 << 10, 1024, 1 << 20),
                number(property, REQUEST_TIMEOUT, 30_000, 1, Long.MAX_VALUE / 2),
                (int) number(property, MAX_CONNECTIONS, 10_000, 1, 1_000_000),
                number(property, HEADER_TIMEOUT, 10_000, 1, Long.MAX_VALUE / 2),
                number(property, IDLE_TIMEOUT, 60_000, 1, Long.MAX_VALUE / 2),
                number(property, SWAP_GRACE, 5_000, 0, 600_000));
    }

    /** A copy with other limits (tests). */
    public BasiliskConfig withLimits(int maxBody, int maxHeader, long requestTimeout, int connections, long headerTimeout) {
        return new BasiliskConfig(host, port, maxBody, maxHeader, requestTimeout, connections, headerTimeout, idleTimeoutMs, swapGraceMs);
    }

    /** A copy with another swap grace (tests). */
    public BasiliskConfig withSwapGrace(long ms) {
        return new BasiliskConfig(host, port, maxBodyBytes, maxHeaderBytes, requestTimeoutMs, maxConnections, headerTimeoutMs, idleTimeoutMs, ms);
    }

    private static long number(Function<String, String> property, String name, long otherwise, long min, long max) {
        String v = property.apply(name);
        String text = v == null || v.isBlank() ? Long.toString(otherwise) : v.trim();
        try {
            long n = Long.parseLong(text);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below, with the property's name
        }
        throw new IllegalArgumentException(name + " must be a number from " + min + " to " + max + " (was '" + text + "')");
    }
}
