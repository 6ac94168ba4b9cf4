package io.hallows.db.oltp.impl.store;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;

/**
 * Writes a record: variable-length integers, strings as UTF-8, and values tagged by their class
 * ({@link RecordIn} reads them back). Tags are part of the record format: never renumber them.
 */
final class RecordOut {
    static final int NULL = 0, BOOL = 1, SHORT = 2, INT = 3, LONG = 4, FLOAT = 5, DOUBLE = 6, DECIMAL = 7,
            STRING = 8, DATE = 9, TIMESTAMP = 10, TIMESTAMPTZ = 11, BYTES = 12;

    private byte[] buf;
    private int size;

    RecordOut(int capacity) {
        buf = new byte[Math.max(16, capacity)];
    }

    int size() {
        return size;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(buf, size);
    }

    RecordOut write(int b) {
        ensure(1);
        buf[size++] = (byte) b;
        return this;
    }

    /** An unsigned variable-length integer (7 bits a byte). */
    RecordOut varLong(long v) {
        ensure(10);
        while ((v & ~0x7FL) != 0) {
            buf[size++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        buf[size++] = (byte) v;
        return this;
    }

    /** A signed variable-length integer (zig-zag). */
    RecordOut signed(long v) {
        return varLong((v << 1) ^ (v >> 63));
    }

    RecordOut bytes(byte[] b) {
        varLong(b.length);
        ensure(b.length);
        System.arraycopy(b, 0, buf, size, b.length);
        size += b.length;
        return this;
    }

    RecordOut string(String s) {
        return bytes(s.getBytes(StandardCharsets.UTF_8));
    }

    RecordOut values(Object[] values) {
        varLong(values.length);
        for (Object v : values) {
            value(v);
        }
        return this;
    }

    RecordOut value(Object v) {
        switch (v) {
            case null -> write(NULL);
            case Boolean b -> write(BOOL).write(b ? 1 : 0);
            case Short s -> write(SHORT).signed(s);
            case Integer i -> write(INT).signed(i);
            case Long l -> write(LONG).signed(l);
            case Float f -> write(FLOAT).signed(Float.floatToRawIntBits(f));
            case Double d -> write(DOUBLE).signed(Double.doubleToRawLongBits(d));
            case BigDecimal d -> write(DECIMAL).signed(d.scale()).bytes(d.unscaledValue().toByteArray());
            case String s -> write(STRING).string(s);
            case LocalDate d -> write(DATE).signed(d.toEpochDay());
            case LocalDateTime t -> write(TIMESTAMP).signed(t.toEpochSecond(ZoneOffset.UTC)).varLong(t.getNano());
            case OffsetDateTime t -> write(TIMESTAMPTZ).signed(t.toEpochSecond()).varLong(t.getNano())
                    .signed(t.getOffset().getTotalSeconds());
            case byte[] b -> write(BYTES).bytes(b);
            default -> throw new IllegalArgumentException("cannot store a " + v.getClass().getName());
        }
        return this;
    }

    private void ensure(int n) {
        if (size + n > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + n));
        }
    }
}
