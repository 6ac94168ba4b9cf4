package io.hallows.db.oltp.impl.shell;

import io.hallows.sql.api.Column;
import io.hallows.sql.api.Result;
import io.hallows.sql.api.SqlException;
import io.hallows.sql.api.SqlType;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** Results and errors as psql prints them: aligned columns, a row count, {@code ERROR:} lines. */
public final class ResultText {
    private ResultText() {
    }

    /** One statement's result: its rows as a table, or its command tag. */
    public static String of(Result result) {
        StringBuilder out = new StringBuilder();
        result.notices().forEach(n -> out.append("NOTICE:  ").append(n).append('\n'));
        if (!result.returnsRows()) {
            return out.append(result.commandTag()).append('\n').toString();
        }
        List<Column> columns = result.columns();
        int[] widths = new int[columns.size()];
        List<String[]> cells = new ArrayList<>(result.rows().size());
        for (int c = 0; c < widths.length; c++) {
            widths[c] = columns.get(c).name().length();
        }
        for (Object[] row : result.rows()) {
            String[] line = new String[widths.length];
            for (int c = 0; c < widths.length; c++) {
                line[c] = text(row[c]);
                widths[c] = Math.max(widths[c], line[c].length());
            }
            cells.add(line);
        }
        for (int c = 0; c < widths.length; c++) {
            out.append(c == 0 ? " " : " | ").append(center(columns.get(c).name(), widths[c]));
        }
        out.append('\n');
        for (int c = 0; c < widths.length; c++) {
            out.append(c == 0 ? "" : "+").append("-".repeat(widths[c] + 2));
        }
        out.append('\n');
        for (String[] line : cells) {
            for (int c = 0; c < widths.length; c++) {
                boolean numeric = isNumeric(columns.get(c).type());
                String cell = numeric ? pad(line[c], widths[c], true) : pad(line[c], widths[c], false);
                out.append(c == 0 ? " " : " | ").append(cell);
            }
            out.append('\n');
        }
        int n = cells.size();
        return out.append('(').append(n).append(n == 1 ? " row)" : " rows)").append('\n').toString();
    }

    /** An error as psql shows it, with the SQLSTATE. */
    public static String of(SqlException e) {
        StringBuilder out = new StringBuilder("ERROR:  ").append(e.getMessage()).append(" (SQLSTATE ").append(e.sqlState()).append(')');
        if (e.position() > 0) {
            out.append(" at character ").append(e.position());
        }
        out.append('\n');
        if (e.detail() != null) {
            out.append("DETAIL:  ").append(e.detail()).append('\n');
        }
        if (e.hint() != null) {
            out.append("HINT:  ").append(e.hint()).append('\n');
        }
        return out.toString();
    }

    private static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof byte[] bytes) {
            return "\\x" + HexFormat.of().formatHex(bytes);
        }
        if (value instanceof Boolean b) {
            return b ? "t" : "f";
        }
        // PostgreSQL prints timestamps with a space where ISO-8601 has a 'T'.
        return value instanceof java.time.temporal.Temporal ? value.toString().replace('T', ' ') : value.toString();
    }

    private static boolean isNumeric(SqlType type) {
        return switch (type) {
            case INT2, INT4, INT8, FLOAT4, FLOAT8, NUMERIC, OID -> true;
            default -> false;
        };
    }

    private static String pad(String s, int width, boolean right) {
        String fill = " ".repeat(width - s.length());
        return right ? fill + s : s + fill;
    }

    private static String center(String s, int width) {
        int left = (width - s.length()) / 2;
        return " ".repeat(left) + s + " ".repeat(width - s.length() - left);
    }
}
