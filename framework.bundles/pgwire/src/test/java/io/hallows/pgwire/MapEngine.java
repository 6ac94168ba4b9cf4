package io.hallows.pgwire;

import io.hallows.sql.api.SqlEngine;
import io.hallows.sql.api.Session;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A test double for an engine: one table {@code kv (k integer primary key, v text)} in a map, and
 * the handful of statements {@link MapStatement} understands. Its futures complete on {@code
 * executor} (another thread, as a real engine's do) or at once when it is a direct executor.
 */
final class MapEngine implements SqlEngine {
    final ConcurrentSkipListMap<Integer, String> kv = new ConcurrentSkipListMap<>();
    final AtomicInteger openSessions = new AtomicInteger();
    final AtomicInteger cancels = new AtomicInteger();
    /** Statements waiting in pg_sleep now. */
    final AtomicInteger sleepers = new AtomicInteger();
    final Executor executor;

    MapEngine(Executor executor) {
        this.executor = executor;
    }

    @Override
    public Session open(String user, Map<String, String> parameters) {
        openSessions.incrementAndGet();
        return new MapSession(this, parameters);
    }

    @Override
    public Map<String, String> serverParameters() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("server_version", "15.0");
        p.put("server_encoding", "UTF8");
        p.put("client_encoding", "UTF8");
        p.put("DateStyle", "ISO, MDY");
        p.put("TimeZone", "UTC");
        p.put("integer_datetimes", "on");
        p.put("standard_conforming_strings", "on");
        return p;
    }
}
