package io.hallows.dsl.impl.syntax;

import io.hallows.dsl.impl.ast.Expr;
import io.hallows.dsl.impl.ast.Expr.BinaryOp;
import io.hallows.dsl.impl.ast.FieldInit;
import io.hallows.dsl.impl.ast.MapEntry;
import io.hallows.dsl.impl.ast.Position;
import java.util.List;
import java.util.function.Supplier;

/**
 * Expressions, one method per precedence level of the grammar: {@code or}, {@code and},
 * {@code not}, comparison (not chained), additive, multiplicative, unary minus, postfix, primary.
 *
 * <p>In the condition of {@code if}, {@code while}, {@code for} and {@code match}, {@code Name {}
 * opens the block, not a model literal (as in Rust); inside parentheses, brackets, braces and
 * argument lists model literals are allowed again.
 */
final class ExpressionParser {
    private final TokenCursor in;
    private final TypeParser lists;
    private boolean inCondition;

    ExpressionParser(TokenCursor in, TypeParser lists) {
        this.in = in;
        this.lists = lists;
    }

    Expr expression() {
        in.enter();
        try {
            return or();
        } finally {
            in.exit();
        }
    }

    /** An expression in condition position, where {@code Name {} is not a model literal. */
    Expr condition() {
        return withCondition(true, this::expression);
    }

    /** {@code "{" [ IDENT ":" expr { "," IDENT ":" expr } [ "," ] ] "}"}, the braces included. */
    List<FieldInit> fieldInits(String owner) {
        in.expect(TokenKind.LBRACE, "to start the fields of " + owner);
        return withCondition(false, () -> lists.commaList(TokenKind.RBRACE, true, "fields of " + owner, () -> {
            var name = in.expectName("a field name");
            in.expect(TokenKind.COLON, "after the field name '" + name.text() + "'");
            return new FieldInit(name.pos(), name.text(), expression());
        }));
    }

    private <T> T withCondition(boolean condition, Supplier<T> parse) {
        boolean saved = inCondition;
        inCondition = condition;
        try {
            return parse.get();
        } finally {
            inCondition = saved;
        }
    }

    private Expr or() {
        Expr left = and();
        while (in.at(TokenKind.OR)) {
            Position op = in.advance().pos();
            left = new Expr.Binary(left.pos(), BinaryOp.OR, op, left, and());
        }
        return left;
    }

    private Expr and() {
        Expr left = not();
        while (in.at(TokenKind.AND)) {
            Position op = in.advance().pos();
            left = new Expr.Binary(left.pos(), BinaryOp.AND, op, left, not());
        }
        return left;
    }

    private Expr not() {
        if (!in.at(TokenKind.NOT)) {
            return comparison();
        }
        Position op = in.advance().pos();
        in.enter();
        try {
            return new Expr.Unary(op, Expr.UnaryOp.NOT, not());
        } finally {
            in.exit();
        }
    }

    private Expr comparison() {
        Expr left = additive();
        BinaryOp op = comparisonOp();
        if (op == null) {
            return left;
        }
        Token opToken = in.advance();
        Expr result = new Expr.Binary(left.pos(), op, opToken.pos(), left, additive());
        if (comparisonOp() != null) {
            throw in.error(in.peek().pos(), SyntaxCode.CHAINED_COMPARISON, "comparisons do not chain: found '"
                    + in.peek().text() + "' after '" + opToken.text() + "'; combine two comparisons with 'and'");
        }
        return result;
    }

    private BinaryOp comparisonOp() {
        return switch (in.peek().kind()) {
            case EQ -> BinaryOp.EQ;
            case NE -> BinaryOp.NE;
            case LT -> BinaryOp.LT;
            case LE -> BinaryOp.LE;
            case GT -> BinaryOp.GT;
            case GE -> BinaryOp.GE;
            default -> null;
        };
    }

    private Expr additive() {
        Expr left = multiplicative();
        while (in.at(TokenKind.PLUS) || in.at(TokenKind.MINUS)) {
            Token op = in.advance();
            BinaryOp kind = op.kind() == TokenKind.PLUS ? BinaryOp.ADD : BinaryOp.SUB;
            left = new Expr.Binary(left.pos(), kind, op.pos(), left, multiplicative());
        }
        return left;
    }

    private Expr multiplicative() {
        Expr left = unary();
        while (in.at(TokenKind.STAR) || in.at(TokenKind.SLASH) || in.at(TokenKind.PERCENT)) {
            Token op = in.advance();
            BinaryOp kind = switch (op.kind()) {
                case STAR -> BinaryOp.MUL;
                case SLASH -> BinaryOp.DIV;
                default -> BinaryOp.MOD;
            };
            left = new Expr.Binary(left.pos(), kind, op.pos(), left, unary());
        }
        return left;
    }

    private Expr unary() {
        if (!in.at(TokenKind.MINUS)) {
            return postfix();
        }
        Position op = in.advance().pos();
        in.enter();
        try {
            return new Expr.Unary(op, Expr.UnaryOp.NEG, unary());
        } finally {
            in.exit();
        }
    }

