package io.hallows.admin;

import java.nio.file.Path;
import java.util.function.Function;

/**
 * Where the admin API listens and where its token is kept, read from framework properties (which
 * fall back to system properties, so {@code -Dhallows.admin.port=0} works too).
 *
 * @param host the address to bind, {@value #DEFAULT_HOST} unless {@value #HOST} says otherwise
 * @param port the port, {@value #DEFAULT_PORT} unless {@value #PORT} says otherwise; 0 for any free port
 * @param tokenFile the bearer token's file, {@value #TOKEN_FILE}, default {@code ~/.hallows/admin.token}
 * @param limits what clients may hold (connections, timeouts)
 */
public record AdminConfig(String host, int port, Path tokenFile, ConnectionLimits limits) {
    public static final String HOST = "hallows.admin.host";
    public static final String PORT = "hallows.admin.port";
    public static final String TOKEN_FILE = "hallows.admin.tokenFile";
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8470;

    /** With the default {@link ConnectionLimits}. */
    public AdminConfig(String host, int port, Path tokenFile) {
        this(host, port, tokenFile, ConnectionLimits.DEFAULT);
    }

    /**
     * @param property looks up a property by name, null if unset
     * @throws IllegalArgumentException naming the property whose value is not usable
     */
    public static AdminConfig from(Function<String, String> property) {
        return from(property, System.getenv());
    }

    /**
     * As {@link #from(Function)}, with {@code env} as the environment: the default token file is
     * under {@code $HOME} when it is set (where {@code run/hallows ctl} looks), else under {@code user.home}.
     */
    static AdminConfig from(Function<String, String> property, java.util.Map<String, String> env) {
        String host = value(property, HOST, DEFAULT_HOST);
        String port = value(property, PORT, Integer.toString(DEFAULT_PORT));
        // $HOME first, as run/hallows ctl looks there: the JVM's user.home can differ from it.
        String home = value(property, "user.home", ".");
        String envHome = env.get("HOME");
        if (envHome != null && !envHome.isBlank()) {
            home = envHome;
        }
        String tokenFile = value(property, TOKEN_FILE, Path.of(home, ".hallows", "admin.token").toString());
        return new AdminConfig(host, parsePort(port), Path.of(tokenFile).toAbsolutePath(), ConnectionLimits.from(property));
    }

    private static String value(Function<String, String> property, String name, String otherwise) {
        String v = property.apply(name);
        return v == null || v.isBlank() ? otherwise : v.trim();
    }

    private static int parsePort(String text) {
        try {
            int port = Integer.parseInt(text);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below, with the property's name
        }
        throw new IllegalArgumentException(PORT + " must be a port number from 0 to 65535, 0 for any free port (was '" + text + "')");
    }
}
