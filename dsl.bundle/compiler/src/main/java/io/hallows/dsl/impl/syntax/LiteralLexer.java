package io.hallows.dsl.impl.syntax;

import static io.hallows.dsl.impl.syntax.SourceReader.isDigit;
import static io.hallows.dsl.impl.syntax.SourceReader.isIdentPart;
import static io.hallows.dsl.impl.syntax.SourceReader.isIdentStart;
import static io.hallows.dsl.impl.syntax.SourceReader.isLineEnd;

import io.hallows.dsl.impl.ast.Position;

/** Number and string literals: their values, and the lexical errors in them, which still yield a token. */
final class LiteralLexer {
    private final SourceReader in;
    private final Diagnostics diagnostics;

    LiteralLexer(SourceReader in, Diagnostics diagnostics) {
        this.in = in;
        this.diagnostics = diagnostics;
    }

    /** {@code 1_000}, {@code 1.5e3}; at a digit. */
    Token number() {
        Position start = in.pos();
        digits();
        boolean isFloat = in.peek(0) == '.' && isDigit(in.peek(1));
        if (isFloat) {
            in.advance();
            digits();
            if (in.peek(0) == 'e' || in.peek(0) == 'E') {
                int signLength = in.peek(1) == '+' || in.peek(1) == '-' ? 1 : 0;
                if (isDigit(in.peek(1 + signLength))) {
                    for (int i = 0; i <= signLength; i++) {
                        in.advance();
                    }
                    digits();
                }
            }
        }
        String text = in.since(start);
        if (isIdentStart(in.peek(0))) {
            suffix(text, isFloat);
        }
        String digits = text.replace("_", "");
        if (isFloat) {
            double value = Double.parseDouble(digits);
            if (Double.isInfinite(value)) {
                error(start, SyntaxCode.NUMBER_OUT_OF_RANGE, "float literal '" + text + "' is out of range");
            }
            return new Token(TokenKind.FLOAT, text, start, value, false);
        }
        long value = 0;
        try {
            value = Long.parseLong(digits);
        } catch (NumberFormatException e) {
            error(start, SyntaxCode.NUMBER_OUT_OF_RANGE, "integer literal '" + text
                    + "' is out of range (the largest Int is " + Long.MAX_VALUE + ")");
        }
        return new Token(TokenKind.INT, text, start, value, false);
    }

    private void digits() {
        while (isDigit(in.peek(0)) || in.peek(0) == '_') {
            in.advance();
        }
    }

    /** Letters glued to a number: reported and skipped, the number stands. */
    private void suffix(String number, boolean isFloat) {
        Position start = in.pos();
        while (isIdentPart(in.peek(0))) {
            in.advance();
        }
        String suffix = in.since(start);
        boolean exponent = suffix.matches("[eE][0-9_]*");
        error(start, SyntaxCode.MALFORMED_NUMBER, isFloat && exponent
                ? "the exponent of '" + number + "' needs digits, as in " + number + "e3"
                : "invalid suffix '" + suffix + "' on number '" + number + "'"
                        + (exponent ? " (a Float is written with a fraction: 1.0e5)" : ""));
    }

    /** {@code "..."}; at the opening quote. An unterminated string ends at its line and is flawed. */
    Token string() {
        Position start = in.pos();
        in.advance();
        StringBuilder value = new StringBuilder();
        while (true) {
            int c = in.peek(0);
            if (in.atEnd() || isLineEnd(c)) {
                error(start, SyntaxCode.UNTERMINATED_STRING,
                        "unterminated string literal; close it with '\"' before the end of the line");
                return new Token(TokenKind.STRING, in.since(start), start, value.toString(), true);
            }
            in.advance();
            if (c == '"') {
                return new Token(TokenKind.STRING, in.since(start), start, value.toString(), false);
            }
            if (c == '\\') {
                escape(value);
            } else {
                value.appendCodePoint(c);
            }
        }
    }

    /** After a backslash. */
    private void escape(StringBuilder value) {
        Position start = in.pos().shifted(-1, -1);
        int c = in.peek(0);
        if (in.atEnd() || isLineEnd(c)) {
            return;
        }
        in.advance();
        switch (c) {
            case 'n' -> value.append('\n');
            case 't' -> value.append('\t');
            case 'r' -> value.append('\r');
            case '"' -> value.append('"');
            case '\\' -> value.append('\\');
            case 'u' -> unicodeEscape(start, value);
            default -> error(start, SyntaxCode.INVALID_ESCAPE, "invalid escape '\\" + Character.toString(c)
                    + "'; the escapes are \\n \\t \\r \\\" \\\\ and \\u{hex}");
        }
    }

    /** After the {@code u}: a brace, 1 to 6 hex digits naming a Unicode scalar value, a brace. */
    private void unicodeEscape(Position start, StringBuilder value) {
        if (in.peek(0) != '{') {
            error(start, SyntaxCode.INVALID_ESCAPE, "invalid unicode escape; write \\u{hex} with 1 to 6 hex digits");
            return;
        }
        int length = 0;
        while (length <= 6 && Character.digit(in.peek(1 + length), 16) >= 0) {
            length++;
        }
        if (length == 0 || length > 6 || in.peek(1 + length) != '}') {
            error(start, SyntaxCode.INVALID_ESCAPE, "invalid unicode escape; write \\u{hex} with 1 to 6 hex digits");
            return;
        }
        in.advance();
        Position hexStart = in.pos();
        for (int i = 0; i < length; i++) {
            in.advance();
        }
        String hex = in.since(hexStart);
        in.advance();
        int codePoint = Integer.parseInt(hex, 16);
        if (codePoint > Character.MAX_CODE_POINT
                || (codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE)) {
            error(start, SyntaxCode.INVALID_ESCAPE, "invalid unicode escape '\\u{" + hex
                    + "}': not a Unicode scalar value");
        } else {
            value.appendCodePoint(codePoint);
        }
    }

    private void error(Position pos, SyntaxCode code, String message) {
        diagnostics.error(pos, code, message);
    }
}
