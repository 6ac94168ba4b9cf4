package io.hallows.pgwire;

import io.vertx.core.Vertx;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.osgi.service.log.Logger;

/**
 * A wire server on a free port of 127.0.0.1 serving a {@link MapEngine} as database {@code
 * hallows}, on plain Vert.x, built through the same {@link PgWireServer#start} the component uses.
 */
final class ServerFixture implements AutoCloseable {
    /** A log that drops what it is given. */
    static final Logger LOG = (Logger) java.lang.reflect.Proxy.newProxyInstance(ServerFixture.class.getClassLoader(),
            new Class<?>[] {Logger.class}, (proxy, method, args) -> method.getReturnType() == boolean.class ? Boolean.FALSE
                    : method.getReturnType() == String.class ? "test" : null);

    final ExecutorService engineThread = Executors.newSingleThreadExecutor(r -> new Thread(r, "map-engine"));
    final MapEngine engine = new MapEngine(engineThread);
    final Vertx vertx = Vertx.vertx();
    final PgWireServer server;

    /** @param properties {@code hallows.pgwire.*} settings beyond port 0 */
    ServerFixture(Map<String, String> properties) throws Exception {
        Map<String, String> all = new HashMap<>(properties);
        all.putIfAbsent(PgWireConfig.PORT, "0");
        server = PgWireServer.start(PgWireConfig.from(all::get), vertx, db -> db.equals("hallows") ? engine : null, LOG);
    }

    ServerFixture() throws Exception {
        this(Map.of());
    }

    String url(String options) {
        return "jdbc:postgresql://127.0.0.1:" + server.port() + "/hallows" + (options.isEmpty() ? "" : "?" + options);
    }

    Connection connect(String options) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", "tester");
        p.setProperty("connectTimeout", "10");
        p.setProperty("socketTimeout", "20");
        return DriverManager.getConnection(url(options), p);
    }

    /** Waits until every session is closed (connections end asynchronously after the client goes). */
    void awaitNoSessions() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (engine.openSessions.get() != 0 || server.connections() != 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("sessions still open: " + engine.openSessions.get() + ", connections " + server.connections());
            }
            Thread.sleep(5);
        }
    }

    @Override
    public void close() throws Exception {
        server.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        engineThread.shutdownNow();
    }
}
