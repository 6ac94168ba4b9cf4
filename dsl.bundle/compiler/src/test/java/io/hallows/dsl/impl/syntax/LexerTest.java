package io.hallows.dsl.impl.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallows.dsl.api.Diagnostic;
import java.util.List;
import org.junit.jupiter.api.Test;

class LexerTest {
    private final Diagnostics diagnostics = new Diagnostics();

    private List<Token> lex(String source) {
        return Lexer.tokenize("t.pt", source, diagnostics);
    }

    private List<TokenKind> kinds(String source) {
        return lex(source).stream().map(Token::kind).toList();
    }

    private List<String> errors() {
        return diagnostics.list().stream().map(Diagnostic::format).toList();
    }

    @Test
    void keywordsNamesAndPunctuation() {
        assertEquals(List.of(TokenKind.LET_COW_VAR, TokenKind.IDENT, TokenKind.COLON, TokenKind.IDENT, TokenKind.LT,
                TokenKind.IDENT, TokenKind.COMMA, TokenKind.IDENT, TokenKind.GT, TokenKind.ASSIGN, TokenKind.LBRACE,
                TokenKind.RBRACE, TokenKind.SEMI, TokenKind.EOF), kinds("let_cow_var m: Map<String, Int> = {};"));
        assertEquals(List.of(TokenKind.LE, TokenKind.GE, TokenKind.EQ, TokenKind.NE, TokenKind.ARROW, TokenKind.LT,
                TokenKind.ASSIGN, TokenKind.AT, TokenKind.PERCENT, TokenKind.EOF), kinds("<= >= == != => < = @ %"));
        assertEquals(TokenKind.IDENT, lex("let_cow_vars")
                .getFirst().kind(), "a keyword is a whole word");
        assertEquals(TokenKind.IDENT, lex("as").getFirst().kind(), "'as' is not reserved");
        assertTrue(errors().isEmpty());
    }

    @Test
    void positionsAreLineAndColumnInCodePoints() {
        List<Token> tokens = lex("module a\n  \"é😀\" x\r\n\ty /* c\n */ z");
        assertEquals("t.pt:1:1", tokens.get(0).pos().toString());
        assertEquals("t.pt:1:8", tokens.get(1).pos().toString());
        assertEquals("t.pt:2:3", tokens.get(2).pos().toString());
        assertEquals("t.pt:2:8", tokens.get(3).pos().toString(), "the emoji is one column");
        assertEquals("t.pt:3:2", tokens.get(4).pos().toString(), "CRLF is one line end, a tab one column");
        assertEquals("t.pt:4:5", tokens.get(5).pos().toString());
        assertEquals(11, tokens.get(2).pos().offset());
        assertEquals("t.pt:2:7", tokens.get(2).end().toString());
    }

    @Test
    void numbersWithSeparatorsAndFloats() {
        List<Token> tokens = lex("1_000 0 9223372036854775807 1.5 2.5e3 1.0E-2 7.method");
        assertEquals(1000L, tokens.get(0).value());
        assertEquals(0L, tokens.get(1).value());
        assertEquals(Long.MAX_VALUE, tokens.get(2).value());
        assertEquals(1.5, tokens.get(3).value());
        assertEquals(2500.0, tokens.get(4).value());
        assertEquals(0.01, tokens.get(5).value());
        assertEquals(List.of(TokenKind.INT, TokenKind.DOT, TokenKind.IDENT), List.of(tokens.get(6).kind(),
                tokens.get(7).kind(), tokens.get(8).kind()), "a dot not followed by a digit is member access");
        assertTrue(errors().isEmpty());
    }

