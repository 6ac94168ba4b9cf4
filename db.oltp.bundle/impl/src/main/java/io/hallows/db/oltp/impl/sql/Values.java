package io.hallows.db.oltp.impl.sql;

import io.hallows.sql.api.SqlException;
import io.hallows.sql.api.SqlType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;

/** Conversions, comparisons and arithmetic on the Java values of {@link SqlType}s, with PostgreSQL's errors. */
final class Values {
    static final DateTimeFormatter TIMESTAMP = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd[['T'][' ']HH:mm[:ss]]")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .parseDefaulting(ChronoField.HOUR_OF_DAY, 0).toFormatter(Locale.ROOT);

    private Values() {
    }

    /** Converts {@code v} to a value of {@code type} ({@code length}: char/varchar n, numeric precision; -1 none). */
    static Object coerce(Object v, SqlType type, int length, int scale, boolean explicit) {
        if (v == null) {
            return null;
        }
        switch (type) {
            case INT2: {
                long l = toLong(v, "smallint");
                if (l < Short.MIN_VALUE || l > Short.MAX_VALUE) {
                    throw new SqlException("22003", "smallint out of range");
                }
                return (short) l;
            }
            case INT4: {
                long l = toLong(v, "integer");
                if (l < Integer.MIN_VALUE || l > Integer.MAX_VALUE) {
                    throw new SqlException("22003", "integer out of range");
                }
                return (int) l;
            }
            case INT8, OID:
                return toLong(v, "bigint");
            case FLOAT8:
                return v instanceof Number n ? n.doubleValue() : parseDouble(text(v), "double precision");
            case FLOAT4:
                return v instanceof Number n ? n.floatValue() : (float) parseDouble(text(v), "real");
            case NUMERIC: {
                BigDecimal d = toDecimal(v);
                if (scale >= 0 && length > 0) {
                    d = d.setScale(scale, RoundingMode.HALF_UP);
                    if (d.precision() - d.scale() > length - scale) {
                        throw new SqlException("22003", "numeric field overflow");
                    }
                }
                return d;
            }
            case BOOL:
                return toBool(v);
            case TEXT, NAME, UNKNOWN:
                return text(v);
            case VARCHAR: {
                String s = text(v);
                if (length > 0 && s.length() > length) {
                    if (!explicit && !s.substring(length).isBlank()) {
                        throw new SqlException("22001", "value too long for type character varying(" + length + ")");
                    }
                    s = s.substring(0, length);
                }
                return s;
            }
            case BPCHAR: {
                String s = text(v);
                if (length > 0 && s.length() > length) {
                    if (!explicit && !s.substring(length).isBlank()) {
                        throw new SqlException("22001", "value too long for type character(" + length + ")");
                    }
                    s = s.substring(0, length);
                }
                return length > s.length() ? s + " ".repeat(length - s.length()) : s;
            }
            case DATE:
                if (v instanceof LocalDate) {
                    return v;
                }
                return v instanceof LocalDateTime t ? t.toLocalDate() : parseTimestamp(text(v)).toLocalDate();
            case TIMESTAMP:
                if (v instanceof LocalDateTime) {
                    return v;
                }
                if (v instanceof LocalDate d) {
                    return d.atStartOfDay();
                }
                return v instanceof OffsetDateTime o ? o.toLocalDateTime() : parseTimestamp(text(v));
            case TIMESTAMPTZ:
                if (v instanceof OffsetDateTime) {
                    return v;
                }
                return coerce(v, SqlType.TIMESTAMP, -1, -1, explicit) instanceof LocalDateTime t
                        ? t.atOffset(java.time.ZoneOffset.UTC) : null;
            case BYTEA:
                if (v instanceof byte[]) {
                    return v;
                }
                String s = text(v);
                return s.startsWith("\\x") ? HexFormat.of().parseHex(s.substring(2)) : s.getBytes(StandardCharsets.UTF_8);
            default:
                throw new SqlException("0A000", "conversion to " + type + " is not supported");
        }
    }

