package io.hallows.run.it.oltp;

import io.hallows.run.it.LaunchedStacks;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * A real stack process started by {@code run/hallows start} without console, with its own data
 * area and a free port for the PostgreSQL wire server, reached through the PostgreSQL JDBC driver.
 * {@link #kill()} sends SIGKILL to the stack's JVM.
 */
final class StackProcess implements AutoCloseable {
    private static final Driver DRIVER = new org.postgresql.Driver();
    private final Path work;
    private final int port;
    private Process process;
    private int starts;

    StackProcess(Path work) throws IOException {
        this.work = work;
        this.port = LaunchedStacks.freePort();
    }

    int port() {
        return port;
    }

    Path dataArea() {
        return work.resolve("data");
    }

    /** Starts the stack and returns once its database accepts a connection. */
    void start() throws Exception {
        String name = "stack-" + (++starts);
        process = LaunchedStacks.launch(work, name, "-Dhallows.admin.port=0 -Dhallows.pgwire.port=" + port, null);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        SQLException last = null;
        while (System.nanoTime() < deadline && process.isAlive()) {
            try (Connection c = connect()) {
                return;
            } catch (SQLException e) {
                last = e;
                Thread.sleep(100); // polls another process's port: nothing to wait on across processes
            }
        }
        throw new AssertionError("the stack's database did not come up (" + last + "):\n" + output(name));
    }

    Connection connect() throws SQLException {
        Properties p = new Properties();
        p.setProperty("connectTimeout", "10");
        p.setProperty("socketTimeout", "60");
        return connect(p);
    }

    /**
     * A connection through the driver itself: DriverManager's service lookup depends on the
     * thread's context class loader, which the in-process framework of other tests may have set.
     */
    Connection connect(Properties properties) throws SQLException {
        Properties p = new Properties();
        p.putAll(properties);
        p.setProperty("user", "hallows");
        Connection c = DRIVER.connect("jdbc:postgresql://127.0.0.1:" + port + "/hallows", p);
        if (c == null) {
            throw new SQLException("the PostgreSQL driver did not accept its own URL");
        }
        return c;
    }

    /** SIGKILL to the stack's JVM (not the launcher's shell), then waits until it is gone. */
    void kill() throws InterruptedException {
        LaunchedStacks.kill(process);
    }

    String output(String name) throws IOException {
        return LaunchedStacks.output(work, name);
    }

    @Override
    public void close() throws Exception {
        if (process != null && process.isAlive()) {
            kill();
        }
    }
}
