package io.hallows.dsl.impl.syntax;

import io.hallows.dsl.impl.ast.Position;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The parsers' shared view of the tokens: lookahead, consumption, error reporting and recovery.
 *
 * <p>Recovery works in panic mode. A syntax error is reported and a {@link ParseError} unwinds to
 * the nearest statement, member or declaration loop, which skips to a point where parsing can go
 * on ({@link #syncStatement}, {@link #syncMember}, {@link #syncDeclaration}). Until the parser
 * consumes a token again, further errors are not reported: they would be consequences of the first.
 * The cursor counts the braces it passes, so skipping never stops inside a nested block.
 */
final class TokenCursor {
    /** Deeper nesting is reported rather than risking the stack; no real program comes near it. */
    static final int MAX_NESTING = 200;

    static final Set<TokenKind> DECLARATION_START =
            EnumSet.of(TokenKind.MODEL, TokenKind.REACTIVE_MODEL, TokenKind.ERROR, TokenKind.SERVICE, TokenKind.IMPORT);
    static final Set<TokenKind> MEMBER_START = EnumSet.of(TokenKind.OP, TokenKind.LET_COW_VAR,
            TokenKind.LET_MUT_SHARED_VAR, TokenKind.LET_REACTIVE_VAR, TokenKind.DERIVED, TokenKind.ON, TokenKind.AT);
    static final Set<TokenKind> EXPRESSION_START = EnumSet.of(TokenKind.INT, TokenKind.FLOAT,
            TokenKind.STRING, TokenKind.TRUE, TokenKind.FALSE, TokenKind.NONE, TokenKind.SOME, TokenKind.IDENT,
            TokenKind.LBRACKET, TokenKind.LBRACE, TokenKind.LPAREN, TokenKind.MINUS, TokenKind.NOT);
    static final Set<TokenKind> STATEMENT_START = EnumSet.of(TokenKind.LET, TokenKind.VAR, TokenKind.IF,
            TokenKind.FOR, TokenKind.WHILE, TokenKind.RETURN, TokenKind.RAISE, TokenKind.TRY, TokenKind.MATCH);

    /** Unwinds to the nearest recovery point after an error has been reported (or suppressed). */
    static final class ParseError extends RuntimeException {
        private ParseError() {
            super(null, null, false, false);
        }
    }

    private static final ParseError UNWIND = new ParseError();

    private final List<Token> tokens;
    private final Diagnostics diagnostics;
    private int index;
    private int braceDepth;
    private int nesting;
    private boolean recovering;

    TokenCursor(List<Token> tokens, Diagnostics diagnostics) {
        this.tokens = new ArrayList<>(tokens);
        this.diagnostics = diagnostics;
    }

    Token peek() {
        return tokens.get(index);
    }

    Token peek(int ahead) {
        return tokens.get(Math.min(index + ahead, tokens.size() - 1));
    }

    /** The last consumed token; only after at least one. */
    Token previous() {
        return tokens.get(index - 1);
    }

    boolean at(TokenKind kind) {
        return peek().kind() == kind;
    }

    boolean atAny(Set<TokenKind> kinds) {
        return kinds.contains(peek().kind());
    }

    /** At a token no body can contain: the start of a member or declaration, or the end of file. */
    boolean atBodyBoundary() {
        return at(TokenKind.EOF) || atAny(MEMBER_START) || atAny(DECLARATION_START);
    }

    int index() {
        return index;
    }

    int braceDepth() {
        return braceDepth;
    }

    /** Consumes the current token as part of a successful parse. */
    Token advance() {
        recovering = false;
        return skip();
    }

    /** Consumes the current token while recovering; the end of file is never consumed. */
    Token skip() {
        Token token = peek();
        if (token.kind() == TokenKind.LBRACE) {
            braceDepth++;
        } else if (token.kind() == TokenKind.RBRACE) {
            braceDepth--;
        }
        if (token.kind() != TokenKind.EOF) {
            index++;
        }
        return token;
    }

    /**
     * Consumes the {@code }} that ends a block or a service if it is there. While recovering, that
     * brace may have been meant for an enclosing construct, so consuming it does not end recovery.
     */
    boolean acceptClosingBrace() {
        if (at(TokenKind.RBRACE)) {
            skip();
            return true;
        }
        return false;
    }

    boolean accept(TokenKind kind) {
        if (at(kind)) {
            advance();
            return true;
        }
        return false;
    }

    /** Consumes a {@code kind} token or reports {@code expected 'x' <context>, found ...}. */
    Token expect(TokenKind kind, String context) {
        if (at(kind)) {
            return advance();
        }
        throw expected("'" + kind.text() + "'" + (context.isEmpty() ? "" : " " + context));
    }

    /**
     * Consumes a name; {@code what} says which, e.g. {@code "a name after 'op'"}. A keyword where a
     * name belongs is reported and then taken as the name, so that {@code var match = 1;} gives one
     * diagnostic rather than a second one for the statement that {@code match} would start; a
     * doubled keyword ({@code catch catch E e}) is skipped instead.
     */
    Token expectName(String what) {
        if (at(TokenKind.IDENT)) {
            return advance();
        }
        if (!peek().kind().isKeyword()) {
            throw expected(what);
        }
        Token keyword = peek();
        report(keyword.pos(), SyntaxCode.EXPECTED_TOKEN,
                "expected " + what + ", found keyword '" + keyword.text() + "' (keywords are reserved)");
        boolean doubled = index > 0 && previous().kind() == keyword.kind();
        skip();
        return doubled && at(TokenKind.IDENT) ? advance() : keyword;
    }

    /**
     * Consumes the {@code {} that opens a body, or reports {@code expected <what>}. When the brace
     * is missing but the body follows ({@code bodyFollows}) and the rest of the file closes one
     * brace more than it opens, only the {@code {} was forgotten: parsing goes on as if it were
     * there, and the body's own {@code }} closes it. Otherwise the error unwinds as usual.
     *
     * @return the brace, or a stand-in where it was expected
     */
    Token expectOpeningBrace(String what, boolean bodyFollows) {
        if (at(TokenKind.LBRACE)) {
            return advance();
        }
        Position where = expectedAt();
        ParseError error = expected(what);
        if (!bodyFollows || !surplusClosingBraceAhead()) {
            throw error;
        }
        braceDepth++;
        return new Token(TokenKind.LBRACE, "{", where, null, false);
    }

    /** Whether the tokens up to the next declaration close one brace more than the structure so far opened. */
    private boolean surplusClosingBraceAhead() {
        int depth = braceDepth;
        for (int i = index; i < tokens.size(); i++) {
            TokenKind kind = tokens.get(i).kind();
            if (kind == TokenKind.EOF || DECLARATION_START.contains(kind)) {
                break;
            }
            depth += kind == TokenKind.LBRACE ? 1 : kind == TokenKind.RBRACE ? -1 : 0;
        }
        return depth < 0;
    }

    /**
     * Takes a list or block as closed although its closing token is missing (after reporting it),
     * keeping the brace count in step with the structure parsed.
     */
    void closeVirtually(TokenKind close) {
        if (close == TokenKind.RBRACE) {
            braceDepth--;
        }
    }

    /**
     * Consumes the {@code ;} that ends a statement or a declaration. When it is missing before a
     * new line, a {@code }} or the end of file, the error is reported and parsing goes on as if it
     * were there, so one missing {@code ;} gives one diagnostic and loses nothing.
     */
    void expectSemicolon(String context) {
        if (accept(TokenKind.SEMI)) {
            return;
        }
        ParseError error = expected("';' " + context);
        if (!onNewLine() && !at(TokenKind.RBRACE) && !at(TokenKind.EOF)) {
            throw error;
        }
    }

    /** Reports {@code expected <what>, found <token>} and returns the error to throw. */
    ParseError expected(String what) {
        return error(expectedAt(), SyntaxCode.EXPECTED_TOKEN, "expected " + what + ", found " + peek().describe());
    }

    /** Where a missing token is reported: after the previous token when the current one starts a new line. */
    Position expectedAt() {
        return onNewLine() ? previous().end() : peek().pos();
    }

    private boolean onNewLine() {
        return index > 0 && peek().pos().line() > previous().pos().line();
    }

    /**
     * Reports a syntax error unless it is a likely consequence of one already reported, and
     * returns the exception that unwinds to the nearest recovery point.
     */
    ParseError error(Position pos, SyntaxCode code, String message) {
        report(pos, code, message);
        return UNWIND;
    }

    /** Reports a syntax error the parser continues after without unwinding. */
    void report(Position pos, SyntaxCode code, String message) {
        boolean lexicalCause = peek().flawed() || (index > 0 && previous().flawed());
        if (!recovering && !lexicalCause) {
            diagnostics.error(pos, code, message);
        }
        recovering = true;
    }

    /** Enters one level of nesting; pair with {@link #exit()} in a finally block. */
    void enter() {
        if (++nesting > MAX_NESTING) {
            nesting--;
            throw error(peek().pos(), SyntaxCode.NESTING_TOO_DEEP,
                    "nesting deeper than " + MAX_NESTING + " levels; split the expression or the block");
        }
    }

    void exit() {
        nesting--;
    }

    /** In a type argument list, reads {@code >=} as {@code >} followed by {@code =}: {@code List<Int>= [];}. */
    void splitGreaterEquals() {
        Token token = peek();
        if (token.kind() == TokenKind.GE) {
            tokens.set(index, new Token(TokenKind.GT, ">", token.pos(), null, token.flawed()));
            tokens.add(index + 1, new Token(TokenKind.ASSIGN, "=", token.pos().shifted(1, 1), null, false));
        }
    }

    /**
     * After an error in a statement that began at brace depth {@code depth}: skips past the next
     * {@code ;} of that depth, or to the {@code }} closing its block, a statement keyword of that
     * depth, or a token no body contains.
     */
    void syncStatement(int depth) {
        while (!atBodyBoundary()) {
            if (braceDepth <= depth) {
                if (at(TokenKind.SEMI)) {
                    skip();
                    return;
                }
                if (at(TokenKind.RBRACE) || atAny(STATEMENT_START)) {
                    return;
                }
            }
            skip();
        }
    }

    /** After an error in a member of a service body at depth {@code depth}: skips to the next member or its {@code }}. */
    void syncMember(int depth) {
        while (!atBodyBoundary() && !(at(TokenKind.RBRACE) && braceDepth <= depth)) {
            skip();
        }
    }

    /** After an error in a declaration: skips to the next declaration or import. */
    void syncDeclaration() {
        while (!at(TokenKind.EOF) && !atAny(DECLARATION_START)) {
            skip();
        }
    }
}
