package io.hallows.db.olap.impl.sql;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the session needs of a statement's text before a planner sees it: where one statement ends
 * (semicolons outside quotes and comments), its first keyword, and parameters {@code $n} replaced
 * by literals (the engine plans each statement from its text).
 */
final class SqlText {
    /** One statement of a simple query and its 0-based offset in the query. */
    record Piece(String text, int offset) {}

    private SqlText() {}

    /** The statements of {@code sql}, blank ones left out. */
    static List<Piece> split(String sql) {
        List<Piece> pieces = new ArrayList<>();
        int start = 0;
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == ';') {
                add(pieces, sql, start, i);
                start = i + 1;
                i++;
            } else {
                i = skip(sql, i);
            }
        }
        add(pieces, sql, start, sql.length());
        return pieces;
    }

    private static void add(List<Piece> pieces, String sql, int from, int to) {
        String text = sql.substring(from, to);
        if (!text.isBlank()) {
            pieces.add(new Piece(text, from));
        }
    }

    /** The index after the quoted string, identifier or comment at {@code i}, or {@code i + 1}. */
    private static int skip(String sql, int i) {
        char c = sql.charAt(i);
        if (c == '\'' || c == '"') {
            int j = i + 1;
            while (j < sql.length()) {
                if (sql.charAt(j) == c) {
                    if (j + 1 < sql.length() && sql.charAt(j + 1) == c) {
                        j += 2;
                        continue;
                    }
                    return j + 1;
                }
                j++;
            }
            return sql.length();
        }
        if (c == '-' && sql.startsWith("--", i)) {
            int end = sql.indexOf('\n', i);
            return end < 0 ? sql.length() : end + 1;
        }
        if (c == '/' && sql.startsWith("/*", i)) {
            int end = sql.indexOf("*/", i + 2);
            return end < 0 ? sql.length() : end + 2;
        }
        return i + 1;
    }

    /** The first keyword, lower case, or "" (comments and an opening parenthesis skipped). */
    static String firstWord(String sql) {
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c) || c == '(') {
                i++;
            } else if (sql.startsWith("--", i) || sql.startsWith("/*", i)) {
                i = skip(sql, i);
            } else {
                break;
            }
        }
        int j = i;
        while (j < sql.length() && (Character.isLetter(sql.charAt(j)) || sql.charAt(j) == '_')) {
            j++;
        }
        return sql.substring(i, j).toLowerCase(Locale.ROOT);
    }

    /** {@code sql} without a final semicolon (the extended protocol sends statements with one). */
    static String trimEnd(String sql) {
        String s = sql.strip();
        while (s.endsWith(";")) {
            s = s.substring(0, s.length() - 1).strip();
        }
        return s;
    }

    /** Replaces {@code $1…$n} outside quotes and comments by SQL literals of {@code parameters}. */
    static String bind(String sql, Object[] parameters) {
        if (parameters.length == 0) {
            return sql;
        }
        StringBuilder out = new StringBuilder(sql.length() + 16 * parameters.length);
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '$' && i + 1 < sql.length() && Character.isDigit(sql.charAt(i + 1))) {
                int j = i + 1;
                while (j < sql.length() && Character.isDigit(sql.charAt(j))) {
                    j++;
                }
                int n = Integer.parseInt(sql.substring(i + 1, j));
                if (n < 1 || n > parameters.length) {
                    throw new io.hallows.sql.api.SqlException("42P02", "there is no parameter $" + n, i + 1);
                }
                out.append(literal(parameters[n - 1]));
                i = j;
            } else {
                int next = skip(sql, i);
                out.append(sql, i, next);
                i = next;
            }
        }
        return out.toString();
    }

    /** A value as an SQL literal. */
    static String literal(Object v) {
        if (v == null) {
            return "NULL";
        }
        if (v instanceof Boolean b) {
            return b ? "TRUE" : "FALSE";
        }
        if (v instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (v instanceof Number n) {
            return n.toString();
        }
        if (v instanceof LocalDate d) {
            return "DATE '" + d + "'";
        }
        return "'" + v.toString().replace("'", "''") + "'";
    }
}
