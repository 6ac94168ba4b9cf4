package io.hallows.dsl.impl.syntax;

import io.hallows.dsl.impl.ast.Position;

/**
 * A token.
 *
 * @param text   the lexeme as written (with quotes for a string); empty at the end of file
 * @param value  the decoded value of a literal ({@code Long}, {@code Double} or {@code String}), else null
 * @param flawed the lexer already reported an error that makes a syntax error here a likely
 *               consequence (an unterminated string, or characters it dropped just before this
 *               token); the parser does not report one
 */
public record Token(TokenKind kind, String text, Position pos, Object value, boolean flawed) {
    /** The position just after the token. Tokens never span lines. */
    public Position end() {
        return pos.shifted(text.codePointCount(0, text.length()), text.length());
    }

    Token withFlaw() {
        return new Token(kind, text, pos, value, true);
    }

    /** The token as a message names it: {@code 'return'}, {@code string "tax"}, {@code end of file}. */
    String describe() {
        return switch (kind) {
            case EOF -> "end of file";
            case STRING -> "string " + abbreviate(text);
            default -> "'" + abbreviate(text) + "'";
        };
    }

    private static String abbreviate(String s) {
        return s.length() <= 24 ? s : s.substring(0, 20) + "...";
    }
}
