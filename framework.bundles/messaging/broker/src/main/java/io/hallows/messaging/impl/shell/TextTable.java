package io.hallows.messaging.impl.shell;

import java.util.ArrayList;
import java.util.List;

/** Rows under a header, each column as wide as its widest cell, two spaces apart, as the other shell tables print. */
final class TextTable {
    private final List<List<String>> rows = new ArrayList<>();

    TextTable(String... header) {
        rows.add(List.of(header));
    }

    /** Adds a row; a missing or null cell prints as "-". */
    TextTable add(Object... cells) {
        List<String> row = new ArrayList<>();
        for (int column = 0; column < rows.get(0).size(); column++) {
            Object cell = column < cells.length ? cells[column] : null;
            row.add(cell == null ? "-" : String.valueOf(cell));
        }
        rows.add(row);
        return this;
    }

    boolean hasRows() {
        return rows.size() > 1;
    }

    /** The table, each line starting with {@code indent}. */
    String render(String indent) {
        int columns = rows.get(0).size();
        int[] widths = new int[columns];
        rows.forEach(row -> {
            for (int c = 0; c < columns; c++) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        });
        StringBuilder text = new StringBuilder();
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder(indent);
            for (int c = 0; c < columns; c++) {
                String cell = row.get(c);
                line.append(cell).append(c == columns - 1 ? "" : " ".repeat(widths[c] - cell.length() + 2));
            }
            text.append(line.toString().stripTrailing()).append('\n');
        }
        return text.toString();
    }

    @Override
    public String toString() {
        return render("");
    }
}
