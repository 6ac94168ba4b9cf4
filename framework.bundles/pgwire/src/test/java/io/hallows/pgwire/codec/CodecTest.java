package io.hallows.pgwire.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.hallows.sql.api.SqlException;
import io.hallows.sql.api.SqlType;
import io.vertx.core.buffer.Buffer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Text and binary formats of every type, against PostgreSQL's own output. */
class CodecTest {
    private final TextCodec utc = new TextCodec(ZoneOffset.UTC);

    @Test
    void textAsPostgresWritesIt() {
        assertEquals("t", utc.format(SqlType.BOOL, true));
        assertEquals("-32768", utc.format(SqlType.INT2, (short) -32768));
        assertEquals("4294967295", utc.format(SqlType.OID, 4294967295L));
        assertEquals("1", utc.format(SqlType.FLOAT8, 1.0));
        assertEquals("0.1", utc.format(SqlType.FLOAT8, 0.1));
        assertEquals("1e+16", utc.format(SqlType.FLOAT8, 1e16));
        assertEquals("123456789012345", utc.format(SqlType.FLOAT8, 123456789012345.0));
        assertEquals("1.5e-05", utc.format(SqlType.FLOAT8, 1.5e-5));
        assertEquals("0.0001", utc.format(SqlType.FLOAT8, 1e-4));
        assertEquals("-Infinity", utc.format(SqlType.FLOAT8, Double.NEGATIVE_INFINITY));
        assertEquals("NaN", utc.format(SqlType.FLOAT4, Float.NaN));
        assertEquals("1e+06", utc.format(SqlType.FLOAT4, 1e6f));
        assertEquals("3.1415927", utc.format(SqlType.FLOAT4, (float) Math.PI));
        assertEquals("100000", utc.format(SqlType.FLOAT4, 1e5f));
        assertEquals("-0", utc.format(SqlType.FLOAT8, -0.0));
        assertEquals("1.50", utc.format(SqlType.NUMERIC, new BigDecimal("1.50")));
        assertEquals("1200", utc.format(SqlType.NUMERIC, new BigDecimal("1.2E+3")));
        assertEquals("2024-02-29", utc.format(SqlType.DATE, LocalDate.of(2024, 2, 29)));
        assertEquals("0044-03-15 BC", utc.format(SqlType.DATE, LocalDate.of(-43, 3, 15)));
        assertEquals("infinity", utc.format(SqlType.DATE, LocalDate.MAX));
        assertEquals("2024-02-29 13:45:01.25", utc.format(SqlType.TIMESTAMP, LocalDateTime.of(2024, 2, 29, 13, 45, 1, 250_000_000)));
        assertEquals("2024-02-29 00:00:00", utc.format(SqlType.TIMESTAMP, LocalDateTime.of(2024, 2, 29, 0, 0)));
        OffsetDateTime t = OffsetDateTime.of(2024, 2, 29, 13, 45, 1, 0, ZoneOffset.ofHours(2));
        assertEquals("2024-02-29 11:45:01+00", utc.format(SqlType.TIMESTAMPTZ, t));
        assertEquals("2024-02-29 17:15:01+05:30", new TextCodec(ZoneId.of("Asia/Kolkata")).format(SqlType.TIMESTAMPTZ, t));
        assertEquals("\\x00ff5c", utc.format(SqlType.BYTEA, new byte[] {0, (byte) 0xFF, '\\'}));
    }

