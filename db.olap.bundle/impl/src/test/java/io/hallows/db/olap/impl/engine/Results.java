package io.hallows.db.olap.impl.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.hallows.db.olap.impl.table.Catalog;
import io.hallows.db.olap.impl.table.ColumnDef;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/** Running a query to rows of strings, and comparing them with expected text. */
final class Results {
    private Results() {}

    /** Every row of the query's result, each value as text (DECIMAL unscaled → plain, DATE ISO, NULL "null"). */
    static List<List<String>> run(QueryEngine engine, String sql, Catalog catalog, QueryContext context) {
        List<List<String>> rows = new ArrayList<>();
        try (QueryResult r = engine.execute(sql, catalog, context)) {
            List<ColumnDef> cols = r.columns();
            for (VectorSchemaRoot b = r.next(); b != null; b = r.next()) {
                for (int i = 0; i < b.getRowCount(); i++) {
                    List<String> row = new ArrayList<>();
                    for (int c = 0; c < cols.size(); c++) {
                        row.add(text(b.getVector(c), cols.get(c), i));
                    }
                    rows.add(row);
                }
            }
        }
        return rows;
    }

    static String text(FieldVector v, ColumnDef c, int i) {
        if (v.isNull(i)) {
            return "null";
        }
        Object o = v.getObject(i);
        return switch (c.kind()) {
            case DECIMAL -> BigDecimal.valueOf((Long) o, c.scale()).toPlainString();
            case DATE -> LocalDate.ofEpochDay(((Number) v.getObject(i) instanceof Number n ? n.longValue() : 0)).toString();
            default -> o.toString();
        };
    }

    /** Compares with Trino's result text: numbers within 0.01 (Trino rounded some), text exactly. */
    static void assertMatches(String expected, List<List<String>> actual, String what) {
        List<String[]> want = new ArrayList<>();
        for (String line : expected.split("\n")) {
            if (line.startsWith("--") || line.isBlank()) {
                continue;
            }
            want.add(line.split("\\|", -1));
        }
        assertEquals(want.size(), actual.size(), what + ": row count; got " + actual);
        for (int r = 0; r < want.size(); r++) {
            List<String> got = actual.get(r);
            for (int c = 0; c < got.size(); c++) {
                String w = want.get(r)[c].trim();
                String g = got.get(c).trim();
                if (w.equals(g)) {
                    continue;
                }
                try {
                    double wd = Double.parseDouble(w);
                    double gd = Double.parseDouble(g);
                    if (Math.abs(wd - gd) <= 0.01 + 1e-9 * Math.abs(wd)) {
                        continue;
                    }
                } catch (NumberFormatException e) {
                    // not numbers: compared as text below
                }
                fail(what + ": row " + r + " column " + c + ": expected " + w + " but got " + g + " in " + got);
            }
        }
    }
}
