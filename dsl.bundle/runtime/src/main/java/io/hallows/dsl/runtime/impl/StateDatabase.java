package io.hallows.dsl.runtime.impl;

import io.hallows.db.oltp.api.Database;
import io.hallows.dsl.runtime.local.MemoryStateStore;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.log.Logger;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Makes the runtime's state store durable while the OLTP database is there: tracks the protected
 * {@link Database} service (the runtime bundle holds {@code service:db.oltp CALL} through its
 * partition's grants) and attaches a {@link DurableState} over it to the store.
 *
 * <p>A stack that has the database (a bundle {@value #DB_BUNDLE} is installed and the stack file
 * mentions {@value #DB_PATTERN}) starts it after the framework has started, at the same time as
 * the deployer restores the modules, so the first module revision to start waits for it, at most
 * {@value #WAIT_PROPERTY} ms (default {@value #DEFAULT_WAIT_MS}): modules restored at stack start
 * then read their stored state. Without a database, or after that wait, state is kept in memory
 * only, with a warning. Cells created before the database appeared stay in memory only until their
 * module is deployed again after a restart.
 *
 * <p>Loaded only when the runtime bundle is wired to the database's API package (its imports of it
 * are optional, so a stack without the database resolves the runtime).
 */
final class StateDatabase implements AutoCloseable {
    /** The OLTP database's bundle: when it is installed, the stack has a database to wait for. */
    static final String DB_BUNDLE = "io.hallows.db.oltp";
    /** The kernel's framework property naming the stack file(s). */
    static final String STACK_PROPERTY = "hallows.stack";
    /** What a stack file that puts the database's bundle in a partition contains (a {@code bundles} pattern). */
    static final String DB_PATTERN = "io.hallows.db";
    /** Framework property: how long the first module start waits for the database, in ms (0: not at all). */
    static final String WAIT_PROPERTY = "hallows.pt.state.waitMillis";
    static final long DEFAULT_WAIT_MS = 30_000;
    /**
     * Framework property: {@code false} makes a persist return before its commit is forced to disk
     * (tens of microseconds instead of a log force per operation; the last writes before a crash
     * may be lost). Default {@code true}.
     */
    static final String SYNCHRONOUS_PROPERTY = "hallows.pt.state.synchronousCommit";

    private final MemoryStateStore store;
    private final Logger log;
    private final ServiceTracker<Object, Database> tracker;
    private final CountDownLatch attached = new CountDownLatch(1);
    private final boolean expected;
    private final long waitMillis;
    private final boolean synchronous;
    private DurableState durable; // guarded by this
    private boolean warned; // guarded by this
    private boolean closed; // guarded by this
    private volatile boolean waited;

    StateDatabase(BundleContext context, MemoryStateStore store, Logger log) {
        this.store = store;
        this.log = log;
        this.expected = expected(context);
        String wait = context.getProperty(WAIT_PROPERTY);
        this.waitMillis = wait == null || wait.isBlank() ? DEFAULT_WAIT_MS : Long.parseLong(wait.strip());
        this.synchronous = !"false".equalsIgnoreCase(String.valueOf(context.getProperty(SYNCHRONOUS_PROPERTY)).strip());
        this.tracker = new ServiceTracker<>(context, Database.class.getName(), null) {
            @Override
            public Database addingService(ServiceReference<Object> reference) {
                Object service = context.getService(reference);
                if (!(service instanceof Database db)) {
                    if (service != null) {
                        context.ungetService(reference);
                    }
                    return null;
                }
                added(db);
                return db;
            }

            @Override
            public void removedService(ServiceReference<Object> reference, Database db) {
                removed();
                context.ungetService(reference);
            }
        };
        tracker.open(true);
    }

    /**
     * Whether the database will come: its bundle is installed and the stack file puts it in a
     * partition. The stack file is applied after the framework has started, concurrently with the
     * deployer's restore, so the partitions themselves cannot be asked yet; its text can.
     */
    private static boolean expected(BundleContext context) {
        for (Bundle b : context.getBundles()) {
            if (DB_BUNDLE.equals(b.getSymbolicName()) && b.getState() != Bundle.UNINSTALLED) {
                return stackMentions(context.getProperty(STACK_PROPERTY), DB_PATTERN);
            }
        }
        return false;
    }

    /** True when the stack file(s) of {@code property} (inline JSON or comma-separated URLs) contain {@code text}. */
    static boolean stackMentions(String property, String text) {
        if (property == null || property.isBlank()) {
            return false;
        }
        if (property.strip().startsWith("{")) {
            return property.contains(text);
        }
        for (String location : property.strip().split(",")) {
            try (java.io.InputStream in = java.net.URI.create(location.strip()).toURL().openStream()) {
                if (new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).contains(text)) {
                    return true;
                }
            } catch (java.io.IOException | IllegalArgumentException unreadable) {
                // the kernel reports a stack file it cannot read
            }
        }
        return false;
    }

    private synchronized void added(Database db) {
        if (closed) {
            return;
        }
        try {
            if (durable == null) {
                durable = new DurableState(db, log, synchronous);
            } else {
                durable.connect(db);
            }
            store.attach(durable);
            attached.countDown();
            log.info("Parseltongue state is durable: table " + DurableState.TABLE + " of database " + Database.DATABASE_NAME
                    + (synchronous ? "" : " (asynchronous commits: the last writes before a crash may be lost)"));
        } catch (RuntimeException e) {
            log.error("Parseltongue state stays in memory: the OLTP database could not be used: " + e, e);
        }
    }

    private synchronized void removed() {
        if (durable != null && !closed) {
            store.attach(null);
            durable.disconnect();
            log.warn("the OLTP database went away: Parseltongue state created now is not durable; writes are kept until it is back");
        }
    }

    /**
     * Before a module's revision starts: when the stack has a database that is not there yet, waits
     * for it (bounded, once); says once when state will not be durable.
     */
    void beforeModuleStart() throws InterruptedException {
        if (store.durable()) {
            return;
        }
        if (expected && waitMillis > 0 && !waited) {
            attached.await(waitMillis, TimeUnit.MILLISECONDS);
            waited = true;
        }
        synchronized (this) {
            if (!store.durable() && !warned) {
                warned = true;
                log.warn(expected ? "the OLTP database did not come within " + waitMillis + " ms: Parseltongue state is kept in memory only"
                        : "no OLTP database in this stack: Parseltongue state is kept in memory only (it starts over after a restart)");
            }
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            if (durable != null) {
                store.attach(null);
                durable.close(); // what is still pending is written first
            }
        }
        tracker.close();
    }
}
