package io.hallows.db.olap.impl.tpch;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Compares an engine's answer with the reference's: the same number of columns and rows; integers,
 * strings, dates and booleans exactly; when either side is a DECIMAL or a floating-point number, a
 * relative error of at most {@link #RELATIVE_ERROR}. Rows are compared in order when the query
 * orders them, otherwise as multisets (both sides sorted the same way first).
 */
final class Answers {
    /** The bound for decimals and doubles. */
    static final double RELATIVE_ERROR = 1e-9;

    private Answers() {}

    /** Null when {@code actual} matches {@code expected}, else what differs first, readable. */
    static String difference(Answer expected, Answer actual, boolean ordered) {
        if (expected.columns().size() != actual.columns().size()) {
            return "column count: expected " + expected.columns().size() + " " + expected.columns()
                    + ", got " + actual.columns().size() + " " + actual.columns();
        }
        if (expected.rows().size() != actual.rows().size()) {
            return "row count: expected " + expected.rows().size() + ", got " + actual.rows().size()
                    + firstRows("expected", expected) + firstRows("got", actual);
        }
        List<List<Object>> want = expected.rows();
        List<List<Object>> got = actual.rows();
        if (!ordered) {
            want = sorted(want);
            got = sorted(got);
        }
        for (int r = 0; r < want.size(); r++) {
            for (int c = 0; c < want.get(r).size(); c++) {
                Object e = want.get(r).get(c);
                Object a = got.get(r).get(c);
                if (!same(e, a)) {
                    return (ordered ? "row " : "row (of the sorted rows) ") + r + ", column " + c + " (" + expected.columns().get(c) + "): expected "
                            + show(e) + ", got " + show(a) + "\n  expected row: " + showRow(want.get(r)) + "\n  got row:      " + showRow(got.get(r));
                }
            }
        }
        return null;
    }

    /** Whether two normalised values match under the rules above. */
    static boolean same(Object e, Object a) {
        if (e == null || a == null) {
            return e == a;
        }
        if (e instanceof Long && a instanceof Long) {
            return e.equals(a);
        }
        if (e instanceof Number en && a instanceof Number an) {
            return close(decimal(en), decimal(an));
        }
        return e.equals(a);
    }

    private static boolean close(BigDecimal e, BigDecimal a) {
        if (e.compareTo(a) == 0) {
            return true;
        }
        BigDecimal scale = e.abs().max(a.abs());
        return e.subtract(a).abs().compareTo(scale.multiply(BigDecimal.valueOf(RELATIVE_ERROR))) <= 0;
    }

    private static BigDecimal decimal(Number n) {
        if (n instanceof BigDecimal d) {
            return d;
        }
        if (n instanceof Long l) {
            return BigDecimal.valueOf(l);
        }
        double d = n.doubleValue();
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            // Not comparable as decimals: equal only to the same special value, never to a number.
            return d > 0 ? BigDecimal.valueOf(Long.MAX_VALUE).pow(4) : BigDecimal.valueOf(Long.MIN_VALUE).pow(5);
        }
        return new BigDecimal(d, MathContext.DECIMAL64);
    }

    private static List<List<Object>> sorted(List<List<Object>> rows) {
        List<List<Object>> copy = new ArrayList<>(rows);
        copy.sort(Answers::compareRows);
        return copy;
    }

    /** A total order of rows: nulls first, numbers by value, then by type name, then naturally. */
    private static int compareRows(List<Object> x, List<Object> y) {
        for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
            int c = compareValues(x.get(i), y.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.size(), y.size());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compareValues(Object x, Object y) {
        if (x == null || y == null) {
            return x == null ? (y == null ? 0 : -1) : 1;
        }
        if (x instanceof Number xn && y instanceof Number yn) {
            return decimal(xn).compareTo(decimal(yn));
        }
        if (x.getClass() != y.getClass()) {
            return x.getClass().getName().compareTo(y.getClass().getName());
        }
        return ((Comparable) x).compareTo(y);
    }

    private static String firstRows(String label, Answer a) {
        StringBuilder s = new StringBuilder("\n  ").append(label).append(" (first rows):");
        a.rows().stream().limit(3).forEach(r -> s.append("\n    ").append(showRow(r)));
        return s.toString();
    }

    static String showRow(List<Object> row) {
        List<String> cells = new ArrayList<>(row.size());
        row.forEach(v -> cells.add(show(v)));
        return String.join(" | ", cells);
    }

    private static String show(Object v) {
        if (v == null) {
            return "NULL";
        }
        String text = v instanceof BigDecimal d ? d.toPlainString() : Objects.toString(v);
        return v instanceof String ? "'" + text + "'" : text + " (" + v.getClass().getSimpleName() + ")";
    }
}