    private Expr postfix() {
        Expr expr = primary();
        while (true) {
            if (in.accept(TokenKind.DOT)) {
                Token name = in.expectName("a field or method name after '.'");
                if (in.accept(TokenKind.LPAREN)) {
                    expr = new Expr.MethodCall(expr.pos(), expr, name.text(), name.pos(), args());
                } else {
                    expr = new Expr.FieldAccess(expr.pos(), expr, name.text(), name.pos());
                }
            } else if (in.accept(TokenKind.LPAREN)) {
                expr = new Expr.Call(expr.pos(), expr, args());
            } else if (in.accept(TokenKind.LBRACKET)) {
                Expr index = withCondition(false, this::expression);
                in.expect(TokenKind.RBRACKET, "to close the index");
                expr = new Expr.Index(expr.pos(), expr, index);
            } else {
                return expr;
            }
        }
    }

    private List<Expr> args() {
        return withCondition(false, () -> lists.commaList(TokenKind.RPAREN, false, "argument list", this::expression));
    }

    private Expr primary() {
        Token token = in.peek();
        Position pos = token.pos();
        switch (token.kind()) {
            case INT -> {
                return new Expr.IntLit(pos, (Long) in.advance().value());
            }
            case FLOAT -> {
                return new Expr.FloatLit(pos, (Double) in.advance().value());
            }
            case STRING -> {
                return new Expr.StringLit(pos, (String) in.advance().value());
            }
            case TRUE, FALSE -> {
                return new Expr.BoolLit(pos, in.advance().kind() == TokenKind.TRUE);
            }
            case NONE -> {
                in.advance();
                return new Expr.NoneLit(pos);
            }
            case SOME -> {
                in.advance();
                in.expect(TokenKind.LPAREN, "after 'some'");
                Expr value = withCondition(false, this::expression);
                in.expect(TokenKind.RPAREN, "to close 'some('");
                return new Expr.SomeExpr(pos, value);
            }
            case IDENT -> {
                return nameOrModelLiteral();
            }
            case LBRACKET -> {
                in.advance();
                return new Expr.ListLiteral(pos, withCondition(false,
                        () -> lists.commaList(TokenKind.RBRACKET, true, "list", this::expression)));
            }
            case LBRACE -> {
                in.advance();
                return new Expr.MapLiteral(pos, withCondition(false,
                        () -> lists.commaList(TokenKind.RBRACE, true, "map", this::entry)));
            }
            case LPAREN -> {
                in.advance();
                Expr inner = withCondition(false, this::expression);
                in.expect(TokenKind.RPAREN, "to close '('");
                return inner;
            }
            default -> throw missingExpression();
        }
    }

    private Expr nameOrModelLiteral() {
        Token name = in.advance();
        if (name.text().equals("sql") && in.at(TokenKind.LT) && in.peek(1).kind() == TokenKind.IDENT
                && in.peek(2).kind() == TokenKind.GT && in.peek(3).kind() == TokenKind.LPAREN) {
            in.advance();
            io.hallows.dsl.impl.ast.TypeRef type = lists.type("the row type of sql<…>");
            in.expect(TokenKind.GT, "to close sql<…>");
            in.expect(TokenKind.LPAREN, "after sql<…>");
            return new Expr.SqlQuery(name.pos(), type, args());
        }
        if (!in.at(TokenKind.LBRACE)) {
            return new Expr.Name(name.pos(), name.text());
        }
        if (inCondition) {
            boolean looksLikeLiteral = in.peek(1).kind() == TokenKind.IDENT && in.peek(2).kind() == TokenKind.COLON;
            if (!looksLikeLiteral) {
                return new Expr.Name(name.pos(), name.text());
            }
            in.report(name.pos(), SyntaxCode.MODEL_LITERAL_IN_CONDITION, "a model literal in a condition must be"
                    + " written in parentheses: (" + name.text() + " { ... })");
        }
        return new Expr.ModelLiteral(name.pos(), name.text(), fieldInits("model '" + name.text() + "'"));
    }

    private MapEntry entry() {
        Expr key = expression();
        in.expect(TokenKind.COLON, "between the key and the value of a map entry");
        return new MapEntry(key.pos(), key, expression());
    }

    private TokenCursor.ParseError missingExpression() {
        Token found = in.peek();
        Token before = in.index() > 0 ? in.previous() : null;
        if (found.kind() == TokenKind.ASSIGN && before != null
                && (before.kind() == TokenKind.PLUS || before.kind() == TokenKind.MINUS
                        || before.kind() == TokenKind.STAR || before.kind() == TokenKind.SLASH)) {
            return in.error(before.pos(), SyntaxCode.EXPECTED_EXPRESSION, "there is no '" + before.text()
                    + "=' operator; write x = x " + before.text() + " y");
        }
        return in.error(in.expectedAt(), SyntaxCode.EXPECTED_EXPRESSION, "expected an expression, found "
                + found.describe());
    }
}
