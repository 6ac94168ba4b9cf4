package io.hallows.pgwire.codec;

import io.hallows.sql.api.SqlType;
import java.io.ByteArrayOutputStream;

/**
 * {@code bytea}'s text formats: written in hex ({@code \x0a1b}); read in hex (whitespace allowed
 * between pairs) or in the older escape format ({@code \\} for a backslash, {@code \ooo} octal,
 * other bytes as they are).
 */
final class ByteaText {
    private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private ByteaText() {
    }

    static byte[] format(byte[] value) {
        byte[] out = new byte[2 + 2 * value.length];
        out[0] = '\\';
        out[1] = 'x';
        for (int i = 0; i < value.length; i++) {
            out[2 + 2 * i] = HEX[(value[i] >> 4) & 0xF];
            out[3 + 2 * i] = HEX[value[i] & 0xF];
        }
        return out;
    }

    static byte[] parse(byte[] text) {
        return text.length >= 2 && text[0] == '\\' && text[1] == 'x' ? parseHex(text) : parseEscape(text);
    }

    private static byte[] parseHex(byte[] text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length / 2);
        int i = 2;
        while (i < text.length) {
            if (Character.isWhitespace(text[i])) {
                i++;
                continue;
            }
            int high = Character.digit(text[i], 16);
            int low = i + 1 < text.length ? Character.digit(text[i + 1], 16) : -1;
            if (high < 0 || low < 0) {
                throw bad(text);
            }
            out.write(high << 4 | low);
            i += 2;
        }
        return out.toByteArray();
    }

    private static byte[] parseEscape(byte[] text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length);
        int i = 0;
        while (i < text.length) {
            if (text[i] != '\\') {
                out.write(text[i++]);
            } else if (i + 1 < text.length && text[i + 1] == '\\') {
                out.write('\\');
                i += 2;
            } else if (i + 3 < text.length && octal(text[i + 1]) >= 0 && octal(text[i + 1]) <= 3 && octal(text[i + 2]) >= 0
                    && octal(text[i + 3]) >= 0) {
                out.write(octal(text[i + 1]) << 6 | octal(text[i + 2]) << 3 | octal(text[i + 3]));
                i += 4;
            } else {
                throw bad(text);
            }
        }
        return out.toByteArray();
    }

    private static int octal(byte b) {
        return b >= '0' && b <= '7' ? b - '0' : -1;
    }

    private static RuntimeException bad(byte[] text) {
        return TypeNames.badText(SqlType.BYTEA, new String(text, java.nio.charset.StandardCharsets.UTF_8));
    }
}
