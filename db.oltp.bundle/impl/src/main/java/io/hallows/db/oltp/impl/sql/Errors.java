package io.hallows.db.oltp.impl.sql;

import io.hallows.sql.api.SqlException;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParserPos;

/** Calcite's parse and validation errors as PostgreSQL's SQLSTATEs, with a 1-based character position. */
final class Errors {
    private Errors() {
    }

    /** Maps any failure of planning {@code sql} (its position in the client's text is {@code offset}). */
    static SqlException map(Throwable e, String sql, int offset) {
        if (e instanceof SqlException s) {
            return s;
        }
        if (e instanceof SqlParseException p) {
            SqlParserPos pos = p.getPos();
            int at = pos == null ? 0 : position(sql, pos.getLineNum(), pos.getColumnNum());
            String near = at > 0 ? nearToken(sql, at - 1) : null;
            String msg = near == null ? "syntax error at end of input" : "syntax error at or near \"" + near + "\"";
            return new SqlException("42601", msg, at == 0 ? 0 : at + offset, firstLine(p.getMessage()), null, p);
        }
        CalciteContextException c = find(e, CalciteContextException.class);
        if (c != null) {
            String cause = c.getCause() != null && c.getCause().getMessage() != null ? c.getCause().getMessage() : c.getMessage();
            int at = position(sql, c.getPosLine(), c.getPosColumn());
            return new SqlException(state(cause), firstLine(cause), at == 0 ? 0 : at + offset, null, null, e);
        }
        if (e instanceof StackOverflowError) {
            return new SqlException("54001", "statement too complex");
        }
        String msg = e.getMessage() == null ? e.getClass().getSimpleName() : firstLine(e.getMessage());
        return new SqlException("XX000", msg, 0, null, null, e);
    }

    /**
     * A failure inside Calcite while it plans a statement it parsed (an assertion, an index out
     * of bounds on a malformed statement…): the statement is refused as not supported, with the reason.
     */
    static SqlException planning(Throwable e, String sql) {
        SqlException s = map(e, sql, 0);
        if (!s.sqlState().equals("XX000")) {
            return s;
        }
        return new SqlException("0A000", "statement not supported: " + s.getMessage(), 0, null, null, e);
    }

    static String state(String message) {
        if (message.contains("has no default value and does not allow NULLs")) {
            return "23502";
        }
        if (message.contains("Object '") && message.contains("not found") || message.startsWith("Table '")) {
            return "42P01";
        }
        if (message.startsWith("Column '") || message.contains("Unknown target column") || message.contains("Unknown field")
                || message.contains("depends on itself")) {
            return "42703";
        }
        if (message.startsWith("Cannot apply 'AND'") || message.startsWith("Cannot apply 'OR'")
                || message.startsWith("Cannot apply 'NOT'") || message.contains("must be a condition")) {
            return "42804";
        }
        if (message.startsWith("No match found for function signature") || message.contains("Cannot apply")) {
            return "42883";
        }
        if (message.contains("Cannot assign") || message.contains("type mismatch") || message.contains("Cannot infer")
                || message.contains("Cast function cannot convert") || message.contains("must be") && message.contains("type")) {
            return "42804";
        }
        if (message.contains("is ambiguous")) {
            return "42702";
        }
        if (message.contains("Numeric literal") && message.contains("out of range")) {
            return "22003";
        }
        if (message.contains("Illegal use of dynamic parameter")) {
            return "42P18";
        }
        if (message.contains("not being grouped") || message.contains("Aggregate expression")) {
            return "42803";
        }
        return "42601";
    }

    /** 1-based offset in {@code sql} of a 1-based line and column, or 0. */
    static int position(String sql, int line, int column) {
        if (line <= 0 || column <= 0) {
            return 0;
        }
        int at = 0;
        for (int l = 1; l < line; l++) {
            int nl = sql.indexOf('\n', at);
            if (nl < 0) {
                return 0;
            }
            at = nl + 1;
        }
        return Math.min(at + column, sql.length() + 1);
    }

    private static String nearToken(String sql, int at) {
        if (at >= sql.length()) {
            return null;
        }
        try {
            var tokens = Lexer.scan(sql.substring(at));
            return tokens.isEmpty() ? null : sql.substring(at + tokens.get(0).start(), at + tokens.get(0).end());
        } catch (SqlException e) {
            return sql.substring(at, Math.min(sql.length(), at + 1));
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static <T> T find(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
