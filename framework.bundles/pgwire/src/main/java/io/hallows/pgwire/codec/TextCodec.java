package io.hallows.pgwire.codec;

import io.hallows.sql.api.SqlException;
import io.hallows.sql.api.SqlType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Locale;

/**
 * PostgreSQL's text format of each {@link SqlType}, in UTF-8, with {@code DateStyle=ISO}; a
 * {@code timestamptz} is written in this codec's zone (the session's {@code TimeZone}) and read
 * in it when the text has no offset. Immutable: make another for another zone.
 */
public final class TextCodec {
    private final ZoneId zone;

    public TextCodec(ZoneId zone) {
        this.zone = java.util.Objects.requireNonNull(zone, "zone");
    }

    /** For a {@code TimeZone} parameter as a session reports it; UTC when it is not a zone Java knows. */
    public static TextCodec forTimeZone(String timeZone) {
        try {
            return new TextCodec(timeZone == null ? java.time.ZoneOffset.UTC : ZoneId.of(timeZone));
        } catch (java.time.DateTimeException e) {
            return new TextCodec(java.time.ZoneOffset.UTC);
        }
    }

    public ZoneId zone() {
        return zone;
    }

    /** {@code value} (not null) as the bytes of its text. */
    public byte[] encode(SqlType type, Object value) {
        if (type == SqlType.BYTEA && value instanceof byte[] bytes) {
            return ByteaText.format(bytes);
        }
        return format(type, value).getBytes(StandardCharsets.UTF_8);
    }

    /** {@code value} (not null) as text. */
    public String format(SqlType type, Object value) {
        return switch (type) {
            case BOOL -> (Boolean) value ? "t" : "f";
            case INT2, INT4, INT8, OID -> Long.toString(((Number) value).longValue());
            case FLOAT4 -> FloatText.format(((Number) value).floatValue(), true);
            case FLOAT8 -> FloatText.format(((Number) value).doubleValue(), false);
            case NUMERIC -> (value instanceof BigDecimal d ? d : new BigDecimal(value.toString())).toPlainString();
            case DATE -> DateTimeText.formatDate((LocalDate) value);
            case TIMESTAMP -> DateTimeText.formatTimestamp((LocalDateTime) value);
            case TIMESTAMPTZ -> DateTimeText.formatTimestampTz((OffsetDateTime) value, zone);
            case BYTEA -> new String(ByteaText.format((byte[]) value), StandardCharsets.US_ASCII);
            case TEXT, VARCHAR, BPCHAR, NAME, UNKNOWN -> value.toString();
        };
    }

    /**
     * Reads a client's text for {@code type}.
     *
     * @throws SqlException {@code 22P02} (or {@code 22007}, {@code 22008}, {@code 22003}) when it is
     *     not a value of the type
     */
    public Object decode(SqlType type, byte[] text) {
        if (type == SqlType.BYTEA) {
            return ByteaText.parse(text);
        }
        return parse(type, new String(text, StandardCharsets.UTF_8));
    }

    /** As {@link #decode}, from a string. */
    public Object parse(SqlType type, String text) {
        try {
            return switch (type) {
                case BOOL -> parseBool(text);
                case INT2 -> (short) integer(type, text, Short.MIN_VALUE, Short.MAX_VALUE);
                case INT4 -> (int) integer(type, text, Integer.MIN_VALUE, Integer.MAX_VALUE);
                case INT8 -> integer(type, text, Long.MIN_VALUE, Long.MAX_VALUE);
                case OID -> integer(type, text, 0, 0xFFFF_FFFFL);
                case FLOAT4 -> (float) FloatText.parse(text);
                case FLOAT8 -> FloatText.parse(text);
                case NUMERIC -> new BigDecimal(text.strip());
                case DATE, TIMESTAMP, TIMESTAMPTZ -> DateTimeText.parse(type, text, zone);
                case BYTEA -> ByteaText.parse(text.getBytes(StandardCharsets.UTF_8));
                case TEXT, VARCHAR, BPCHAR, NAME, UNKNOWN -> text;
            };
        } catch (NumberFormatException e) {
            throw TypeNames.badText(type, text);
        }
    }

    private static Boolean parseBool(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "t", "true", "y", "yes", "on", "1" -> Boolean.TRUE;
            case "f", "false", "n", "no", "off", "0" -> Boolean.FALSE;
            default -> throw TypeNames.badText(SqlType.BOOL, text);
        };
    }

    private static long integer(SqlType type, String text, long min, long max) {
        String t = text.strip();
        long value;
        try {
            value = Long.parseLong(t);
        } catch (NumberFormatException e) {
            // Digits only, yet not a long: too big rather than malformed.
            if (!t.isEmpty() && t.chars().skip(t.charAt(0) == '-' || t.charAt(0) == '+' ? 1 : 0).allMatch(Character::isDigit)
                    && t.length() > 1) {
                throw TypeNames.outOfRange(type, text);
            }
            throw TypeNames.badText(type, text);
        }
        if (value < min || value > max) {
            throw TypeNames.outOfRange(type, text);
        }
        return value;
    }
}