    @Test
    void numberErrors() {
        lex("9223372036854775808 12abc 1e5 1.5e 1.0e999");
        assertEquals(List.of(
                "t.pt:1:1: error[PT0102]: integer literal '9223372036854775808' is out of range (the largest Int is 9223372036854775807)",
                "t.pt:1:23: error[PT0106]: invalid suffix 'abc' on number '12'",
                "t.pt:1:28: error[PT0106]: invalid suffix 'e5' on number '1' (a Float is written with a fraction: 1.0e5)",
                "t.pt:1:34: error[PT0106]: the exponent of '1.5' needs digits, as in 1.5e3",
                "t.pt:1:36: error[PT0102]: float literal '1.0e999' is out of range"), errors());
    }

    @Test
    void stringEscapes() {
        Token token = lex("\"a\\n\\t\\r\\\"\\\\\\u{48}\\u{1F600}\"").getFirst();
        assertEquals("a\n\t\r\"\\H\uD83D\uDE00", token.value());
        assertEquals(TokenKind.STRING, token.kind());
        assertTrue(errors().isEmpty());
    }

    @Test
    void badEscapesAreReportedAndTheStringGoesOn() {
        List<Token> tokens = lex("\"a\\qb\\u{110000}c\\u{}d\\u41\" x");
        assertEquals("abc{}d41", tokens.getFirst().value(), "a bad escape contributes nothing, what follows stays");
        assertEquals(TokenKind.IDENT, tokens.get(1).kind());
        assertEquals(List.of(
                "t.pt:1:3: error[PT0104]: invalid escape '\\q'; the escapes are \\n \\t \\r \\\" \\\\ and \\u{hex}",
                "t.pt:1:6: error[PT0104]: invalid unicode escape '\\u{110000}': not a Unicode scalar value",
                "t.pt:1:17: error[PT0104]: invalid unicode escape; write \\u{hex} with 1 to 6 hex digits",
                "t.pt:1:22: error[PT0104]: invalid unicode escape; write \\u{hex} with 1 to 6 hex digits"), errors());
    }

    @Test
    void unterminatedStringEndsAtItsLineAndIsFlawed() {
        List<Token> tokens = lex("x = \"abc;\ny");
        assertEquals(TokenKind.STRING, tokens.get(2).kind());
        assertEquals("abc;", tokens.get(2).value());
        assertTrue(tokens.get(2).flawed());
        assertEquals("y", tokens.get(3).text());
        assertFalse(tokens.get(3).flawed());
        assertEquals(List.of("t.pt:1:5: error[PT0101]: unterminated string literal; close it with '\"' before the end of the line"),
                errors());
    }

    @Test
    void unknownCharactersAreReportedOncePerRun() {
        List<Token> tokens = lex("a && b # $ ~~~ c ! d");
        assertEquals(List.of("a", "b", "c", "d", ""), tokens.stream().map(Token::text).toList());
        assertTrue(tokens.get(1).flawed(), "the token after dropped characters is flawed");
        assertEquals(List.of(
                "t.pt:1:3: error[PT0103]: unexpected characters '&&' (use 'and')",
                "t.pt:1:8: error[PT0103]: unexpected character '#'",
                "t.pt:1:10: error[PT0103]: unexpected character '$'",
                "t.pt:1:12: error[PT0103]: unexpected characters '~~~'",
                "t.pt:1:18: error[PT0103]: unexpected character '!' (use 'not')"), errors());
    }

    @Test
    void unterminatedBlockCommentAndLineComments() {
        List<Token> tokens = lex("a // b\n/* c */ d /* e");
        assertEquals(List.of("a", "d", ""), tokens.stream().map(Token::text).toList());
        assertTrue(tokens.get(2).flawed());
        assertEquals(List.of("t.pt:2:11: error[PT0105]: unterminated block comment; close it with '*/'"), errors());
    }

    @Test
    void endOfFileAfterTheLastLine() {
        List<Token> tokens = lex("\uFEFFa\n");
        assertEquals("t.pt:1:1", tokens.getFirst().pos().toString(), "a byte order mark is skipped");
        assertEquals("t.pt:2:1", tokens.getLast().pos().toString());
        assertEquals(TokenKind.EOF, lex("").getFirst().kind());
    }
}
