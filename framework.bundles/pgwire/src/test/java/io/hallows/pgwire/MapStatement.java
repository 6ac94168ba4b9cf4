package io.hallows.pgwire;

import io.hallows.sql.api.Column;
import io.hallows.sql.api.CopyIn;
import io.hallows.sql.api.Result;
import io.hallows.sql.api.SqlException;
import io.hallows.sql.api.SqlType;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The statements {@link MapEngine} understands: {@code SELECT $1::int8, 'a', 7} (echo),
 * {@code SELECT k, v FROM kv [WHERE k = $1]}, {@code INSERT INTO kv VALUES ($1, $2)},
 * {@code DELETE FROM kv}, {@code BEGIN}/{@code COMMIT}/{@code ROLLBACK}, {@code SET x = y},
 * {@code SHOW x}, {@code SELECT pg_sleep(n)}, {@code SELECT generate_series(1, n)},
 * {@code COPY kv FROM STDIN}, {@code DO 'notice text'}; anything else is a syntax error.
 */
record MapStatement(String kind, List<SqlType> parameterTypes, List<Column> columns, List<String> items) {
    private static final Pattern WORDS = Pattern.compile("\\s+");
    private static final Pattern ITEM = Pattern.compile("\\$(\\d+)(?:::(\\w+))?|'([^']*)'|(-?\\d+)|(null)", Pattern.CASE_INSENSITIVE);
    private static final Map<String, SqlType> TYPES = Map.ofEntries(Map.entry("int2", SqlType.INT2), Map.entry("int4", SqlType.INT4),
            Map.entry("int8", SqlType.INT8), Map.entry("float4", SqlType.FLOAT4), Map.entry("float8", SqlType.FLOAT8),
            Map.entry("numeric", SqlType.NUMERIC), Map.entry("bool", SqlType.BOOL), Map.entry("text", SqlType.TEXT),
            Map.entry("varchar", SqlType.VARCHAR), Map.entry("bpchar", SqlType.BPCHAR), Map.entry("name", SqlType.NAME),
            Map.entry("date", SqlType.DATE), Map.entry("timestamp", SqlType.TIMESTAMP), Map.entry("timestamptz", SqlType.TIMESTAMPTZ),
            Map.entry("bytea", SqlType.BYTEA), Map.entry("oid", SqlType.OID));
    private static final List<Column> KV = List.of(Column.of("k", SqlType.INT4), Column.of("v", SqlType.TEXT));

    static MapStatement parse(String sql, List<SqlType> given) {
        String s = sql.strip();
        String lower = s.toLowerCase(Locale.ROOT);
        if (lower.matches("begin|start transaction|commit|rollback|end")) {
            return new MapStatement(lower, List.of(), List.of(), List.of());
        }
        if (lower.startsWith("set ") || lower.startsWith("show ") || lower.startsWith("do ") || lower.startsWith("select pg_sleep(")
                || lower.startsWith("select generate_series(1,")) {
            return new MapStatement(lower.substring(0, lower.indexOf(' ')), List.of(),
                    lower.startsWith("show ") ? List.of(Column.of(lower.substring(5).strip(), SqlType.TEXT))
                            : lower.startsWith("select generate_series") ? List.of(Column.of("generate_series", SqlType.INT4)) : List.of(),
                    List.of(s.substring(s.indexOf(' ') + 1)));
        }
        if (lower.equals("select k, v from kv")) {
            return new MapStatement("scan", List.of(), KV, List.of());
        }
        Matcher where = Pattern.compile("select k, v from kv where k = (.+)").matcher(lower);
        if (where.matches()) {
            return keyed("scan", KV, List.of(where.group(1)));
        }
        Matcher insert = Pattern.compile("insert into kv values \\((.+?),\\s*(.+)\\)", Pattern.CASE_INSENSITIVE).matcher(s);
        if (insert.matches()) {
            return keyed("insert", List.of(), List.of(insert.group(1), insert.group(2)));
        }
        if (lower.equals("delete from kv")) {
            return new MapStatement("delete", List.of(), List.of(), List.of());
        }
        if (lower.equals("copy kv from stdin")) {
            return new MapStatement("copy", List.of(), List.of(), List.of());
        }
        if (lower.startsWith("select ")) {
            return echo(s.substring(7), given);
        }
        throw new SqlException("42601", "syntax error at or near \"" + s.split("\\s+")[0] + "\"", 1);
    }

    /** A statement over kv whose items are {@code $n} (k an int4, v a text) or literals as JDBC inlines them. */
    private static MapStatement keyed(String kind, List<Column> columns, List<String> items) {
        List<SqlType> params = new ArrayList<>();
        for (String item : items) {
            if (item.strip().startsWith("$")) {
                params.add(params.isEmpty() ? SqlType.INT4 : SqlType.TEXT);
            }
        }
        return new MapStatement(kind, List.copyOf(params), columns, List.copyOf(items));
    }

    /** Item {@code i}: its parameter's value, or the literal without quotes, casts and parentheses. */
    private Object keyedValue(int i, Object[] parameters) {
        String item = items.get(i).strip();
        if (item.startsWith("$")) {
            return parameters[Integer.parseInt(item.substring(1)) - 1];
        }
        String literal = item.replaceAll("::\\w+", "").replaceAll("^[('\\s]+|[)'\\s]+$", "");
        return i == 0 ? (Object) Integer.parseInt(literal) : literal;
    }

