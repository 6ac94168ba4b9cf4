package io.hallows.db.oltp.impl.sql;

import io.hallows.db.oltp.impl.store.Isolation;
import io.hallows.sql.api.Column;
import io.hallows.sql.api.Result;
import io.hallows.sql.api.SqlException;
import io.hallows.sql.api.SqlType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

/** A session's run-time parameters: SET, SHOW and RESET, and the changes clients must be told about. */
final class Settings {
    /** The parameters PostgreSQL reports in ParameterStatus when they change. */
    private static final Set<String> REPORTED = Set.of("application_name", "client_encoding", "datestyle", "timezone",
            "standard_conforming_strings", "integer_datetimes", "is_superuser", "server_encoding", "intervalstyle");
    private static final Map<String, String> CASED = Map.of("datestyle", "DateStyle", "timezone", "TimeZone",
            "intervalstyle", "IntervalStyle");

    private final Map<String, String> defaults;
    private final Map<String, String> values;
    private final Map<String, String> changes = new LinkedHashMap<>();
    private final Supplier<Map<String, String>> stats;

    Settings(Map<String, String> server, Map<String, String> startup, SqlOptions options) {
        Map<String, String> d = new HashMap<>();
        server.forEach((k, v) -> d.put(k.toLowerCase(Locale.ROOT), v));
        d.put("application_name", "");
        d.put("extra_float_digits", "1");
        d.put("search_path", "\"$user\", public");
        d.put("synchronous_commit", options.synchronousCommit() ? "on" : "off");
        d.put("default_transaction_isolation", name(options.defaultIsolation()));
        d.put("statement_timeout", "0");
        d.put("lock_timeout", "0");
        d.put("max_connections", String.valueOf(options.maxSessions()));
        d.put("max_identifier_length", "63");
        d.put("transaction_read_only", "off");
        d.put("default_transaction_read_only", "off");
        this.defaults = Map.copyOf(d);
        this.values = new HashMap<>(d);
        startup.forEach((k, v) -> {
            String key = k.toLowerCase(Locale.ROOT);
            if (!key.equals("user") && !key.equals("database") && !key.equals("options") && !key.equals("replication")) {
                values.put(key, v);
            }
        });
        this.stats = options.stats();
    }

    static String name(Isolation i) {
        return i.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    String get(String name) {
        return values.get(name);
    }

    boolean synchronousCommit() {
        return !"off".equalsIgnoreCase(values.get("synchronous_commit"));
    }

    Isolation defaultIsolation() {
        return isolation(values.get("default_transaction_isolation"));
    }

    static Isolation isolation(String level) {
        return switch (level.toLowerCase(Locale.ROOT).trim()) {
            case "read committed", "read uncommitted" -> Isolation.READ_COMMITTED;
            case "repeatable read" -> Isolation.REPEATABLE_READ;
            case "serializable" -> Isolation.SERIALIZABLE;
            default -> throw new SqlException("22023", "invalid value for parameter \"transaction_isolation\": \"" + level + "\"");
        };
    }

    void set(String name, String value) {
        String key = name.toLowerCase(Locale.ROOT);
        String v = value == null ? defaults.getOrDefault(key, "") : value;
        if (key.equals("default_transaction_isolation")) {
            isolation(v);
        }
        values.put(key, v);
        if (REPORTED.contains(key)) {
            changes.put(CASED.getOrDefault(key, key), v);
        }
    }

    void resetAll() {
        for (String k : new ArrayList<>(values.keySet())) {
            set(k, null);
        }
    }

    Map<String, String> takeChanges() {
        Map<String, String> out = new LinkedHashMap<>(changes);
        changes.clear();
        return out;
    }

    private static final List<Column> STATS_COLUMNS = List.of(Column.of("name", SqlType.TEXT), Column.of("value", SqlType.TEXT));
    private static final List<Column> ALL_COLUMNS = List.of(Column.of("name", SqlType.TEXT), Column.of("setting", SqlType.TEXT),
            Column.of("description", SqlType.TEXT));

    private static String key(String name) {
        return switch (name.toLowerCase(Locale.ROOT).replace("\"", "").replaceAll("\\s+", " ").trim()) {
            case "transaction isolation level" -> "transaction_isolation";
            case "time zone" -> "timezone";
            case "session authorization" -> "session_authorization";
            default -> name.toLowerCase(Locale.ROOT).replace("\"", "").trim();
        };
    }

    /** The columns {@code SHOW …} returns, for a prepared statement's description ({@code sql} without its final ';'). */
    static List<Column> showColumns(String sql, List<Lexer.Token> tokens) {
        String key = key(sql.substring(tokens.get(0).end()));
        return switch (key) {
            case "hallows.stats" -> STATS_COLUMNS;
            case "all" -> ALL_COLUMNS;
            default -> List.of(Column.of(key, SqlType.TEXT));
        };
    }

    /** SHOW name (with the current transaction's isolation for {@code transaction_isolation}). */
    Result show(String name, Isolation current) {
        String key = key(name);
        if (key.equals("hallows.stats")) {
            List<Object[]> rows = new ArrayList<>();
            new TreeMap<>(stats.get()).forEach((k, v) -> rows.add(new Object[] {k, v}));
            return Result.rows(STATS_COLUMNS, rows);
        }
        if (key.equals("all")) {
            List<Object[]> rows = new ArrayList<>();
            new TreeMap<>(values).forEach((k, v) -> rows.add(new Object[] {k, v, ""}));
            return Result.rows(ALL_COLUMNS, rows);
        }
        String v = key.equals("transaction_isolation") ? name(current) : values.get(key);
        if (v == null) {
            throw new SqlException("42704", "unrecognized configuration parameter \"" + name + "\"");
        }
        List<Object[]> rows = new ArrayList<>();
        rows.add(new Object[] {v});
        return new Result("SHOW", List.of(Column.of(key, SqlType.TEXT)), rows, null, List.of());
    }
}
