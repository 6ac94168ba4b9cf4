package io.hallows.kernel.impl.shell;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A text table with aligned columns, for shell output a person can read. */
final class Table {
    private final List<String[]> rows = new ArrayList<>();
    private final int columns;

    Table(String... header) {
        this.columns = header.length;
        rows.add(header);
    }

    Table row(Object... cells) {
        String[] row = new String[columns];
        for (int i = 0; i < columns; i++) {
            row[i] = i < cells.length && cells[i] != null ? cells[i].toString() : "-";
        }
        rows.add(row);
        return this;
    }

    boolean isEmpty() {
        return rows.size() == 1;
    }

    @Override
    public String toString() {
        int[] width = new int[columns];
        for (String[] row : rows) {
            for (int i = 0; i < columns; i++) {
                width[i] = Math.max(width[i], row[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < columns; i++) {
                line.append(row[i]);
                if (i < columns - 1) {
                    line.append(" ".repeat(width[i] - row[i].length() + 2));
                }
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }

    /** Key/value lines with the keys padded to one width. */
    static String fields(Object... keysAndValues) {
        int width = 0;
        for (int i = 0; i < keysAndValues.length; i += 2) {
            width = Math.max(width, keysAndValues[i].toString().length());
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            String key = keysAndValues[i].toString();
            Object value = keysAndValues[i + 1];
            String text = value instanceof List<?> list ? (list.isEmpty() ? "-" : String.join(", ", list.stream().map(String::valueOf).toList()))
                    : value instanceof Object[] array ? Arrays.toString(array) : value == null ? "-" : value.toString();
            out.append(key).append(" ".repeat(width - key.length() + 2)).append(text).append('\n');
        }
        return out.toString();
    }
}
