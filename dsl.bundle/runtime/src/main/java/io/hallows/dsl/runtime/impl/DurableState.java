package io.hallows.dsl.runtime.impl;

import io.hallows.db.oltp.api.Database;
import io.hallows.dsl.runtime.StateCell;
import io.hallows.dsl.runtime.spi.StateBacking;
import io.hallows.sql.api.Prepared;
import io.hallows.sql.api.QueryOutcome;
import io.hallows.sql.api.Result;
import io.hallows.sql.api.Session;
import io.hallows.sql.api.SqlType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.osgi.service.log.Logger;

/**
 * Parseltongue state in the OLTP database, table {@value #TABLE} (module, name, type signature,
 * value as {@link StateJson} text; key (module, name)), through the embedded API.
 *
 * <p>Persisting is a group commit: a caller adds its cells to a pending set and takes a ticket; one
 * caller at a time (under a lock) drains everything pending, reads each cell's value <em>then</em>,
 * and writes it all in one transaction; a caller whose ticket an earlier transaction covered
 * returns without writing. Because values are read under the lock, after the write that is
 * covered, and transactions commit in lock order, the stored value of a cell is never older than
 * the last write that was persisted: concurrent writers of one variable lose nothing on restart.
 * A failed transaction is logged and its cells stay pending, for the next persist to try again.
 */
final class DurableState implements StateBacking {
    static final String TABLE = "pt_state";
    private static final String USER = "io.hallows.dsl.runtime";

    private final Logger log;
    private final boolean synchronous;
    // Fair: a caller that just wrote must not barge ahead of those queued behind the commit it led,
    // or each of them leads a commit of its own (measured: 8 writers got 1.7 operations per
    // commit with an unfair lock, about 6 with this one).
    private final ReentrantLock lock = new ReentrantLock(true);
    private final Map<StateCell<?>, Boolean> pending = new ConcurrentHashMap<>();
    private final AtomicLong requested = new AtomicLong();
    private long persisted; // guarded by lock
    private Connection connection; // guarded by lock; null while the database is away

    /** A session on the database and its statements. */
    private record Connection(Session session, Prepared select, Prepared update, Prepared insert, Prepared deleteModule) {
        static Connection open(Database db, boolean synchronous) {
            Session session = db.open(USER, Map.of("application_name", USER));
            try {
                if (!synchronous) {
                    check(await(session.query("SET synchronous_commit = off")));
                }
                check(await(session.query("CREATE TABLE IF NOT EXISTS " + TABLE + " (module TEXT NOT NULL, name TEXT NOT NULL,"
                        + " type TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY (module, name))")));
                List<SqlType> four = List.of(SqlType.TEXT, SqlType.TEXT, SqlType.TEXT, SqlType.TEXT);
                return new Connection(session,
                        await(session.prepare("SELECT type, value FROM " + TABLE + " WHERE module = $1 AND name = $2", four.subList(0, 2))),
                        await(session.prepare("UPDATE " + TABLE + " SET type = $3, value = $4 WHERE module = $1 AND name = $2", four)),
                        await(session.prepare("INSERT INTO " + TABLE + " (module, name, type, value) VALUES ($1, $2, $3, $4)", four)),
                        await(session.prepare("DELETE FROM " + TABLE + " WHERE module = $1", four.subList(0, 1))));
            } catch (RuntimeException e) {
                session.close();
                throw e;
            }
        }
    }

    /** Connected to {@code db}, with synchronous commits: see {@link #DurableState(Database, Logger, boolean)}. */
    DurableState(Database db, Logger log) {
        this(db, log, true);
    }

    /**
     * Connected to {@code db}: opens a session and creates the table if it is not there.
     *
     * @param synchronous whether a persist returns only once its commit is forced to disk (else
     *                    the last writes before a crash may be lost, as with PostgreSQL's
     *                    {@code synchronous_commit = off}; a clean stop loses nothing)
     */
    DurableState(Database db, Logger log, boolean synchronous) {
        this.log = log;
        this.synchronous = synchronous;
        this.connection = Connection.open(db, synchronous);
    }

    /** Uses {@code db} from now on (the database came back), and writes what is pending. */
    void connect(Database db) {
        Connection fresh = Connection.open(db, synchronous);
        lock.lock();
        try {
            closeConnection();
            connection = fresh;
            writePending();
        } finally {
            lock.unlock();
        }
    }

