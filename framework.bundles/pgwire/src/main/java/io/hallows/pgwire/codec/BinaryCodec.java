package io.hallows.pgwire.codec;

import io.hallows.sql.api.SqlType;
import io.vertx.core.buffer.Buffer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * PostgreSQL's binary format of each {@link SqlType}: big-endian integers, IEEE floats, one byte
 * for {@code boolean}, {@code oid} as an unsigned 32-bit integer, {@code numeric} as
 * {@link NumericBinary}, a {@code date} as int32 days and a {@code timestamp}/{@code timestamptz}
 * as int64 microseconds since 2000-01-01 (UTC for {@code timestamptz}; the extreme values stand
 * for {@code ±infinity}), text types and {@code unknown} as UTF-8, {@code bytea} as its bytes.
 */
public final class BinaryCodec {
    private static final LocalDate EPOCH_DATE = LocalDate.of(2000, 1, 1);
    private static final long EPOCH_DAY = EPOCH_DATE.toEpochDay();
    private static final LocalDateTime EPOCH = EPOCH_DATE.atStartOfDay();
    private static final long EPOCH_SECOND = EPOCH.toEpochSecond(ZoneOffset.UTC);

    private BinaryCodec() {
    }

    /** The type's length as a RowDescription states it ({@code typlen}): -1 for variable length. */
    public static int typeSize(SqlType type) {
        return switch (type) {
            case BOOL -> 1;
            case INT2 -> 2;
            case INT4, FLOAT4, OID, DATE -> 4;
            case INT8, FLOAT8, TIMESTAMP, TIMESTAMPTZ -> 8;
            case NAME -> 64;
            case UNKNOWN -> -2;
            default -> -1;
        };
    }

    /** Appends {@code value} (not null) as an int32 length and its bytes. */
    public static void writeValue(SqlType type, Object value, Buffer out) {
        int lengthAt = out.length();
        out.appendInt(0);
        write(type, value, out);
        out.setInt(lengthAt, out.length() - lengthAt - 4);
    }

    private static void write(SqlType type, Object value, Buffer out) {
        switch (type) {
            case BOOL -> out.appendByte((Boolean) value ? (byte) 1 : 0);
            case INT2 -> out.appendShort(((Number) value).shortValue());
            case INT4 -> out.appendInt(((Number) value).intValue());
            case INT8 -> out.appendLong(((Number) value).longValue());
            case OID -> out.appendInt((int) ((Number) value).longValue());
            case FLOAT4 -> out.appendFloat(((Number) value).floatValue());
            case FLOAT8 -> out.appendDouble(((Number) value).doubleValue());
            case NUMERIC -> NumericBinary.write(value instanceof BigDecimal d ? d : new BigDecimal(value.toString()), out);
            case DATE -> out.appendInt(days((LocalDate) value));
            case TIMESTAMP -> out.appendLong(micros((LocalDateTime) value));
            case TIMESTAMPTZ -> out.appendLong(micros((OffsetDateTime) value));
            case BYTEA -> out.appendBytes((byte[]) value);
            case TEXT, VARCHAR, BPCHAR, NAME, UNKNOWN -> out.appendBytes(value.toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    /**
     * Reads a client's binary value of {@code type}.
     *
     * @throws io.hallows.sql.api.SqlException {@code 22P03} when the bytes are not a value of the type
     */
    public static Object decode(SqlType type, byte[] bytes) {
        int size = typeSize(type);
        if (size > 0 && type != SqlType.NAME && bytes.length != size) {
            throw TypeNames.badBinary(type, bytes.length + " bytes instead of " + size);
        }
        Buffer in = Buffer.buffer(bytes);
        return switch (type) {
            case BOOL -> in.getByte(0) != 0;
            case INT2 -> in.getShort(0);
            case INT4 -> in.getInt(0);
            case INT8 -> in.getLong(0);
            case OID -> in.getUnsignedInt(0);
            case FLOAT4 -> in.getFloat(0);
            case FLOAT8 -> in.getDouble(0);
            case NUMERIC -> NumericBinary.read(bytes);
            case DATE -> date(in.getInt(0));
            case TIMESTAMP -> timestamp(in.getLong(0));
            case TIMESTAMPTZ -> timestampTz(in.getLong(0));
            case BYTEA -> bytes;
            case TEXT, VARCHAR, BPCHAR, NAME, UNKNOWN -> utf8(type, bytes);
        };
    }

    private static String utf8(SqlType type, byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new io.hallows.sql.api.SqlException("22021", "invalid byte sequence for encoding \"UTF8\" in a " + TypeNames.of(type));
        }
    }

    private static int days(LocalDate date) {
        if (date.equals(LocalDate.MAX) || date.equals(LocalDate.MIN)) {
            return date.equals(LocalDate.MAX) ? Integer.MAX_VALUE : Integer.MIN_VALUE;
        }
        return Math.toIntExact(date.toEpochDay() - EPOCH_DAY);
    }

    private static LocalDate date(int days) {
        return days == Integer.MAX_VALUE ? LocalDate.MAX : days == Integer.MIN_VALUE ? LocalDate.MIN : LocalDate.ofEpochDay(EPOCH_DAY + days);
    }

    private static long micros(LocalDateTime value) {
        if (value.equals(LocalDateTime.MAX) || value.equals(LocalDateTime.MIN)) {
            return value.equals(LocalDateTime.MAX) ? Long.MAX_VALUE : Long.MIN_VALUE;
        }
        return Math.addExact(Math.multiplyExact(value.toEpochSecond(ZoneOffset.UTC) - EPOCH_SECOND, 1_000_000L), value.getNano() / 1000);
    }

    private static long micros(OffsetDateTime value) {
        if (value.equals(OffsetDateTime.MAX) || value.equals(OffsetDateTime.MIN)) {
            return value.equals(OffsetDateTime.MAX) ? Long.MAX_VALUE : Long.MIN_VALUE;
        }
        return micros(value.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime());
    }

    private static LocalDateTime timestamp(long micros) {
        if (micros == Long.MAX_VALUE || micros == Long.MIN_VALUE) {
            return micros == Long.MAX_VALUE ? LocalDateTime.MAX : LocalDateTime.MIN;
        }
        return EPOCH.plus(Duration.ofSeconds(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L));
    }

    private static OffsetDateTime timestampTz(long micros) {
        if (micros == Long.MAX_VALUE || micros == Long.MIN_VALUE) {
            return micros == Long.MAX_VALUE ? OffsetDateTime.MAX : OffsetDateTime.MIN;
        }
        return timestamp(micros).atOffset(ZoneOffset.UTC);
    }
}
