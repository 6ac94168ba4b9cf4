package io.hallows.pgwire.codec;

import io.hallows.sql.api.SqlType;
import io.vertx.core.buffer.Buffer;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * {@code numeric}'s binary format: {@code int16 ndigits, int16 weight, int16 sign, int16 dscale},
 * then {@code ndigits} base-10000 digits, the first worth {@code 10000^weight}; sign {@code 0x0000}
 * positive, {@code 0x4000} negative ({@code 0xC000} NaN and the infinities have no
 * {@link BigDecimal} and are refused).
 */
final class NumericBinary {
    private static final int POSITIVE = 0x0000;
    private static final int NEGATIVE = 0x4000;
    /** PostgreSQL's limit: 131072 digits before the point and 16383 after, in groups of four. */
    private static final int MAX_DIGITS = (131_072 + 16_383) / 4 + 2;

    private NumericBinary() {
    }

    static void write(BigDecimal value, Buffer out) {
        int dscale = Math.max(0, value.scale());
        String plain = value.abs().setScale(dscale, RoundingMode.UNNECESSARY).toPlainString();
        int dot = plain.indexOf('.');
        String integer = dot < 0 ? plain : plain.substring(0, dot);
        String fraction = dot < 0 ? "" : plain.substring(dot + 1);
        // Align both parts on 4-digit groups around the decimal point.
        int intGroups = (integer.length() + 3) / 4;
        int fracGroups = (fraction.length() + 3) / 4;
        String padded = "0".repeat(intGroups * 4 - integer.length()) + integer + fraction + "0".repeat(fracGroups * 4 - fraction.length());
        int total = intGroups + fracGroups;
        int first = 0;
        while (first < total && group(padded, first) == 0) {
            first++;
        }
        int last = total - 1;
        while (last >= first && group(padded, last) == 0) {
            last--;
        }
        int ndigits = last - first + 1;
        int weight = ndigits == 0 ? 0 : intGroups - 1 - first;
        out.appendShort((short) ndigits).appendShort((short) weight)
                .appendShort((short) (value.signum() < 0 && ndigits > 0 ? NEGATIVE : POSITIVE)).appendShort((short) dscale);
        for (int i = first; i <= last; i++) {
            out.appendShort((short) group(padded, i));
        }
    }

    private static int group(String digits, int index) {
        return Integer.parseInt(digits, index * 4, index * 4 + 4, 10);
    }

    static BigDecimal read(byte[] bytes) {
        if (bytes.length < 8) {
            throw TypeNames.badBinary(SqlType.NUMERIC, "too short");
        }
        Buffer in = Buffer.buffer(bytes);
        int ndigits = in.getUnsignedShort(0);
        int weight = in.getShort(2);
        int sign = in.getUnsignedShort(4);
        int dscale = in.getUnsignedShort(6);
        if (bytes.length != 8 + 2 * ndigits) {
            throw TypeNames.badBinary(SqlType.NUMERIC, ndigits + " digits in " + bytes.length + " bytes");
        }
        if (sign != POSITIVE && sign != NEGATIVE) {
            throw TypeNames.badBinary(SqlType.NUMERIC, "NaN and infinity are not supported (sign 0x" + Integer.toHexString(sign) + ")");
        }
        if (dscale > 0x3FFF) {
            throw TypeNames.badBinary(SqlType.NUMERIC, "scale " + dscale);
        }
        if (ndigits > MAX_DIGITS) {
            throw TypeNames.badBinary(SqlType.NUMERIC, ndigits + " digits (at most " + MAX_DIGITS + ")");
        }
        StringBuilder decimal = new StringBuilder(ndigits * 4 + 1).append('0');
        for (int i = 0; i < ndigits; i++) {
            int digit = in.getShort(8 + 2 * i);
            if (digit < 0 || digit > 9999) {
                throw TypeNames.badBinary(SqlType.NUMERIC, "digit " + digit);
            }
            decimal.append((char) ('0' + digit / 1000)).append((char) ('0' + digit / 100 % 10))
                    .append((char) ('0' + digit / 10 % 10)).append((char) ('0' + digit % 10));
        }
        BigInteger unscaled = new BigInteger(decimal.toString());
        BigDecimal value = new BigDecimal(unscaled, -4 * (weight - ndigits + 1)).setScale(dscale, RoundingMode.DOWN);
        return sign == NEGATIVE ? value.negate() : value;
    }
}
