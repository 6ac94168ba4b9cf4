package io.hallows.db.olap.impl.load;

import io.hallows.db.olap.impl.table.ColumnDef;
import io.hallows.db.olap.impl.table.TableBuilder;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Sets a column of the row being built from a text (a CSV field) or from a Java value (a row of the
 * OLTP database), with PostgreSQL's rules: DECIMAL rounds half up to its scale and refuses values
 * beyond its precision, VARCHAR(n) refuses longer strings. A bad value throws {@link BadValue}
 * saying why, in PostgreSQL's words.
 */
public final class ColumnValues {
    private ColumnValues() {}

    /** A value the column cannot take. */
    public static final class BadValue extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String sqlState;

        BadValue(String sqlState, String message) {
            super(message);
            this.sqlState = sqlState;
        }

        public String sqlState() {
            return sqlState;
        }
    }

    /** Column {@code c} from its text; null is SQL NULL. */
    public static void setText(TableBuilder b, int c, ColumnDef def, String text) {
        if (text == null) {
            setNull(b, c, def);
            return;
        }
        String t = text.strip();
        try {
            switch (def.kind()) {
                case INT -> b.setLong(c, Integer.parseInt(t));
                case BIGINT -> b.setLong(c, Long.parseLong(t));
                case DOUBLE -> b.setDouble(c, parseDouble(t));
                case DECIMAL -> b.setLong(c, unscaled(def, new BigDecimal(t)));
                case DATE -> b.setLong(c, LocalDate.parse(t).toEpochDay());
                case BOOLEAN -> b.setBoolean(c, bool(t));
                case VARCHAR -> b.setString(c, checkLength(def, text));
            }
        } catch (NumberFormatException | DateTimeParseException | ArithmeticException e) {
            throw new BadValue("22P02", "invalid input syntax for type " + typeName(def) + ": \"" + text + "\"");
        }
    }

    /** Column {@code c} from a Java value of the SQL API ({@code Integer}, {@code BigDecimal}, {@code LocalDate}…). */
    public static void setValue(TableBuilder b, int c, ColumnDef def, Object v) {
        if (v == null) {
            setNull(b, c, def);
            return;
        }
        try {
            switch (def.kind()) {
                case INT -> b.setLong(c, Math.toIntExact(wholeNumber(v)));
                case BIGINT -> b.setLong(c, wholeNumber(v));
                case DOUBLE -> b.setDouble(c, v instanceof Number n ? n.doubleValue() : parseDouble(v.toString()));
                case DECIMAL -> b.setLong(c, unscaled(def, v instanceof BigDecimal d ? d : new BigDecimal(v.toString())));
                case DATE -> b.setLong(c, v instanceof LocalDate d ? d.toEpochDay()
                        : v instanceof LocalDateTime t ? t.toLocalDate().toEpochDay() : LocalDate.parse(v.toString()).toEpochDay());
                case BOOLEAN -> b.setBoolean(c, v instanceof Boolean x ? x : bool(v.toString()));
                case VARCHAR -> b.setString(c, checkLength(def, v instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : v.toString()));
            }
        } catch (NumberFormatException | DateTimeParseException | ArithmeticException e) {
            throw new BadValue("22P02", "invalid input syntax for type " + typeName(def) + ": \"" + v + "\"");
        }
    }

    private static void setNull(TableBuilder b, int c, ColumnDef def) {
        if (!def.nullable()) {
            throw new BadValue("23502", "null value in column \"" + def.name() + "\" violates not-null constraint");
        }
        b.setNull(c);
    }

    private static long wholeNumber(Object v) {
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        return new BigDecimal(v.toString()).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    private static double parseDouble(String t) {
        return switch (t.toLowerCase(Locale.ROOT)) {
            case "nan" -> Double.NaN;
            case "infinity", "inf", "+infinity" -> Double.POSITIVE_INFINITY;
            case "-infinity", "-inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(t);
        };
    }

    private static long unscaled(ColumnDef def, BigDecimal d) {
        BigDecimal scaled = d.setScale(def.scale(), RoundingMode.HALF_UP);
        if (scaled.precision() - scaled.scale() > def.precision() - def.scale()) {
            throw new BadValue("22003", "numeric field overflow: " + d.toPlainString() + " does not fit " + typeName(def));
        }
        return scaled.unscaledValue().longValueExact();
    }

    private static boolean bool(String t) {
        return switch (t.toLowerCase(Locale.ROOT)) {
            case "t", "true", "yes", "y", "on", "1" -> true;
            case "f", "false", "no", "n", "off", "0" -> false;
            default -> throw new NumberFormatException(t);
        };
    }

    private static String checkLength(ColumnDef def, String s) {
        if (def.precision() > 0 && s.codePointCount(0, s.length()) > def.precision()) {
            throw new BadValue("22001", "value too long for type character varying(" + def.precision() + ")");
        }
        return s;
    }

    /** The column's type as PostgreSQL names it. */
    public static String typeName(ColumnDef def) {
        return switch (def.kind()) {
            case INT -> "integer";
            case BIGINT -> "bigint";
            case DOUBLE -> "double precision";
            case DECIMAL -> "numeric(" + def.precision() + "," + def.scale() + ")";
            case DATE -> "date";
            case BOOLEAN -> "boolean";
            case VARCHAR -> def.precision() > 0 ? "character varying(" + def.precision() + ")" : "text";
        };
    }
}
