package io.hallows.dsl.impl.syntax;

import io.hallows.dsl.impl.ast.Block;
import io.hallows.dsl.impl.ast.Expr;
import io.hallows.dsl.impl.ast.Hint;
import io.hallows.dsl.impl.ast.Member;
import io.hallows.dsl.impl.ast.Param;
import io.hallows.dsl.impl.ast.Position;
import io.hallows.dsl.impl.ast.Stmt;
import io.hallows.dsl.impl.ast.TypeRef;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code template page(items: List<Product>) { "<ul>" for p in items { "<li>" {p.name} "</li>" } "</ul>" }}.
 * {@code template} is a keyword only at the start of a member, so programs naming a variable
 * {@code template} keep working.
 *
 * <p>A template is parsed into an operation returning {@code Html}, marked with the hint
 * {@value #HINT} (which no program can write: {@code $} is not a name character), whose body calls
 * three built-ins no program can name either: {@value #MARKUP} appends a string literal as it is,
 * {@value #TEXT} appends a value HTML-escaped (an {@code Html} value as it is), and the final
 * {@code return} {@value #RESULT}{@code ()} makes the page. {@code for} and {@code if} stay
 * statements, so the checker and the generator treat a template as any other operation.
 */
public final class TemplateParser {
    /** The word that starts a template. */
    public static final String KEYWORD = "template";
    /** The hint marking an operation that is a template. */
    public static final String HINT = "$template";
    /** Appends trusted markup (a string literal of the template). */
    public static final String MARKUP = "$markup";
    /** Appends a value, escaped. */
    public static final String TEXT = "$text";
    /** The page written so far, as Html. */
    public static final String RESULT = "$html";

    private final TokenCursor in;
    private final MemberParser members;
    private final ExpressionParser expressions;
    private final StatementParser statements;

    TemplateParser(TokenCursor in, MemberParser members, ExpressionParser expressions, StatementParser statements) {
        this.in = in;
        this.members = members;
        this.expressions = expressions;
        this.statements = statements;
    }

    /** Whether {@code op} is a template (parsed here). */
    public static boolean isTemplate(Member.Operation op) {
        return !op.hints().isEmpty() && op.hints().getFirst().name().equals(HINT);
    }

    Member.Operation template() {
        Position pos = in.advance().pos();
        Token name = in.expectName("a template name after 'template'");
        in.expect(TokenKind.LPAREN, "after the template name '" + name.text() + "'");
        List<Param> params = members.parameters();
        if (in.at(TokenKind.COLON)) {
            throw in.error(in.peek().pos(), SyntaxCode.EXPECTED_TOKEN, "a template has no result type: it makes Html");
        }
        List<Stmt> body = new ArrayList<>(items("to start the body of template '" + name.text() + "'"));
        body.add(new Stmt.Return(pos, call(pos, RESULT, List.of())));
        Hint marker = new Hint(pos, HINT, new Expr.BoolLit(pos, true));
        return new Member.Operation(pos, List.of(marker), name.text(), params, new TypeRef(pos, "Html", List.of()), List.of(),
                new Block(pos, body));
    }

    /** {@code "{" { item } "}"} */
    private List<Stmt> items(String context) {
        in.expect(TokenKind.LBRACE, context);
        List<Stmt> items = new ArrayList<>();
        while (!in.at(TokenKind.RBRACE)) {
            if (in.at(TokenKind.EOF) || in.atAny(TokenCursor.MEMBER_START) || in.atAny(TokenCursor.DECLARATION_START)) {
                throw in.expected("'}' to close the template block");
            }
            items.add(item());
        }
        in.expect(TokenKind.RBRACE, "");
        return items;
    }

    private Block block(Position pos, String context) {
        return new Block(pos, items(context));
    }

    private Stmt item() {
        Token t = in.peek();
        switch (t.kind()) {
            case STRING -> {
                in.advance();
                return new Stmt.ExprStmt(t.pos(), call(t.pos(), MARKUP, List.of(new Expr.StringLit(t.pos(), (String) t.value()))));
            }
            case LBRACE -> {
                in.advance();
                Expr value = expressions.expression();
                in.expect(TokenKind.RBRACE, "to close '{' of the value at " + t.pos().line() + ":" + t.pos().column());
                return new Stmt.ExprStmt(t.pos(), call(t.pos(), TEXT, List.of(value)));
            }
            case FOR -> {
                return forItem();
            }
            case IF -> {
                return ifItem();
            }
            default -> throw in.error(t.pos(), SyntaxCode.EXPECTED_TOKEN, "expected template content (a string of markup,"
                    + " {value}, 'for' or 'if'), found " + t.describe());
        }
    }

    private Stmt forItem() {
        Position pos = in.advance().pos();
        List<String> variables = statements.loopVariables();
        Expr iterable = expressions.condition();
        return new Stmt.For(pos, variables, iterable, block(pos, "to start the body of 'for'"));
    }

    private Stmt ifItem() {
        Position pos = in.advance().pos();
        Expr condition = expressions.condition();
        Block then = block(pos, "to start the body of 'if'");
        Block orElse = null;
        if (in.accept(TokenKind.ELSE)) {
            if (in.at(TokenKind.IF)) {
                Stmt elseIf = ifItem();
                orElse = new Block(elseIf.pos(), List.of(elseIf));
            } else {
                orElse = block(pos, "or 'if' after 'else'");
            }
        }
        return new Stmt.If(pos, condition, then, orElse);
    }

    private static Expr call(Position pos, String builtin, List<Expr> args) {
        return new Expr.Call(pos, new Expr.Name(pos, builtin), args);
    }
}
