package io.hallows.db.olap.impl.sql;

import io.hallows.sql.api.Column;
import io.hallows.sql.api.Prepared;
import io.hallows.sql.api.Result;
import io.hallows.sql.api.SqlType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * A statement of the extended protocol. The engine plans from text and has no separate describe
 * step, so a row-returning statement learns its columns by running: without parameters it runs at
 * prepare time and its rows answer the first execution (the usual Parse, Bind, Describe, Execute of
 * a JDBC {@code executeQuery}); with parameters it is described by running it with NULLs under
 * {@code LIMIT 0}. Parameters are bound as SQL literals.
 */
final class OlapPrepared implements Prepared {
    private static final Set<String> QUERIES = Set.of("select", "with", "values", "table");

    private final OlapSession session;
    private final String sql;
    private final List<SqlType> parameterTypes;
    private final List<Column> columns;
    /** The rows of the run at prepare time, for the first execution; null once used. */
    private Result first;

    private OlapPrepared(OlapSession session, String sql, List<SqlType> parameterTypes, List<Column> columns, Result first) {
        this.session = session;
        this.sql = sql;
        this.parameterTypes = parameterTypes;
        this.columns = columns;
        this.first = first;
    }

    /** Prepares {@code text} (on the session's executor). */
    static OlapPrepared of(OlapSession session, String text, List<SqlType> declared) {
        String sql = SqlText.trimEnd(text);
        int count = parameterCount(sql);
        List<SqlType> types = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            types.add(i < declared.size() && declared.get(i) != null ? declared.get(i) : SqlType.UNKNOWN);
        }
        String word = SqlText.firstWord(sql);
        if (word.equals("explain")) {
            return new OlapPrepared(session, sql, types, OlapSession.PLAN_COLUMNS, null);
        }
        if (word.equals("show") && count == 0) {
            Result r = session.statement(sql);
            return new OlapPrepared(session, sql, types, r.columns(), r);
        }
        if (!QUERIES.contains(word)) {
            return new OlapPrepared(session, sql, types, List.of(), null);
        }
        if (count == 0) {
            Result r = session.statement(sql);
            return new OlapPrepared(session, sql, types, r.columns(), r);
        }
        Object[] nulls = new Object[count];
        Result shape = session.statement("SELECT * FROM (" + SqlText.bind(sql, nulls) + ") AS described LIMIT 0");
        return new OlapPrepared(session, sql, types, shape.columns(), null);
    }

    /** The highest {@code $n} in {@code sql} (outside quotes), found by binding markers. */
    private static int parameterCount(String sql) {
        int max = 0;
        for (int i = 0; i < sql.length(); i++) {
            if (sql.charAt(i) == '$' && i + 1 < sql.length() && Character.isDigit(sql.charAt(i + 1))) {
                int j = i + 1;
                while (j < sql.length() && Character.isDigit(sql.charAt(j))) {
                    j++;
                }
                max = Math.max(max, Integer.parseInt(sql.substring(i + 1, j)));
            }
        }
        if (max == 0) {
            return 0;
        }
        // a '$n' inside a string literal is text, not a parameter: count what bind() replaces
        Object[] probe = new Object[max];
        String bound = SqlText.bind(sql, probe);
        return bound.equals(sql) ? 0 : max;
    }

    @Override
    public String sql() {
        return sql;
    }

    @Override
    public List<SqlType> parameterTypes() {
        return parameterTypes;
    }

    @Override
    public List<Column> columns() {
        return columns;
    }

    @Override
    public CompletableFuture<Result> execute(Object... parameters) {
        return session.onExecutor(() -> {
            Result held = first;
            first = null;
            if (held != null && parameters.length == 0) {
                return held;
            }
            return session.statement(SqlText.bind(sql, parameters));
        });
    }

    @Override
    public void close() {
        first = null;
    }
}
