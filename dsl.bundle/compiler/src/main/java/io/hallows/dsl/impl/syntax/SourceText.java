package io.hallows.dsl.impl.syntax;

import io.hallows.dsl.api.Diagnostic;
import io.hallows.dsl.api.Severity;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A source file's bytes as text. Source is UTF-8: bytes that are not are one diagnostic at the
 * line and column of the first bad byte (counted as the lexer counts them), not a decoder's
 * exception without a position.
 */
public final class SourceText {
    private SourceText() {
    }

    /**
     * @param text  the decoded text, or null when the bytes are not UTF-8
     * @param error the diagnostic saying where they stop being UTF-8, or null
     */
    public record Decoded(String text, Diagnostic error) {
    }

    public static Decoded decode(String file, byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (!result.isError()) {
            return new Decoded(out.flip().toString(), null);
        }
        int bad = in.position();
        String before = out.flip().toString();
        int line = 1;
        int column = 1;
        for (int i = 0; i < before.length(); i += Character.charCount(before.codePointAt(i))) {
            char c = before.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= before.length() || before.charAt(i + 1) != '\n'))) {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new Decoded(null, new Diagnostic(file, line, column, Severity.ERROR, SyntaxCode.INVALID_UTF8.id(),
                "the file is not UTF-8 text: byte 0x%02X at offset %d starts no valid UTF-8 character (save it as UTF-8)"
                        .formatted(bytes[bad] & 0xFF, bad)));
    }
}
