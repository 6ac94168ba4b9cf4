package io.hallows.db.oltp.impl.store;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;

/** Reads what {@link RecordOut} wrote; a truncated or malformed record fails with IllegalArgumentException. */
final class RecordIn {
    private final byte[] buf;
    private int pos;

    RecordIn(byte[] buf) {
        this.buf = buf;
    }

    boolean atEnd() {
        return pos >= buf.length;
    }

    int read() {
        if (pos >= buf.length) {
            throw new IllegalArgumentException("record truncated at byte " + pos);
        }
        return buf[pos++] & 0xFF;
    }

    long varLong() {
        long v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = read();
            v |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return v;
            }
        }
        throw new IllegalArgumentException("malformed integer at byte " + pos);
    }

    long signed() {
        long v = varLong();
        return (v >>> 1) ^ -(v & 1);
    }

    int count() {
        long n = varLong();
        if (n < 0 || n > buf.length - pos) {
            throw new IllegalArgumentException("bad count " + n + " at byte " + pos);
        }
        return (int) n;
    }

    byte[] bytes() {
        int n = count();
        if (n > buf.length - pos) {
            throw new IllegalArgumentException("record truncated: " + n + " bytes at byte " + pos);
        }
        byte[] b = Arrays.copyOfRange(buf, pos, pos + n);
        pos += n;
        return b;
    }

    String string() {
        return new String(bytes(), StandardCharsets.UTF_8);
    }

    Object[] values() {
        Object[] v = new Object[count()];
        for (int i = 0; i < v.length; i++) {
            v[i] = value();
        }
        return v;
    }

    Object value() {
        int tag = read();
        return switch (tag) {
            case RecordOut.NULL -> null;
            case RecordOut.BOOL -> read() != 0;
            case RecordOut.SHORT -> (short) signed();
            case RecordOut.INT -> (int) signed();
            case RecordOut.LONG -> signed();
            case RecordOut.FLOAT -> Float.intBitsToFloat((int) signed());
            case RecordOut.DOUBLE -> Double.longBitsToDouble(signed());
            case RecordOut.DECIMAL -> {
                int scale = (int) signed();
                yield new BigDecimal(new BigInteger(bytes()), scale);
            }
            case RecordOut.STRING -> string();
            case RecordOut.DATE -> LocalDate.ofEpochDay(signed());
            case RecordOut.TIMESTAMP -> LocalDateTime.ofEpochSecond(signed(), (int) varLong(), ZoneOffset.UTC);
            case RecordOut.TIMESTAMPTZ -> {
                Instant at = Instant.ofEpochSecond(signed(), varLong());
                yield OffsetDateTime.ofInstant(at, ZoneOffset.ofTotalSeconds((int) signed()));
            }
            case RecordOut.BYTES -> bytes();
            default -> throw new IllegalArgumentException("unknown value tag " + tag + " at byte " + (pos - 1));
        };
    }
}
