package io.hallows.dsl.impl.syntax;

import io.hallows.dsl.impl.ast.Block;
import io.hallows.dsl.impl.ast.Expr;
import io.hallows.dsl.impl.ast.Ident;
import io.hallows.dsl.impl.ast.Position;
import io.hallows.dsl.impl.ast.Stmt;
import io.hallows.dsl.impl.ast.TypeRef;
import io.hallows.dsl.impl.syntax.TokenCursor.ParseError;
import java.util.ArrayList;
import java.util.List;

/** Blocks and statements; a statement with a syntax error is left out of its block and parsing goes on. */
final class StatementParser {
    private final TokenCursor in;
    private final TypeParser types;
    private final ExpressionParser expressions;

    StatementParser(TokenCursor in, TypeParser types, ExpressionParser expressions) {
        this.in = in;
        this.types = types;
        this.expressions = expressions;
    }

    /**
     * {@code "{" { statement } "}"}. A block missing its {@code }} ends at the next member or
     * declaration (which no block can contain) with one diagnostic, and the enclosing construct is kept.
     *
     * @param what what the message says is expected when the {@code {} is missing, e.g.
     *             {@code "'{' after 'try'"}
     */
    Block block(String what) {
        return block(what, false);
    }

    /**
     * @param thenOfIf the block is the body of an {@code if}: an {@code else} inside it shows that
     *                 its {@code }} is missing, and ends it (one diagnostic, the else is parsed)
     */
    private Block block(String what, boolean thenOfIf) {
        Token open = in.expectOpeningBrace(what, in.atAny(TokenCursor.STATEMENT_START)
                || in.atAny(TokenCursor.EXPRESSION_START) || in.at(TokenKind.RBRACE));
        int depth = in.braceDepth();
        List<Stmt> statements = new ArrayList<>();
        while (!in.at(TokenKind.RBRACE) && !in.atBodyBoundary() && !(thenOfIf && in.at(TokenKind.ELSE))) {
            int start = in.index();
            try {
                statements.add(statement());
            } catch (ParseError e) {
                in.syncStatement(depth);
            }
            if (in.index() == start) {
                in.skip();
            }
        }
        if (!in.acceptClosingBrace()) {
            in.report(in.expectedAt(), SyntaxCode.EXPECTED_TOKEN, "expected '}' to close the block opened at "
                    + open.pos().line() + ":" + open.pos().column() + ", found " + in.peek().describe());
            in.closeVirtually(TokenKind.RBRACE);
        }
        return new Block(open.pos(), statements);
    }

    Stmt statement() {
        in.enter();
        try {
            return switch (in.peek().kind()) {
                case LET, VAR -> let();
                case IF -> ifStatement();
                case FOR -> forStatement();
                case WHILE -> whileStatement();
                case RETURN -> returnStatement();
                case RAISE -> raise();
                case TRY -> tryStatement();
                case MATCH -> match();
                default -> expressionOrAssignment();
            };
        } finally {
            in.exit();
        }
    }

    private Stmt let() {
        Token keyword = in.advance();
        Token name = in.expectName("a variable name after '" + keyword.text() + "'");
        TypeRef type = in.accept(TokenKind.COLON) ? types.type("a type after ':'") : null;
        in.expect(TokenKind.ASSIGN, "and an initial value for '" + name.text() + "'");
        Expr init = expressions.expression();
        in.expectSemicolon("after the statement");
        return new Stmt.Let(keyword.pos(), keyword.kind() == TokenKind.VAR, name.text(), type, init);
    }

    private Stmt ifStatement() {
        Position pos = in.advance().pos();
        Expr condition = expressions.condition();
        Block then = conditionBlock("if");
        Block orElse = null;
        if (in.accept(TokenKind.ELSE)) {
            if (in.at(TokenKind.IF)) {
                Stmt elseIf = ifStatement();
                orElse = new Block(elseIf.pos(), List.of(elseIf));
            } else {
                orElse = block("'{' or 'if' after 'else'");
            }
        }
        return new Stmt.If(pos, condition, then, orElse);
    }

    private Stmt forStatement() {
        Position pos = in.advance().pos();
        List<String> variables = loopVariables();
        Expr iterable = expressions.condition();
        return new Stmt.For(pos, variables, iterable, conditionBlock("for"));
    }

    /** After {@code for}: {@code x in} or {@code (k, v) in}; the loop variables (a template's {@code for} too). */
    List<String> loopVariables() {
        List<String> variables = new ArrayList<>();
        if (in.accept(TokenKind.LPAREN)) {
            variables.add(in.expectName("a key variable after 'for ('").text());
            in.expect(TokenKind.COMMA, "between the key and the value variable");
            variables.add(in.expectName("a value variable").text());
            in.expect(TokenKind.RPAREN, "after the value variable");
        } else {
            variables.add(in.expectName("a loop variable after 'for'").text());
        }
        in.expect(TokenKind.IN, "after the loop variable");
        return variables;
    }

