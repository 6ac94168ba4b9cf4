package io.hallows.db.olap.impl.plan;

import io.hallows.sql.api.SqlException;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;

/** Calcite's parse and validation errors in PostgreSQL's terms: SQLSTATE and 1-based position. */
final class Errors {
    private Errors() {}

    static SqlNode parse(String sql) {
        try {
            return SqlParser.create(sql, Planner.PARSER).parseStmt();
        } catch (SqlParseException e) {
            int pos = e.getPos() == null ? 0 : position(sql, e.getPos().getLineNum(), e.getPos().getColumnNum());
            String msg = e.getMessage() == null ? "syntax error" : e.getMessage().lines().findFirst().orElse("syntax error");
            throw new SqlException("42601", msg, pos);
        }
    }

    static SqlException validation(RuntimeException e, String sql) {
        if (e instanceof SqlException s) {
            return s;
        }
        Throwable t = e;
        while (t != null && !(t instanceof CalciteContextException)) {
            t = t.getCause();
        }
        if (t instanceof CalciteContextException c) {
            String msg = c.getCause() == null ? c.getMessage() : c.getCause().getMessage();
            int pos = position(sql, c.getPosLine(), c.getPosColumn());
            String state = "42601";
            if (msg.startsWith("Object '") || msg.startsWith("Table '")) {
                state = "42P01";
                msg = "relation \"" + quoted(msg) + "\" does not exist";
            } else if (msg.startsWith("Column '")) {
                state = "42703";
                msg = "column \"" + quoted(msg) + "\" does not exist";
            } else if (msg.startsWith("No match found for function")) {
                state = "42883";
            } else if (msg.startsWith("Cannot apply")) {
                state = "42883";
            }
            return new SqlException(state, msg, pos);
        }
        return new SqlException("42601", String.valueOf(e.getMessage()), 0, null, null, e);
    }

    private static String quoted(String msg) {
        int a = msg.indexOf('\'');
        int b = msg.indexOf('\'', a + 1);
        return a >= 0 && b > a ? msg.substring(a + 1, b) : msg;
    }

    /** The 1-based character offset of a 1-based line and column. */
    static int position(String sql, int line, int column) {
        if (line <= 0) {
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
        return at + column;
    }
}