    /** The database went away: writes stay pending until {@link #connect}. */
    void disconnect() {
        lock.lock();
        try {
            closeConnection();
        } finally {
            lock.unlock();
        }
    }

    private Connection connection() {
        if (connection == null) {
            throw new IllegalStateException("the OLTP database is not available");
        }
        return connection;
    }

    private void closeConnection() {
        if (connection != null) {
            try {
                connection.session().close();
            } catch (RuntimeException gone) {
                // the database closed it already
            }
            connection = null;
        }
    }

    @Override
    public Stored load(String module, String name, String type, ClassLoader classes) {
        Result r;
        lock.lock();
        try {
            r = await(connection().select().execute(module, name));
        } finally {
            lock.unlock();
        }
        if (r.rows().isEmpty()) {
            return new Stored.Absent();
        }
        Object[] row = r.rows().getFirst();
        if (!type.equals(row[0])) {
            return new Stored.Unusable("type changed from " + row[0] + " to " + type + " (stored)");
        }
        try {
            return new Stored.Found(StateJson.read((String) row[1], classes));
        } catch (IllegalArgumentException e) {
            return new Stored.Unusable(e.getMessage());
        }
    }

    @Override
    public void persist(List<StateCell<?>> cells) {
        for (StateCell<?> cell : cells) {
            pending.put(cell, Boolean.TRUE);
        }
        long ticket = requested.incrementAndGet();
        lock.lock();
        try {
            if (persisted >= ticket) {
                return; // a transaction that started after our write covered it
            }
            long upTo = requested.get();
            if (writePending()) {
                persisted = upTo;
            }
        } finally {
            lock.unlock();
        }
    }

    /** Writes every pending cell; those not written stay pending. Under the lock. */
    private boolean writePending() {
        List<StateCell<?>> batch = new ArrayList<>(pending.keySet());
        batch.forEach(pending::remove);
        if (batch.isEmpty() || write(batch)) {
            return true;
        }
        batch.forEach(c -> pending.put(c, Boolean.TRUE));
        return false;
    }

    /** Writes the cells' current values in one transaction; false (logged) when it failed. */
    private boolean write(List<StateCell<?>> cells) {
        List<Object[]> rows = new ArrayList<>(cells.size());
        for (StateCell<?> cell : cells) {
            try {
                rows.add(new Object[] {cell.module(), cell.name(), cell.type(), StateJson.write(cell.get())});
            } catch (IllegalArgumentException e) {
                log.warn("state '" + cell.name() + "' of module " + cell.module() + " is not persisted: " + e.getMessage());
            }
        }
        if (rows.isEmpty()) {
            return true;
        }
        if (connection == null) {
            return false; // written when the database is back (connect)
        }
        Session session = connection.session();
        try {
            if (rows.size() > 1) {
                check(await(session.query("BEGIN")));
            }
            for (Object[] row : rows) {
                if (await(connection.update().execute(row)).commandTag().equals("UPDATE 0")) {
                    await(connection.insert().execute(row));
                }
            }
            if (rows.size() > 1) {
                check(await(session.query("COMMIT")));
            }
            return true;
        } catch (RuntimeException e) {
            if (rows.size() > 1) {
                try {
                    await(session.query("ROLLBACK"));
                } catch (RuntimeException ignored) {
                    // the session is broken: the next statement says so
                }
            }
            log.warn("Parseltongue state not persisted (it is tried again with the next write): " + e.getMessage());
            return false;
        }
    }

    @Override
    public void drop(String module) {
        lock.lock();
        try {
            pending.keySet().removeIf(c -> module.equals(c.module()));
            await(connection().deleteModule().execute(module));
        } finally {
            lock.unlock();
        }
    }

    /** Writes what is pending, then closes the session. */
    void close() {
        lock.lock();
        try {
            writePending();
            closeConnection();
        } finally {
            lock.unlock();
        }
    }

    private static void check(QueryOutcome outcome) {
        if (outcome.error() != null) {
            throw outcome.error();
        }
    }

    private static <T> T await(CompletableFuture<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the database", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("the database failed: " + e.getCause(), e.getCause());
        }
    }
}