    private Stmt whileStatement() {
        Position pos = in.advance().pos();
        Expr condition = expressions.condition();
        return new Stmt.While(pos, condition, conditionBlock("while"));
    }

    /** The block after a condition; {@code if x = 1 {} gets a hint that comparison is {@code ==}. */
    private Block conditionBlock(String keyword) {
        if (in.at(TokenKind.ASSIGN)) {
            throw in.error(in.peek().pos(), SyntaxCode.EXPECTED_TOKEN,
                    "expected '{' after the condition of '" + keyword + "', found '=' (comparison is '==')");
        }
        return block("'{' after the condition of '" + keyword + "'", keyword.equals("if"));
    }

    private Stmt returnStatement() {
        Position pos = in.advance().pos();
        Expr value = startsExpression() ? expressions.expression() : null;
        in.expectSemicolon("after the statement");
        return new Stmt.Return(pos, value);
    }

    private Stmt raise() {
        Position pos = in.advance().pos();
        Token error = in.expectName("an error type after 'raise'");
        var fields = expressions.fieldInits("error '" + error.text() + "'");
        in.expectSemicolon("after the statement");
        return new Stmt.Raise(pos, new Ident(error.pos(), error.text()), fields);
    }

    private Stmt tryStatement() {
        Position pos = in.advance().pos();
        Block body = block("'{' after 'try'");
        List<Stmt.Catch> catches = new ArrayList<>();
        do {
            Token keyword = catches.isEmpty() ? in.expect(TokenKind.CATCH, "after the block of 'try'") : in.advance();
            Token type = in.expectName("an error type after 'catch'");
            Token variable = in.expectName("a variable name for the caught '" + type.text() + "'");
            Block handler = block("'{' after 'catch " + type.text() + " " + variable.text() + "'");
            catches.add(new Stmt.Catch(keyword.pos(), new Ident(type.pos(), type.text()), variable.text(), handler));
        } while (in.at(TokenKind.CATCH));
        return new Stmt.Try(pos, body, catches);
    }

    /** {@code match e { some(x) => arm none => arm }}: the {@code some} arm first, then {@code none}. */
    private Stmt match() {
        Position pos = in.advance().pos();
        Expr subject = expressions.condition();
        in.expectOpeningBrace("'{' after the subject of 'match'", in.at(TokenKind.SOME) || in.at(TokenKind.NONE));
        in.expect(TokenKind.SOME, "for the first arm of the match, 'some(x) =>'");
        in.expect(TokenKind.LPAREN, "after 'some'");
        String binding = in.expectName("a name for the value in 'some(...)'").text();
        in.expect(TokenKind.RPAREN, "after the name in 'some(" + binding + "'");
        in.expect(TokenKind.ARROW, "after 'some(" + binding + ")'");
        Block some = arm();
        in.expect(TokenKind.NONE, "for the second arm of the match, 'none =>'");
        in.expect(TokenKind.ARROW, "after 'none'");
        Block none = arm();
        in.expect(TokenKind.RBRACE, "to close the match");
        return new Stmt.Match(pos, subject, binding, some, none);
    }

    private Block arm() {
        if (in.at(TokenKind.LBRACE)) {
            return block("'{'");
        }
        Stmt statement = statement();
        return new Block(statement.pos(), List.of(statement));
    }

    private Stmt expressionOrAssignment() {
        if (!startsExpression()) {
            String hint = switch (in.peek().kind()) {
                case ELSE -> " ('else' follows the block of an 'if')";
                case CATCH -> " ('catch' follows the block of a 'try')";
                case SEMI -> " (there are no empty statements)";
                default -> "";
            };
            throw in.error(in.peek().pos(), SyntaxCode.EXPECTED_STATEMENT,
                    "expected a statement, found " + in.peek().describe() + hint);
        }
        Expr expr = expressions.expression();
        if (in.at(TokenKind.ASSIGN)) {
            if (!isAssignable(expr)) {
                throw in.error(expr.pos(), SyntaxCode.INVALID_ASSIGNMENT_TARGET,
                        "cannot assign to this expression; the left side of '=' is a variable or a field (x or x.f)");
            }
            in.advance();
            Expr value = expressions.expression();
            in.expectSemicolon("after the statement");
            return new Stmt.Assign(expr.pos(), expr, value);
        }
        in.expectSemicolon("after the statement");
        return new Stmt.ExprStmt(expr.pos(), expr);
    }

    private boolean startsExpression() {
        return in.atAny(TokenCursor.EXPRESSION_START);
    }

    private static boolean isAssignable(Expr expr) {
        return switch (expr) {
            case Expr.Name name -> true;
            case Expr.FieldAccess access -> isAssignable(access.receiver());
            default -> false;
        };
    }
}
