package io.hallows.db.oltp.impl.sql;

import io.hallows.db.oltp.impl.store.Store;
import io.hallows.sql.api.Session;
import io.hallows.sql.api.SqlEngine;
import io.hallows.sql.api.SqlException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The OLTP engine's SQL front end: PostgreSQL's dialect over the MVCC {@link Store}, parsed and
 * validated by Apache Calcite, plans cached per statement shape. Every statement's work runs as
 * a task on {@code executor} (the db partition in the stack), where its future completes.
 */
public final class OltpSqlEngine implements SqlEngine {
    /** What {@code version()} answers: clients parse the PostgreSQL version from it. */
    static final String VERSION_STRING = "PostgreSQL 15.0 (Hallows OLTP on Apache Calcite)";

    final Store store;
    final Executor executor;
    final SqlOptions options;
    final PlanCache cache;
    private final AtomicInteger sessions = new AtomicInteger();
    private final Map<String, String> serverParameters;

    public OltpSqlEngine(Store store, Executor executor, SqlOptions options) {
        this.store = Objects.requireNonNull(store, "store");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.options = Objects.requireNonNull(options, "options");
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
        p.put("session_authorization", "hallows");
        this.serverParameters = java.util.Collections.unmodifiableMap(p);
        SystemTables system = new SystemTables(options.database(), () -> Map.of(
                "max_connections", String.valueOf(options.maxSessions()),
                "synchronous_commit", options.synchronousCommit() ? "on" : "off",
                "server_version", "15.0", "default_transaction_isolation", Settings.name(options.defaultIsolation())));
        this.cache = new PlanCache(new Planner(store, system, options.database()));
        // Calcite's first planning loads and initialises hundreds of classes (about a second):
        // do it now, as a task of the partition, rather than in the first client's statement.
        executor.execute(this::warmUp);
    }

    private void warmUp() {
        try {
            cache.prepare(Shape.of("SELECT 1", Lexer.scan("SELECT 1"), false, java.util.List.of()));
        } catch (SqlException e) {
            // nothing to report: the first real statement plans (and reports) on its own
        }
    }

    @Override
    public Session open(String user, Map<String, String> parameters) {
        if (sessions.incrementAndGet() > options.maxSessions()) {
            sessions.decrementAndGet();
            throw new SqlException("53300", "sorry, too many clients already");
        }
        return new OltpSession(this, parameters == null ? Map.of() : parameters);
    }

    void closed(OltpSession session) {
        sessions.decrementAndGet();
    }

    @Override
    public Map<String, String> serverParameters() {
        return serverParameters;
    }

    /** Plans found in the cache since the start (for tests and statistics). */
    public long planCacheHits() {
        return cache.hits();
    }

    /** Statements planned since the start. */
    public long planCacheMisses() {
        return cache.misses();
    }

    /** Sessions open now. */
    public int sessions() {
        return sessions.get();
    }
}
