package io.hallows.messaging.impl.shell;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/** A key or value as one short line: its text when it is printable UTF-8, else its bytes in hex; cut to a width. */
final class BytesText {
    private BytesText() {
    }

    static String of(byte[] bytes, int width) {
        if (bytes == null) {
            return "null";
        }
        String text = printable(bytes);
        if (text == null) {
            int shown = Math.min(bytes.length, (width - 3) / 2);
            return cut("0x" + HexFormat.of().formatHex(bytes, 0, shown), shown < bytes.length, width);
        }
        return cut(text, false, width);
    }

    /** The text, or null if the bytes are not UTF-8 or hold control characters (line breaks, escapes). */
    private static String printable(byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
        return text.codePoints().anyMatch(Character::isISOControl) ? null : text;
    }

    private static String cut(String text, boolean cutAlready, int width) {
        if (text.length() > width) {
            return text.substring(0, width - 1) + "…";
        }
        return cutAlready ? text + "…" : text;
    }
}
