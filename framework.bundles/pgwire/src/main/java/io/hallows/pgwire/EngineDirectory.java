package io.hallows.pgwire;

import io.hallows.sql.api.SqlEngine;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The engines by database name ({@link SqlEngine#DATABASE}), as they come and go. When two
 * engines claim one name, the first keeps it until it leaves. Thread-safe.
 */
final class EngineDirectory implements Function<String, SqlEngine> {
    private final Map<String, SqlEngine> engines = new ConcurrentHashMap<>();

    /** Adds {@code engine} under {@code database}; false (and nothing changes) when the name is taken. */
    boolean add(String database, SqlEngine engine) {
        return engines.putIfAbsent(database, engine) == null;
    }

    void remove(String database, SqlEngine engine) {
        engines.remove(database, engine);
    }

    @Override
    public SqlEngine apply(String database) {
        return engines.get(database);
    }

    /** The database name in an engine's service properties, or null when it has none. */
    static String databaseOf(Map<String, ?> properties) {
        Object name = properties.get(SqlEngine.DATABASE);
        return name instanceof String s && !s.isBlank() ? s.trim() : null;
    }
}
