package io.hallows.pgwire;

import io.hallows.pgwire.auth.AuthMethod;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * The wire server's settings, from framework properties (which fall back to system properties).
 *
 * @param host the address to bind ({@value #HOST}, default {@value #DEFAULT_HOST})
 * @param port the port ({@value #PORT}, default {@value #DEFAULT_PORT}; 0 for any free port)
 * @param auth {@value #AUTH}: {@code trust} (the default on a loopback address, refused on any
 *     other) or {@code scram-sha-256} (the default elsewhere)
 * @param usersFile {@value #USERS}: the SCRAM users, or null for none
 * @param maxMessageBytes {@value #MAX_MESSAGE_BYTES}, default 16 MiB
 * @param maxConnections {@value #MAX_CONNECTIONS}, default 256
 * @param keyStore {@value #TLS_KEY_STORE}: a PKCS#12 (or {@code .jks}) key store for TLS, or null for none
 * @param keyStorePassword {@value #TLS_PASSWORD}
 */
public record PgWireConfig(String host, int port, AuthMethod auth, Path usersFile, int maxMessageBytes, int maxConnections,
        Path keyStore, String keyStorePassword) {
    public static final String HOST = "hallows.pgwire.host";
    public static final String PORT = "hallows.pgwire.port";
    public static final String AUTH = "hallows.pgwire.auth";
    public static final String USERS = "hallows.pgwire.users";
    public static final String MAX_MESSAGE_BYTES = "hallows.pgwire.maxMessageBytes";
    public static final String MAX_CONNECTIONS = "hallows.pgwire.maxConnections";
    public static final String TLS_KEY_STORE = "hallows.pgwire.tls.keyStore";
    public static final String TLS_PASSWORD = "hallows.pgwire.tls.password";
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 5433;

    /** With no TLS key store password shown: it is a secret. */
    @Override
    public String toString() {
        return "PgWireConfig[" + host + ":" + port + ", auth " + auth.configName() + ", users " + usersFile + ", maxMessageBytes "
                + maxMessageBytes + ", maxConnections " + maxConnections + ", tls " + (keyStore == null ? "off" : keyStore) + "]";
    }

    /**
     * @param property looks a property up by name, null if unset
     * @throws IllegalArgumentException naming the property whose value is not usable
     */
    public static PgWireConfig from(Function<String, String> property) {
        String host = value(property, HOST, DEFAULT_HOST);
        int port = number(property, PORT, DEFAULT_PORT, 0, 65535);
        boolean loopback = isLoopback(host);
        String authName = value(property, AUTH, loopback ? AuthMethod.TRUST.configName() : AuthMethod.SCRAM_SHA_256.configName());
        AuthMethod auth = AuthMethod.named(authName);
        if (auth == null) {
            throw new IllegalArgumentException(AUTH + " must be trust or scram-sha-256 (was '" + authName + "')");
        }
        if (auth == AuthMethod.TRUST && !loopback) {
            throw new IllegalArgumentException(AUTH + "=trust is allowed only on a loopback address, not on " + host
                    + ": set " + AUTH + "=scram-sha-256 and " + USERS);
        }
        String users = property.apply(USERS);
        String keyStore = property.apply(TLS_KEY_STORE);
        String password = property.apply(TLS_PASSWORD);
        return new PgWireConfig(host, port, auth, blank(users) ? null : Path.of(users.trim()),
                number(property, MAX_MESSAGE_BYTES, 16 << 20, 1024, Integer.MAX_VALUE),
                number(property, MAX_CONNECTIONS, 256, 1, 1_000_000),
                blank(keyStore) ? null : Path.of(keyStore.trim()), password == null ? "" : password);
    }

    private static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(HOST + ": unknown host '" + host + "'", e);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String value(Function<String, String> property, String name, String otherwise) {
        String v = property.apply(name);
        return blank(v) ? otherwise : v.trim();
    }

    private static int number(Function<String, String> property, String name, int otherwise, int min, int max) {
        String text = value(property, name, Integer.toString(otherwise));
        try {
            int n = Integer.parseInt(text);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below, with the property's name
        }
        throw new IllegalArgumentException(name + " must be a number from " + min + " to " + max + " (was '" + text + "')");
    }
}
