package io.hallows.db.olap.impl.shell;

import io.hallows.sql.api.Result;
import java.util.ArrayList;
import java.util.List;

/** A statement's result as psql prints it in aligned mode: a header, a rule, the rows, a count. */
final class ResultTable {
    private ResultTable() {}

    static String format(Result r) {
        if (!r.returnsRows()) {
            return r.commandTag() + "\n";
        }
        int width = r.columns().size();
        List<String[]> cells = new ArrayList<>();
        String[] header = new String[width];
        int[] widths = new int[width];
        for (int c = 0; c < width; c++) {
            header[c] = r.columns().get(c).name();
            widths[c] = header[c].length();
        }
        for (Object[] row : r.rows()) {
            String[] line = new String[width];
            for (int c = 0; c < width; c++) {
                line[c] = row[c] == null ? "" : row[c].toString();
                widths[c] = Math.max(widths[c], line[c].length());
            }
            cells.add(line);
        }
        StringBuilder out = new StringBuilder();
        line(out, header, widths, false);
        for (int c = 0; c < width; c++) {
            out.append(c == 0 ? "" : "+").append("-".repeat(widths[c] + 2));
        }
        out.append('\n');
        for (String[] line : cells) {
            line(out, line, widths, true);
        }
        out.append('(').append(r.rows().size()).append(r.rows().size() == 1 ? " row)\n" : " rows)\n");
        return out.toString();
    }

    private static void line(StringBuilder out, String[] cells, int[] widths, boolean alignNumbers) {
        for (int c = 0; c < cells.length; c++) {
            String s = cells[c];
            boolean right = alignNumbers && !s.isEmpty() && (Character.isDigit(s.charAt(s.length() - 1)) && s.matches("-?[0-9.,E+-]+"));
            String pad = " ".repeat(widths[c] - s.length());
            out.append(c == 0 ? " " : "| ").append(right ? pad + s : s + pad).append(c == cells.length - 1 ? "" : " ");
        }
        out.append('\n');
    }
}
