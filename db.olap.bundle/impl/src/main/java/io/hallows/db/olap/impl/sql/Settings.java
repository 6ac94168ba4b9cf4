package io.hallows.db.olap.impl.sql;

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

/**
 * A session's run-time parameters: SET, RESET and SHOW keep what clients set at connect
 * ({@code extra_float_digits}, {@code application_name}…) and report the ones PostgreSQL reports.
 * None changes how the OLAP engine runs a query.
 */
final class Settings {
    private static final Set<String> REPORTED = Set.of("application_name", "client_encoding", "datestyle", "timezone",
            "standard_conforming_strings", "integer_datetimes", "is_superuser", "server_encoding", "intervalstyle");
    private static final Map<String, String> CASED = Map.of("datestyle", "DateStyle", "timezone", "TimeZone",
            "intervalstyle", "IntervalStyle");

    private final Map<String, String> defaults = new HashMap<>();
    private final Map<String, String> values;
    private final Map<String, String> changes = new LinkedHashMap<>();

    Settings(Map<String, String> server, Map<String, String> startup) {
        server.forEach((k, v) -> defaults.put(k.toLowerCase(Locale.ROOT), v));
        defaults.put("application_name", "");
        defaults.put("extra_float_digits", "1");
        defaults.put("search_path", "public");
        defaults.put("statement_timeout", "0");
        defaults.put("transaction_isolation", "read committed");
        defaults.put("default_transaction_isolation", "read committed");
        defaults.put("transaction_read_only", "on");
        values = new HashMap<>(defaults);
        startup.forEach((k, v) -> {
            String key = k.toLowerCase(Locale.ROOT);
            if (!Set.of("user", "database", "options", "replication").contains(key)) {
                values.put(key, v);
            }
        });
    }

    /** SET [SESSION|LOCAL] name {TO|=} value, SET TIME ZONE value, SET TRANSACTION … (accepted). */
    Result set(Words in) {
        in.expect("set");
        if (!in.accept("session")) {
            in.accept("local");
        }
        if (in.accept("transaction") || in.accept("characteristics")) {
            return Result.command("SET");
        }
        String name;
        if (in.accept("time")) {
            in.expect("zone");
            name = "timezone";
        } else {
            name = in.name();
            while (in.acceptPunct(".")) {
                name = name + "." + in.name();
            }
            if (!in.acceptPunct("=")) {
                in.expect("to");
            }
        }
        String value = in.rest();
        if (value.isEmpty()) {
            throw in.error("expected a value");
        }
        if (value.startsWith("'") && value.endsWith("'") && value.length() >= 2) {
            value = value.substring(1, value.length() - 1).replace("''", "'");
        }
        put(name, value.equalsIgnoreCase("default") ? null : value);
        return Result.command("SET");
    }

    Result reset(Words in) {
        in.expect("reset");
        if (in.accept("all")) {
            new ArrayList<>(values.keySet()).forEach(k -> put(k, null));
        } else {
            put(in.name(), null);
        }
        return Result.command("RESET");
    }

    private void put(String name, String value) {
        String key = name.toLowerCase(Locale.ROOT);
        String v = value == null ? defaults.getOrDefault(key, "") : value;
        values.put(key, v);
        if (REPORTED.contains(key)) {
            changes.put(CASED.getOrDefault(key, key), v);
        }
    }

    Result show(Words in) {
        in.expect("show");
        String key = in.rest().replace("\"", "").toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        key = switch (key) {
            case "transaction isolation level" -> "transaction_isolation";
            case "time zone" -> "timezone";
            default -> key;
        };
        if (key.equals("all")) {
            List<Object[]> rows = new ArrayList<>();
            new TreeMap<>(values).forEach((k, v) -> rows.add(new Object[] {k, v}));
            return Result.rows(List.of(Column.of("name", SqlType.TEXT), Column.of("setting", SqlType.TEXT)), rows);
        }
        String v = values.get(key);
        if (v == null) {
            throw new SqlException("42704", "unrecognized configuration parameter \"" + key + "\"");
        }
        List<Object[]> rows = new ArrayList<>();
        rows.add(new Object[] {v});
        return new Result("SHOW", List.of(Column.of(key, SqlType.TEXT)), rows, null, List.of());
    }

    Map<String, String> takeChanges() {
        Map<String, String> out = new LinkedHashMap<>(changes);
        changes.clear();
        return out;
    }
}
