package io.hallows.db.olap.impl.sql;

import io.hallows.db.olap.api.OlapDatabase;
import io.hallows.db.olap.impl.engine.QueryContext;
import io.hallows.db.olap.impl.engine.QueryEngine;
import io.hallows.db.olap.impl.engine.QueryResult;
import io.hallows.db.olap.impl.store.TableStore;
import io.hallows.sql.api.Session;
import io.hallows.sql.api.SqlEngine;
import io.hallows.sql.api.SqlException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.OutOfMemoryException;
import org.apache.arrow.vector.ipc.ArrowReader;

/**
 * The OLAP database as the stack sees it: SQL sessions for the PostgreSQL wire server and the
 * shell, and Arrow readers for bundles in the JVM. Queries are planned and run by the
 * {@link QueryEngine} over a snapshot of the {@link TableStore}; each gets a child of the engine's
 * root allocator (the memory limit), closed when the query is done. Sessions run their statements as
 * tasks on {@code executor} (the olap partition), the queries' morsels run there too.
 */
public final class OlapEngine implements OlapDatabase {
    final TableStore store;
    final QueryEngine engine;
    final BufferAllocator root;
    final Executor executor;
    final int parallelism;
    final Supplier<SqlEngine> oltp;
    private final int maxSessions;
    private final AtomicInteger sessions = new AtomicInteger();
    private final AtomicLong queries = new AtomicLong();
    private final Map<String, String> serverParameters;
    /** Where {@code COPY … FROM '<file>'} may read, or null: any client could otherwise read any file the stack can. */
    private volatile java.nio.file.Path copyDirectory;

    /**
     * @param oltp the OLTP database for {@code INSERT … SELECT}, or null while it is not there
     */
    public OlapEngine(TableStore store, QueryEngine engine, BufferAllocator root, Executor executor, int parallelism,
            int maxSessions, Supplier<SqlEngine> oltp) {
        this.store = Objects.requireNonNull(store, "store");
        this.engine = Objects.requireNonNull(engine, "engine");
        this.root = Objects.requireNonNull(root, "root");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.parallelism = parallelism;
        this.maxSessions = maxSessions;
        this.oltp = oltp;
        Map<String, String> p = new LinkedHashMap<>();
        p.put("server_version", "15.0");
        p.put("server_encoding", "UTF8");
        p.put("client_encoding", "UTF8");
        p.put("DateStyle", "ISO, MDY");
        p.put("TimeZone", "UTC");
        p.put("IntervalStyle", "postgres");
        p.put("integer_datetimes", "on");
        p.put("standard_conforming_strings", "on");
        p.put("is_superuser", "on");
        p.put("application_name", "");
        this.serverParameters = Collections.unmodifiableMap(p);
    }

    @Override
    public Session open(String user, Map<String, String> parameters) {
        if (sessions.incrementAndGet() > maxSessions) {
            sessions.decrementAndGet();
            throw new SqlException("53300", "sorry, too many clients already");
        }
        return new OlapSession(this, parameters == null ? Map.of() : parameters);
    }

    void closed() {
        sessions.decrementAndGet();
    }

    @Override
    public Map<String, String> serverParameters() {
        return serverParameters;
    }

    /** Where statements and loads run (the olap partition). */
    public Executor executor() {
        return executor;
    }

    /** The table store (for the shell and the loaders). */
    public TableStore store() {
        return store;
    }

    /** A new query's allocator: a child of the root, so the engine's limit bounds all queries together. */
    BufferAllocator queryAllocator() {
        return root.newChildAllocator("query-" + queries.incrementAndGet(), 0, root.getLimit());
    }

    /** An allocator for building tables before they are written (a load): a child of the root, like a query's. */
    public BufferAllocator loadAllocator() {
        return root.newChildAllocator("load-" + queries.incrementAndGet(), 0, root.getLimit());
    }

    QueryContext context(BufferAllocator allocator, BooleanSupplier cancelled) {
        return new QueryContext(allocator, executor, parallelism, cancelled);
    }

    /** Runs on the caller's thread; the reader owns the query's memory and table snapshot until closed. */
    @Override
    public ArrowReader query(String sql) {
        TableStore.Snapshot snapshot = store.snapshot();
        BufferAllocator allocator = null;
        try {
            allocator = queryAllocator();
            // Closing the reader before the last batch cancels what the engine still runs for it.
            AtomicBoolean closed = new AtomicBoolean();
            QueryResult result = engine.execute(SqlText.trimEnd(sql), snapshot, context(allocator, closed::get));
            return new QueryReader(allocator, result, () -> closed.set(true), allocator, snapshot);
        } catch (RuntimeException e) {
            if (allocator != null) {
                allocator.close();
            }
            snapshot.close();
            throw sqlError(e);
        }
    }

    @Override
    public List<String> tables() {
        return store.info().stream().filter(t -> t.problem() == null).map(TableStore.TableInfo::name).toList();
    }

    /** Any failure as the SqlException a client gets; Arrow's out-of-memory is the limit's 53200. */
    static SqlException sqlError(Throwable e) {
        while ((e instanceof java.util.concurrent.CompletionException || e instanceof java.util.concurrent.ExecutionException)
                && e.getCause() != null) {
            e = e.getCause();
        }
        if (e instanceof SqlException s) {
            return s;
        }
        if (e instanceof OutOfMemoryException) {
            return new SqlException("53200", "out of memory: the query needs more than the OLAP database's memory limit", 0,
                    e.getMessage(), "raise memoryLimit (PID io.hallows.db.olap) or make the query smaller", e);
        }
        if (e instanceof java.io.IOException) {
            return new SqlException("58030", "I/O error: " + e.getMessage(), 0, null, null, e);
        }
        return new SqlException("XX000", "internal error: " + e, 0, null, null, e);
    }

    /**
     * Lets {@code COPY … FROM '<file>'} read files under {@code directory} (and nothing else); by
     * default it reads none (clients send data with {@code COPY … FROM STDIN}, psql's {@code \\copy}).
     */
    public void allowCopyFrom(java.nio.file.Path directory) {
        copyDirectory = directory;
    }

    /** The file {@code name} names, if COPY may read it; else an SQL error saying why (SQLSTATE 42501). */
    java.nio.file.Path copyable(String name) {
        java.nio.file.Path dir = copyDirectory;
        if (dir == null) {
            throw new io.hallows.sql.api.SqlException("42501", "COPY from a file on the server is off: send the data with COPY … FROM STDIN"
                    + " (psql: \\copy), or set copyDirectory in the configuration io.hallows.db.olap to a folder it may read");
        }
        try {
            java.nio.file.Path file = dir.resolve(name).toRealPath();
            if (file.startsWith(dir.toRealPath())) {
                return file;
            }
        } catch (java.io.IOException e) {
            throw new io.hallows.sql.api.SqlException("58P01", "could not open file \"" + name + "\" for reading: " + e.getMessage());
        }
        throw new io.hallows.sql.api.SqlException("42501", "COPY may only read files under " + dir + " (copyDirectory), not \"" + name + "\"");
    }
}