    @Test
    void textReadsWhatClientsSend() {
        assertEquals(Boolean.FALSE, parse(SqlType.BOOL, " off "));
        assertEquals((short) 12, parse(SqlType.INT2, "+12"));
        assertEquals(Double.POSITIVE_INFINITY, parse(SqlType.FLOAT8, "inf"));
        assertEquals(LocalDate.of(2024, 1, 2), parse(SqlType.DATE, "2024-01-02 +01"));
        assertEquals(LocalDate.of(0, 1, 2), parse(SqlType.DATE, "0001-01-02 BC"));
        assertEquals(LocalDateTime.of(2024, 1, 2, 3, 4, 5, 123_000_000), parse(SqlType.TIMESTAMP, "2024-01-02 03:04:05.123+01"));
        assertEquals(OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 0, ZoneOffset.ofHoursMinutes(-5, -30)),
                parse(SqlType.TIMESTAMPTZ, "2024-01-02T03:04:05-05:30"));
        assertEquals(OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 0, ZoneOffset.UTC), parse(SqlType.TIMESTAMPTZ, "2024-01-02 03:04:05"));
        assertArrayEquals(new byte[] {(byte) 0xAB, 1}, (byte[]) parse(SqlType.BYTEA, "\\xab 01"));
        assertArrayEquals(new byte[] {'a', '\\', 0x07}, (byte[]) parse(SqlType.BYTEA, "a\\\\\\007"));
        assertEquals("22P02", error(SqlType.INT4, "12x"));
        assertEquals("22003", error(SqlType.INT2, "40000"));
        assertEquals("22003", error(SqlType.INT8, "99999999999999999999"));
        assertEquals("22P02", error(SqlType.FLOAT8, "0x1p3"));
        assertEquals("22P02", error(SqlType.BOOL, "maybe"));
        assertEquals("22007", error(SqlType.DATE, "yesterday"));
        assertEquals("22008", error(SqlType.DATE, "2023-02-29"));
        assertEquals("22P02", error(SqlType.BYTEA, "\\xabc"));
    }

    @Test
    void binaryRoundTripsAndPostgresLayouts() {
        List<Object[]> cases = List.of(new Object[] {SqlType.BOOL, true}, new Object[] {SqlType.INT2, (short) -2},
                new Object[] {SqlType.INT4, 123456}, new Object[] {SqlType.INT8, Long.MAX_VALUE}, new Object[] {SqlType.FLOAT4, 2.5f},
                new Object[] {SqlType.FLOAT8, -1e300}, new Object[] {SqlType.OID, 4000000000L}, new Object[] {SqlType.TEXT, "ü✓"},
                new Object[] {SqlType.DATE, LocalDate.of(1970, 1, 1)}, new Object[] {SqlType.DATE, LocalDate.MIN},
                new Object[] {SqlType.TIMESTAMP, LocalDateTime.of(1999, 12, 31, 23, 59, 59, 999_999_000)},
                new Object[] {SqlType.TIMESTAMPTZ, OffsetDateTime.of(2030, 6, 1, 0, 0, 0, 1000, ZoneOffset.UTC)});
        for (Object[] c : cases) {
            SqlType type = (SqlType) c[0];
            assertEquals(c[1], BinaryCodec.decode(type, valueBytes(type, c[1])), type.name());
        }
        assertArrayEquals(new byte[] {-1, -1, -1, -1}, valueBytes(SqlType.DATE, LocalDate.of(1999, 12, 31)));
        assertArrayEquals(new byte[] {0, 0, 0, 0, 0, 0x0F, 0x42, 0x40}, valueBytes(SqlType.TIMESTAMP, LocalDateTime.of(2000, 1, 1, 0, 0, 1)));
        assertEquals("22P03", assertThrows(SqlException.class, () -> BinaryCodec.decode(SqlType.INT4, new byte[3])).sqlState());
        assertEquals("22021", assertThrows(SqlException.class, () -> BinaryCodec.decode(SqlType.TEXT, new byte[] {(byte) 0xC3})).sqlState());
    }

    @Test
    void numericInBaseTenThousand() {
        // 12345.678: ndigits 3, weight 1, positive, dscale 3, digits 1 2345 6780
        assertArrayEquals(shorts(3, 1, 0, 3, 1, 2345, 6780), valueBytes(SqlType.NUMERIC, new BigDecimal("12345.678")));
        // -0.00012: ndigits 2, weight -1, negative, dscale 5, digits 0001 2000 (0.0001 + 0.00002)
        assertArrayEquals(shorts(2, -1, 0x4000, 5, 1, 2000), valueBytes(SqlType.NUMERIC, new BigDecimal("-0.00012")));
        assertArrayEquals(shorts(0, 0, 0, 2), valueBytes(SqlType.NUMERIC, new BigDecimal("0.00")));
        assertArrayEquals(shorts(1, 2, 0, 0, 12), valueBytes(SqlType.NUMERIC, new BigDecimal("1.2E+9")));
        for (String v : List.of("0", "1", "-1", "9999", "10000", "0.5", "123456789012345678901234567890.123456789", "1E+20", "-0.000001")) {
            BigDecimal d = new BigDecimal(v);
            BigDecimal back = (BigDecimal) BinaryCodec.decode(SqlType.NUMERIC, valueBytes(SqlType.NUMERIC, d));
            assertEquals(0, d.compareTo(back), v);
            assertEquals(Math.max(0, d.scale()), back.scale(), v);
        }
        assertEquals("22P03", assertThrows(SqlException.class, () -> BinaryCodec.decode(SqlType.NUMERIC, shorts(0, 0, 0xC000, 0))).sqlState());
        assertEquals("22P03", assertThrows(SqlException.class, () -> BinaryCodec.decode(SqlType.NUMERIC, shorts(1, 0, 0, 0, 10000))).sqlState());
        assertEquals("22P03", assertThrows(SqlException.class, () -> BinaryCodec.decode(SqlType.NUMERIC, shorts(2, 0, 0, 0, 1))).sqlState());
    }

    private Object parse(SqlType type, String text) {
        return utc.decode(type, text.getBytes(StandardCharsets.UTF_8));
    }

    private String error(SqlType type, String text) {
        return assertThrows(SqlException.class, () -> parse(type, text), text).sqlState();
    }

    private static byte[] valueBytes(SqlType type, Object value) {
        Buffer out = Buffer.buffer();
        BinaryCodec.writeValue(type, value, out);
        assertEquals(out.length() - 4, out.getInt(0));
        return Arrays.copyOfRange(out.getBytes(), 4, out.length());
    }

    private static byte[] shorts(int... values) {
        Buffer b = Buffer.buffer();
        for (int v : values) {
            b.appendShort((short) v);
        }
        return b.getBytes();
    }
}
