package io.hallows.pgwire.codec;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * {@code real} and {@code double precision} as PostgreSQL 12+ writes them (shortest digits that
 * read back exactly; plain notation for decimal exponents from -4 up to 5 for {@code real} and 14
 * for {@code double}, else {@code 1.5e+16}; {@code NaN}, {@code Infinity}, {@code -Infinity}) and
 * reads them (also {@code inf}, {@code infinity} in any case).
 */
final class FloatText {
    private FloatText() {
    }

    static String format(double value, boolean single) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "Infinity" : "-Infinity";
        }
        if (value == 0) {
            return 1 / value < 0 ? "-0" : "0";
        }
        // Since JDK 19 these give the shortest decimal that reads back exactly, as PostgreSQL's Ryu does.
        BigDecimal exact = new BigDecimal(single ? Float.toString((float) value) : Double.toString(value)).stripTrailingZeros();
        String digits = exact.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - exact.scale();
        StringBuilder out = new StringBuilder(24);
        if (exact.signum() < 0) {
            out.append('-');
        }
        if (exponent >= -4 && exponent < (single ? 6 : 15)) {
            out.append(exact.abs().toPlainString());
            return out.toString();
        }
        out.append(digits.charAt(0));
        if (digits.length() > 1) {
            out.append('.').append(digits, 1, digits.length());
        }
        out.append('e').append(exponent < 0 ? '-' : '+');
        int magnitude = Math.abs(exponent);
        if (magnitude < 10) {
            out.append('0');
        }
        return out.append(magnitude).toString();
    }

    /** Parses {@code text}; throws {@link NumberFormatException} when it is not a number. */
    static double parse(String text) {
        String t = text.strip();
        switch (t.toLowerCase(Locale.ROOT)) {
            case "nan":
                return Double.NaN;
            case "inf", "+inf", "infinity", "+infinity":
                return Double.POSITIVE_INFINITY;
            case "-inf", "-infinity":
                return Double.NEGATIVE_INFINITY;
            default:
                break;
        }
        // Java also reads "1f", "0x1p3" and "Infinity"-like words; PostgreSQL does not.
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (!(c >= '0' && c <= '9') && c != '.' && c != 'e' && c != 'E' && c != '+' && c != '-') {
                throw new NumberFormatException(text);
            }
        }
        return Double.parseDouble(t);
    }
}