    private static MapStatement echo(String list, List<SqlType> given) {
        List<SqlType> params = new ArrayList<>(given);
        List<Column> columns = new ArrayList<>();
        List<String> items = new ArrayList<>();
        for (String item : list.split(",")) {
            Matcher m = ITEM.matcher(item.strip());
            if (!m.matches()) {
                throw new SqlException("42601", "syntax error at or near \"" + item.strip() + "\"", 8);
            }
            SqlType type;
            if (m.group(1) != null) {
                int n = Integer.parseInt(m.group(1));
                while (params.size() < n) {
                    params.add(SqlType.UNKNOWN);
                }
                SqlType cast = m.group(2) == null ? null : TYPES.get(m.group(2).toLowerCase(Locale.ROOT));
                if (params.get(n - 1) == SqlType.UNKNOWN) {
                    params.set(n - 1, cast == null ? SqlType.TEXT : cast);
                }
                type = cast == null ? params.get(n - 1) : cast;
            } else {
                type = m.group(3) != null ? SqlType.TEXT : m.group(4) != null ? SqlType.INT4 : SqlType.TEXT;
            }
            columns.add(Column.of("?column?", type));
            items.add(item.strip());
        }
        return new MapStatement("echo", List.copyOf(params), List.copyOf(columns), List.copyOf(items));
    }

    boolean endsTransaction() {
        return kind.equals("commit") || kind.equals("rollback") || kind.equals("end");
    }

    Result run(MapSession session, Object[] parameters) {
        if (parameters.length != parameterTypes.size()) {
            throw new SqlException("08P01", "expected " + parameterTypes.size() + " parameters, got " + parameters.length);
        }
        String argument = items.isEmpty() ? "" : items.get(0);
        switch (kind) {
            case "begin", "start transaction":
                session.begin();
                return Result.command("BEGIN");
            case "commit", "end":
                session.end(true);
                return Result.command("COMMIT");
            case "rollback":
                session.end(false);
                return Result.command("ROLLBACK");
            case "set": {
                String[] parts = argument.split("\\s*(=|\\s[tT][oO]\\s)\\s*", 2);
                session.set(parts[0].strip(), parts.length > 1 ? parts[1].strip().replace("'", "") : "");
                return Result.command("SET");
            }
            case "show":
                return Result.rows(columns, List.<Object[]>of(new Object[] {session.settings.getOrDefault(argument.strip(), "")}));
            case "do":
                return new Result("DO", List.of(), List.of(), null, List.of(argument.replace("'", "")));
            case "select":
                if (argument.startsWith("pg_sleep")) {
                    session.sleep(Double.parseDouble(argument.replaceAll("[^0-9.]", "")));
                    return Result.command("SELECT 0");
                }
                return Result.rows(columns, series(Integer.parseInt(argument.replaceAll("\\D+$", "").replaceAll(".*,\\s*", ""))));
            case "scan": {
                List<Object[]> rows = new ArrayList<>();
                Object key = items.isEmpty() ? null : keyedValue(0, parameters);
                session.engine.kv.forEach((k, v) -> {
                    if (key == null || k.equals(key)) {
                        rows.add(new Object[] {k, v});
                    }
                });
                return Result.rows(columns, rows);
            }
            case "insert": {
                Object key = keyedValue(0, parameters);
                if (key == null || session.engine.kv.putIfAbsent((Integer) key, String.valueOf(keyedValue(1, parameters))) != null) {
                    throw new SqlException("23505", "duplicate key value violates unique constraint \"kv_pkey\"", 0,
                            "Key (k)=(" + key + ") already exists.", null, null);
                }
                return Result.command("INSERT 0 1");
            }
            case "delete": {
                int count = session.engine.kv.size();
                session.engine.kv.clear();
                return Result.command("DELETE " + count);
            }
            case "copy":
                return new Result("COPY", List.of(), List.of(), new KvCopy(session), List.of());
            default:
                return Result.rows(columns, List.<Object[]>of(echoRow(parameters)));
        }
    }

    private static List<Object[]> series(int n) {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            rows.add(new Object[] {i});
        }
        return rows;
    }

    private Object[] echoRow(Object[] parameters) {
        Object[] row = new Object[items.size()];
        for (int i = 0; i < row.length; i++) {
            Matcher m = ITEM.matcher(items.get(i));
            m.matches();
            row[i] = m.group(1) != null ? parameters[Integer.parseInt(m.group(1)) - 1]
                    : m.group(3) != null ? m.group(3) : m.group(4) != null ? (Object) Integer.parseInt(m.group(4)) : null;
        }
        return row;
    }

    /** COPY kv FROM STDIN: tab-separated lines, kept until finish(). */
    private static final class KvCopy implements CopyIn {
        private final MapSession session;
        private final StringBuilder data = new StringBuilder();

        KvCopy(MapSession session) {
            this.session = session;
        }

        @Override
        public List<Column> columns() {
            return KV;
        }

        @Override
        public CompletableFuture<Void> write(ByteBuffer chunk) {
            data.append(StandardCharsets.UTF_8.decode(chunk));
            return CompletableFuture.runAsync(() -> { }, session.engine.executor);
        }

        @Override
        public CompletableFuture<Result> finish() {
            return CompletableFuture.supplyAsync(() -> {
                String[] lines = data.toString().split("\n");
                int count = 0;
                for (String line : lines) {
                    if (line.isEmpty() || line.equals("\\.")) {
                        continue;
                    }
                    String[] fields = line.split("\t", -1);
                    try {
                        session.engine.kv.put(Integer.parseInt(fields[0]), fields[1]);
                    } catch (RuntimeException e) {
                        throw new SqlException("22P02", "invalid input syntax for type integer: \"" + fields[0] + "\"", 0,
                                "COPY kv, line " + (count + 1), null, null);
                    }
                    count++;
                }
                return Result.command("COPY " + count);
            }, session.engine.executor);
        }

        @Override
        public CompletableFuture<Void> fail(String reason) {
            return CompletableFuture.completedFuture(null);
        }
    }
}