    static long toLong(Object v, String typeName) {
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof BigDecimal d) {
            BigDecimal r = d.setScale(0, RoundingMode.HALF_UP);
            if (r.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0 || r.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) < 0) {
                throw new SqlException("22003", typeName + " out of range");
            }
            return r.longValue();
        }
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            if (Double.isNaN(d) || d >= 9.223372036854775807E18 || d < -9.223372036854775808E18) {
                throw new SqlException("22003", typeName + " out of range");
            }
            return Math.round(d);
        }
        if (v instanceof Boolean b) {
            return b ? 1 : 0;
        }
        String s = text(v).trim();
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            if (s.matches("[+-]?\\d+")) {
                throw new SqlException("22003", "value \"" + s + "\" is out of range for type " + typeName);
            }
            throw new SqlException("22P02", "invalid input syntax for type " + typeName + ": \"" + s + "\"");
        }
    }

    static BigDecimal toDecimal(Object v) {
        if (v instanceof BigDecimal d) {
            return d;
        }
        if (v instanceof Integer || v instanceof Long || v instanceof Short) {
            return BigDecimal.valueOf(((Number) v).longValue());
        }
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new SqlException("22003", "cannot convert " + d + " to numeric");
            }
            return BigDecimal.valueOf(d);
        }
        String s = text(v).trim();
        try {
            return new BigDecimal(s);
        } catch (NumberFormatException e) {
            throw new SqlException("22P02", "invalid input syntax for type numeric: \"" + s + "\"");
        }
    }

    private static double parseDouble(String s, String typeName) {
        try {
            return switch (s.trim().toLowerCase(Locale.ROOT)) {
                case "nan" -> Double.NaN;
                case "infinity", "inf", "+infinity" -> Double.POSITIVE_INFINITY;
                case "-infinity", "-inf" -> Double.NEGATIVE_INFINITY;
                default -> Double.parseDouble(s.trim());
            };
        } catch (NumberFormatException e) {
            throw new SqlException("22P02", "invalid input syntax for type " + typeName + ": \"" + s + "\"");
        }
    }

    static Boolean toBool(Object v) {
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof Number n) {
            return n.longValue() != 0;
        }
        return switch (text(v).trim().toLowerCase(Locale.ROOT)) {
            case "t", "true", "y", "yes", "on", "1" -> Boolean.TRUE;
            case "f", "false", "n", "no", "off", "0" -> Boolean.FALSE;
            default -> throw new SqlException("22P02", "invalid input syntax for type boolean: \"" + v + "\"");
        };
    }

    static LocalDateTime parseTimestamp(String s) {
        try {
            return LocalDateTime.parse(s.trim(), TIMESTAMP);
        } catch (DateTimeParseException e) {
            throw new SqlException("22007", "invalid input syntax for type timestamp: \"" + s + "\"");
        }
    }

    /** PostgreSQL's text output of a value. */
    static String text(Object v) {
        if (v instanceof String s) {
            return s;
        }
        if (v instanceof Boolean b) {
            return b ? "true" : "false";
        }
        if (v instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (v instanceof LocalDateTime t) {
            return t.toString().replace('T', ' ');
        }
        if (v instanceof byte[] b) {
            return "\\x" + HexFormat.of().formatHex(b);
        }
        return String.valueOf(v);
    }

    /** Compares two non-null values of comparable types (numbers of any width compare by value). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static int compare(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            if (integral(x) && integral(y)) {
                return Long.compare(x.longValue(), y.longValue());
            }
            if (x instanceof BigDecimal || y instanceof BigDecimal) {
                if (isFloat(x) || isFloat(y)) {
                    return Double.compare(x.doubleValue(), y.doubleValue());
                }
                return toDecimal(x).compareTo(toDecimal(y));
            }
            return Double.compare(x.doubleValue(), y.doubleValue());
        }
        if (a instanceof String s && b instanceof String t) {
            // char(n) values are blank-padded: trailing blanks do not make two strings differ.
            int c = s.compareTo(t);
            return c != 0 && s.stripTrailing().equals(t.stripTrailing()) ? 0 : c;
        }
        if (a instanceof byte[] x && b instanceof byte[] y) {
            return Arrays.compareUnsigned(x, y);
        }
        if (a.getClass() != b.getClass()) {
            if (a instanceof String || b instanceof String) {
                return text(a).compareTo(text(b));
            }
            throw new SqlException("42883", "cannot compare " + a.getClass().getSimpleName() + " with " + b.getClass().getSimpleName());
        }
        return ((Comparable) a).compareTo(b);
    }

    static boolean integral(Object n) {
        return n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte;
    }

    private static boolean isFloat(Object n) {
        return n instanceof Double || n instanceof Float;
    }
}
