package io.hallows.dsl.impl.syntax;

import static io.hallows.dsl.impl.syntax.SourceReader.isDigit;
import static io.hallows.dsl.impl.syntax.SourceReader.isIdentPart;
import static io.hallows.dsl.impl.syntax.SourceReader.isIdentStart;
import static io.hallows.dsl.impl.syntax.SourceReader.isLineEnd;

import io.hallows.dsl.impl.ast.Position;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns source text into tokens, reporting lexical errors ({@code PT01xx}) and going on: a bad
 * literal still yields a token ({@link LiteralLexer}), characters that start no token are dropped,
 * so the parser sees a stream it can work with.
 */
public final class Lexer {
    private final SourceReader in;
    private final LiteralLexer literals;
    private final Diagnostics diagnostics;
    private final List<Token> tokens = new ArrayList<>();
    /** Set when characters were dropped or a comment ran to the end: the next token is flawed. */
    private boolean flawNext;

    private Lexer(String file, String source, Diagnostics diagnostics) {
        this.in = new SourceReader(file, source);
        this.literals = new LiteralLexer(in, diagnostics);
        this.diagnostics = diagnostics;
    }

    /** The tokens of {@code source}, ending with one {@link TokenKind#EOF}. */
    public static List<Token> tokenize(String file, String source, Diagnostics diagnostics) {
        return new Lexer(file, source, diagnostics).run();
    }

    private List<Token> run() {
        while (true) {
            skipTrivia();
            Position start = in.pos();
            int c = in.peek(0);
            if (in.atEnd()) {
                add(new Token(TokenKind.EOF, "", start, null, false));
                return tokens;
            } else if (isIdentStart(c)) {
                while (isIdentPart(in.peek(0))) {
                    in.advance();
                }
                String word = in.since(start);
                add(new Token(TokenKind.keywordOrIdent(word), word, start, null, false));
            } else if (isDigit(c)) {
                add(literals.number());
            } else if (c == '"') {
                add(literals.string());
            } else if (!punctuation(start)) {
                badCharacters(start);
            }
        }
    }

    private void skipTrivia() {
        while (!in.atEnd()) {
            int c = in.peek(0);
            if (c == ' ' || c == '\t' || c == '\f' || isLineEnd(c)) {
                in.advance();
            } else if (c == '/' && in.peek(1) == '/') {
                while (!in.atEnd() && !isLineEnd(in.peek(0))) {
                    in.advance();
                }
            } else if (c == '/' && in.peek(1) == '*') {
                blockComment();
            } else {
                return;
            }
        }
    }

    private void blockComment() {
        Position start = in.pos();
        in.advance();
        in.advance();
        while (!in.atEnd()) {
            if (in.peek(0) == '*' && in.peek(1) == '/') {
                in.advance();
                in.advance();
                return;
            }
            in.advance();
        }
        diagnostics.error(start, SyntaxCode.UNTERMINATED_COMMENT, "unterminated block comment; close it with '*/'");
        flawNext = true;
    }

    private boolean punctuation(Position start) {
        TokenKind kind = pair(in.peek(0), in.peek(1));
        int length = 2;
        if (kind == null) {
            kind = single(in.peek(0));
            length = 1;
        }
        if (kind == null) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            in.advance();
        }
        add(new Token(kind, kind.text(), start, null, false));
        return true;
    }

    private static TokenKind pair(int first, int second) {
        if (second == '=') {
            return switch (first) {
                case '<' -> TokenKind.LE;
                case '>' -> TokenKind.GE;
                case '=' -> TokenKind.EQ;
                case '!' -> TokenKind.NE;
                default -> null;
            };
        }
        return first == '=' && second == '>' ? TokenKind.ARROW : null;
    }

    private static TokenKind single(int c) {
        return switch (c) {
            case '{' -> TokenKind.LBRACE;
            case '}' -> TokenKind.RBRACE;
            case '(' -> TokenKind.LPAREN;
            case ')' -> TokenKind.RPAREN;
            case '[' -> TokenKind.LBRACKET;
            case ']' -> TokenKind.RBRACKET;
            case '<' -> TokenKind.LT;
            case '>' -> TokenKind.GT;
            case '=' -> TokenKind.ASSIGN;
            case '+' -> TokenKind.PLUS;
            case '-' -> TokenKind.MINUS;
            case '*' -> TokenKind.STAR;
            case '/' -> TokenKind.SLASH;
            case '%' -> TokenKind.PERCENT;
            case '.' -> TokenKind.DOT;
            case ',' -> TokenKind.COMMA;
            case ':' -> TokenKind.COLON;
            case ';' -> TokenKind.SEMI;
            case '@' -> TokenKind.AT;
            default -> null;
        };
    }

    /** Drops a run of characters that start no token, reporting it once. */
    private void badCharacters(Position start) {
        do {
            in.advance();
        } while (!in.atEnd() && !startsToken());
        String run = in.since(start);
        int length = run.codePointCount(0, run.length());
        String hint = switch (run) {
            case "&&" -> " (use 'and')";
            case "||" -> " (use 'or')";
            case "!" -> " (use 'not')";
            case "'" -> " (strings are written in double quotes)";
            default -> "";
        };
        String shown = run.codePoints().limit(16).mapToObj(Lexer::printable).reduce("", String::concat);
        diagnostics.error(start, SyntaxCode.UNEXPECTED_CHARACTER, (length == 1 ? "unexpected character '"
                : "unexpected characters '") + shown + (length > 16 ? "..." : "") + "'" + hint);
        flawNext = true;
    }

    private boolean startsToken() {
        int c = in.peek(0);
        return c == ' ' || c == '\t' || c == '\f' || isLineEnd(c) || isIdentStart(c) || isDigit(c) || c == '"'
                || single(c) != null || pair(c, in.peek(1)) != null;
    }

    private static String printable(int c) {
        return Character.isISOControl(c) || Character.isWhitespace(c) || Character.isSpaceChar(c)
                || !Character.isDefined(c) ? String.format("U+%04X", c) : Character.toString(c);
    }

    private void add(Token token) {
        tokens.add(flawNext ? token.withFlaw() : token);
        flawNext = false;
    }
}
