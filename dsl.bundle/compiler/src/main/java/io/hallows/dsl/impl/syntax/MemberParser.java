package io.hallows.dsl.impl.syntax;

import io.hallows.dsl.impl.ast.Block;
import io.hallows.dsl.impl.ast.Expr;
import io.hallows.dsl.impl.ast.Hint;
import io.hallows.dsl.impl.ast.Ident;
import io.hallows.dsl.impl.ast.Member;
import io.hallows.dsl.impl.ast.Member.VarKind;
import io.hallows.dsl.impl.ast.Param;
import io.hallows.dsl.impl.ast.Position;
import io.hallows.dsl.impl.ast.TypeRef;
import java.util.ArrayList;
import java.util.List;

/** The members of a service: state, derived values, subscriptions, and operations with their hints. */
final class MemberParser {
    private final TokenCursor in;
    private final TypeParser types;
    private final ExpressionParser expressions;
    private final StatementParser statements;

    MemberParser(TokenCursor in, TypeParser types, ExpressionParser expressions, StatementParser statements) {
        this.in = in;
        this.types = types;
        this.expressions = expressions;
        this.statements = statements;
    }

    Member member() {
        List<Hint> hints = hints();
        Token token = in.peek();
        if (!hints.isEmpty() && token.kind() != TokenKind.OP) {
            in.report(hints.getFirst().pos(), SyntaxCode.MISPLACED_HINT, "a hint applies to an operation, but '@"
                    + hints.getFirst().name() + "(...)' is followed by " + token.describe());
        }
        if (token.kind() == TokenKind.IDENT && token.text().equals(TemplateParser.KEYWORD)) {
            return new TemplateParser(in, this, expressions, statements).template();
        }
        return switch (token.kind()) {
            case OP -> operation(hints);
            case LET_COW_VAR -> state(VarKind.COW);
            case LET_MUT_SHARED_VAR -> state(VarKind.MUT_SHARED);
            case LET_REACTIVE_VAR -> state(VarKind.REACTIVE);
            case DERIVED -> derived();
            case ON -> subscription();
            case LET, VAR -> throw in.error(token.pos(), SyntaxCode.EXPECTED_MEMBER, "expected a service member,"
                    + " found " + token.describe() + "; service state is declared with let_cow_var,"
                    + " let_mut_shared_var or let_reactive_var");
            default -> throw in.error(token.pos(), SyntaxCode.EXPECTED_MEMBER, "expected a service member ('op',"
                    + " 'template', 'let_cow_var', 'let_mut_shared_var', 'let_reactive_var', 'derived', 'on' or a hint),"
                    + " found " + token.describe() + (afterClosingBrace() ? " (is there one '}' too many above?)" : ""));
        };
    }

    /** After a {@code }}, at what looks like a statement: the brace probably closed the operation too early. */
    private boolean afterClosingBrace() {
        return in.index() > 0 && in.previous().kind() == TokenKind.RBRACE
                && (in.atAny(TokenCursor.STATEMENT_START) || in.at(TokenKind.ELSE) || in.at(TokenKind.IDENT));
    }

    /** The hints before a member or declaration, in order: none when it starts otherwise. */
    List<Hint> hints() {
        List<Hint> hints = new ArrayList<>();
        while (in.at(TokenKind.AT)) {
            hints.add(hint());
        }
        return hints;
    }

    /** {@code "@" IDENT "(" expr ")"} */
    private Hint hint() {
        Position pos = in.advance().pos();
        Token name = in.expectName("a hint name after '@'");
        in.expect(TokenKind.LPAREN, "after the hint name '" + name.text() + "'");
        Expr value = expressions.expression();
        in.expect(TokenKind.RPAREN, "to close the hint '@" + name.text() + "('");
        return new Hint(pos, name.text(), value);
    }

    private Member operation(List<Hint> hints) {
        Token keyword = in.advance();
        Token name = in.expectName("an operation name after 'op'");
        in.expect(TokenKind.LPAREN, "after the operation name '" + name.text() + "'");
        List<Param> params = parameters();
        if (in.at(TokenKind.IDENT)) {
            throw in.expected("':' before the result type");
        }
        TypeRef returnType = in.accept(TokenKind.COLON) ? types.type("a result type after ':'") : null;
        List<Ident> raises = new ArrayList<>();
        if (in.accept(TokenKind.RAISES)) {
            do {
                Token error = in.expectName("an error type after 'raises'");
                raises.add(new Ident(error.pos(), error.text()));
            } while (in.accept(TokenKind.COMMA));
        }
        Block body = statements.block("'{' to start the body of op '" + name.text() + "'");
        Position pos = hints.isEmpty() ? keyword.pos() : hints.getFirst().pos();
        return new Member.Operation(pos, hints, name.text(), params, returnType, raises, body);
    }

    /** {@code name: Type, ...)}: the parameters after the {@code (} of an operation or template, and the {@code )}. */
    List<Param> parameters() {
        return types.commaList(TokenKind.RPAREN, false, "parameter list", () -> {
            Token param = in.expectName("a parameter name");
            in.expect(TokenKind.COLON, "and a type after the parameter name '" + param.text() + "'");
            return new Param(param.pos(), param.text(), types.type("a type"));
        });
    }

    private Member state(VarKind kind) {
        Token keyword = in.advance();
        Token name = in.expectName("a variable name after '" + keyword.text() + "'");
        TypeRef type = typeAnnotation(name);
        Expr init = initialValue(name);
        return new Member.StateVar(keyword.pos(), kind, name.text(), type, init);
    }

    private Member derived() {
        Token keyword = in.advance();
        Token name = in.expectName("a name after 'derived'");
        TypeRef type = typeAnnotation(name);
        return new Member.Derived(keyword.pos(), name.text(), type, initialValue(name));
    }

    private TypeRef typeAnnotation(Token name) {
        in.expect(TokenKind.COLON, "and the type of '" + name.text() + "'");
        return types.type("a type after ':'");
    }

    private Expr initialValue(Token name) {
        in.expect(TokenKind.ASSIGN, "and a value for '" + name.text() + "'");
        Expr value = expressions.expression();
        in.expectSemicolon("after the declaration of '" + name.text() + "'");
        return value;
    }

    private Member subscription() {
        Position pos = in.advance().pos();
        Token variable = in.expectName("a reactive variable after 'on'");
        in.expect(TokenKind.CHANGED, "after 'on " + variable.text() + "'");
        Block body = statements.block("'{' after 'on " + variable.text() + " changed'");
        return new Member.Subscription(pos, new Ident(variable.pos(), variable.text()), body);
    }
}
