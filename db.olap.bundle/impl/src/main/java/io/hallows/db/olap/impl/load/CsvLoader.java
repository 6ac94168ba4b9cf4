package io.hallows.db.olap.impl.load;

import io.hallows.db.olap.impl.table.ColumnDef;
import io.hallows.db.olap.impl.table.Table;
import io.hallows.db.olap.impl.table.TableBuilder;
import io.hallows.sql.api.SqlException;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.apache.arrow.memory.BufferAllocator;

/**
 * Reads a CSV file into new chunks of a table, as PostgreSQL's {@code COPY … (FORMAT csv)} reads
 * it: fields separated by the delimiter, quoted with {@code "} (doubled inside), quoted fields may
 * span lines; an unquoted field equal to the NULL text (empty by default) is NULL, a quoted one
 * never is. All or nothing: the first bad row stops the load with an error naming its line and
 * column, and every vector built so far is freed.
 */
public final class CsvLoader {
    /**
     * @param delimiter between fields ({@code ,} by default)
     * @param header whether the first line holds column names (skipped)
     * @param nullText the unquoted text of NULL
     */
    public record Options(char delimiter, boolean header, String nullText) {
        public static final Options DEFAULT = new Options(',', false, "");
    }

    private final Reader in;
    private final Options options;
    private int line = 1;
    private int recordLine;
    private int peeked = -2;

    private CsvLoader(Reader in, Options options) {
        this.in = in;
        this.options = options;
    }

    /**
     * Loads the rows of {@code in} into a new table of {@code columns} (named {@code table}); field
     * {@code i} of a record fills column {@code targets.get(i)}, columns no field fills are NULL.
     *
     * @throws SqlException naming the line and column of a bad row, or 57014 when cancelled
     */
    public static Table load(String table, List<ColumnDef> columns, List<Integer> targets, Reader in, Options options,
            BufferAllocator allocator, BooleanSupplier cancelled) throws IOException {
        CsvLoader csv = new CsvLoader(in, options);
        boolean[] filled = new boolean[columns.size()];
        targets.forEach(t -> filled[t] = true);
        try (TableBuilder b = new TableBuilder(table, columns, allocator)) {
            if (options.header()) {
                csv.record();
            }
            List<String> fields;
            long rows = 0;
            while ((fields = csv.record()) != null) {
                if (fields.size() == 1 && fields.get(0) == null && targets.size() > 1) {
                    continue; // an empty line
                }
                if (fields.size() > targets.size()) {
                    throw csv.error(table, columns.get(targets.get(targets.size() - 1)), "22P04", "extra data after last expected column");
                }
                if (fields.size() < targets.size()) {
                    throw csv.error(table, columns.get(targets.get(fields.size())), "22P04", "missing data for column \""
                            + columns.get(targets.get(fields.size())).name() + "\"");
                }
                for (int i = 0; i < fields.size(); i++) {
                    int c = targets.get(i);
                    try {
                        ColumnValues.setText(b, c, columns.get(c), fields.get(i));
                    } catch (ColumnValues.BadValue e) {
                        throw csv.error(table, columns.get(c), e.sqlState(), e.getMessage());
                    }
                }
                for (int c = 0; c < filled.length; c++) {
                    if (!filled[c]) {
                        try {
                            ColumnValues.setText(b, c, columns.get(c), null);
                        } catch (ColumnValues.BadValue e) {
                            throw csv.error(table, columns.get(c), e.sqlState(), e.getMessage());
                        }
                    }
                }
                b.endRow();
                if (++rows % 65_536 == 0 && cancelled.getAsBoolean()) {
                    throw new SqlException("57014", "canceling statement due to user request");
                }
            }
            return b.build();
        }
    }

    private SqlException error(String table, ColumnDef column, String sqlState, String message) {
        return new SqlException(sqlState, message, 0, "COPY " + table + ", line " + recordLine + ", column " + column.name(), null, null);
    }

    /** The next record's fields (null for NULL), or null at the end of the input. */
    List<String> record() throws IOException {
        int c = read();
        if (c == -1) {
            return null;
        }
        recordLine = line;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean inQuotes = false;
        while (true) {
            if (inQuotes) {
                if (c == -1) {
                    throw new SqlException("22P04", "unterminated CSV quoted field", 0,
                            "COPY, line " + recordLine, null, null);
                }
                if (c == '"') {
                    if (peek() == '"') {
                        read();
                        field.append('"');
                    } else {
                        inQuotes = false;
                    }
                } else {
                    field.append((char) c);
                }
            } else if (c == -1 || c == '\n' || c == '\r') {
                if (c == '\r' && peek() == '\n') {
                    read();
                }
                fields.add(value(field, quoted));
                return fields;
            } else if (c == options.delimiter()) {
                fields.add(value(field, quoted));
                field.setLength(0);
                quoted = false;
            } else if (c == '"' && field.isEmpty() && !quoted) {
                quoted = true;
                inQuotes = true;
            } else {
                field.append((char) c);
            }
            c = read();
        }
    }

    private String value(StringBuilder field, boolean quoted) {
        String s = field.toString();
        return !quoted && s.equals(options.nullText()) ? null : s;
    }

    private int read() throws IOException {
        int c;
        if (peeked != -2) {
            c = peeked;
            peeked = -2;
        } else {
            c = in.read();
        }
        if (c == '\n') {
            line++;
        }
        return c;
    }

    private int peek() throws IOException {
        if (peeked == -2) {
            peeked = in.read();
        }
        return peeked;
    }
}
