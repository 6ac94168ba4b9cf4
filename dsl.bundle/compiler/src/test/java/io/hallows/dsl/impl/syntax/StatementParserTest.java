package io.hallows.dsl.impl.syntax;

import static io.hallows.dsl.impl.syntax.ParseHelper.sexp;
import static io.hallows.dsl.impl.syntax.ParseHelper.statement;
import static io.hallows.dsl.impl.syntax.ParseHelper.statements;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallows.dsl.impl.ast.Expr;
import io.hallows.dsl.impl.ast.Stmt;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatementParserTest {
    @Test
    void letAndVar() {
        Stmt.Let let = assertInstanceOf(Stmt.Let.class, statement("let total: Map<String, List<Int>> = {};"));
        assertFalse(let.mutable());
        assertEquals("total", let.name());
        assertEquals("Map", let.type().name());
        assertEquals("List", let.type().args().get(1).name());
        assertEquals("Int", let.type().args().get(1).args().getFirst().name());
        assertEquals("t.pt:4:1", let.pos().toString());
        Stmt.Let var = assertInstanceOf(Stmt.Let.class, statement("var n = 0;"));
        assertTrue(var.mutable());
        assertNull(var.type());
        assertEquals("0", sexp(var.init()));
        Stmt.Let split = assertInstanceOf(Stmt.Let.class, statement("let xs: List<Int>= [];"));
        assertEquals("[]", sexp(split.init()), "'>=' closes the type arguments and assigns");
    }

    @Test
    void assignmentsToVariablesAndFields() {
        Stmt.Assign assign = assertInstanceOf(Stmt.Assign.class, statement("cart.total = cart.total + 1;"));
        assertEquals("(. cart total)", sexp(assign.target()));
        assertEquals("(+ (. cart total) 1)", sexp(assign.value()));
        assertInstanceOf(Expr.Name.class, ((Stmt.Assign) statement("n = 1;")).target());
        Stmt.ExprStmt call = assertInstanceOf(Stmt.ExprStmt.class, statement("log(\"x\");"));
        assertEquals("(call log \"x\")", sexp(call.expr()));
    }

    @Test
    void ifElseIfElse() {
        Stmt.If stmt = assertInstanceOf(Stmt.If.class,
                statement("if a { x = 1; } else if b { x = 2; } else { x = 3; y = 4; }"));
        assertEquals("a", sexp(stmt.condition()));
        assertEquals(1, stmt.then().statements().size());
        Stmt.If elseIf = assertInstanceOf(Stmt.If.class, stmt.orElse().statements().getFirst());
        assertEquals(stmt.orElse().pos(), elseIf.pos(), "an else-if block is positioned at its 'if'");
        assertEquals("t.pt:4:22", elseIf.pos().toString());
        assertEquals(2, elseIf.orElse().statements().size());
        assertNull(((Stmt.If) statement("if a { }")).orElse());
    }

    @Test
    void forOverElementsAndEntries() {
        Stmt.For each = assertInstanceOf(Stmt.For.class, statement("for o in orders { n = n + o.qty; }"));
        assertEquals(List.of("o"), each.variables());
        assertEquals("orders", sexp(each.iterable()));
        Stmt.For entries = assertInstanceOf(Stmt.For.class, statement("for (sku, price) in prices { log(sku); }"));
        assertEquals(List.of("sku", "price"), entries.variables());
        assertEquals(1, entries.body().statements().size());
    }

    @Test
    void whileReturnRaise() {
        Stmt.While loop = assertInstanceOf(Stmt.While.class, statement("while n > 0 { n = n - 1; }"));
        assertEquals("(> n 0)", sexp(loop.condition()));
        List<Stmt> returns = statements("return;\nreturn n;");
        assertNull(((Stmt.Return) returns.get(0)).value());
        assertEquals("n", sexp(((Stmt.Return) returns.get(1)).value()));
        Stmt.Raise raise = assertInstanceOf(Stmt.Raise.class, statement("raise UnknownSku { sku: s, };"));
        assertEquals("UnknownSku", raise.error().text());
        assertEquals("t.pt:4:7", raise.error().pos().toString());
        assertEquals("sku", raise.fields().getFirst().name());
        assertEquals(0, ((Stmt.Raise) statement("raise Empty {};")).fields().size());
    }

    @Test
    void tryWithCatches() {
        Stmt.Try attempt = assertInstanceOf(Stmt.Try.class, statement(
                "try { x = f(); } catch UnknownSku e { x = 0; } catch OutOfStock e { x = -1; }"));
        assertEquals(1, attempt.body().statements().size());
        assertEquals(2, attempt.catches().size());
        Stmt.Catch second = attempt.catches().get(1);
        assertEquals("OutOfStock", second.errorType().text());
        assertEquals("e", second.variable());
        assertEquals("t.pt:4:48", second.pos().toString());
        assertEquals("(- 1)", sexp(((Stmt.Assign) second.body().statements().getFirst()).value()));
    }

    @Test
    void matchWithStatementAndBlockArms() {
        Stmt.Match match = assertInstanceOf(Stmt.Match.class, statement("""
                match prices.get(sku) {
                    some(p) => return p * qty;
                    none => { log("unknown"); return 0; }
                }"""));
        assertEquals("(.get prices sku)", sexp(match.subject()));
        assertEquals("p", match.binding());
        assertEquals(1, match.some().statements().size());
        assertEquals("t.pt:5:16", match.some().pos().toString(), "a single-statement arm is at its statement");
        assertEquals(2, match.none().statements().size());
        Stmt.Match nested = assertInstanceOf(Stmt.Match.class, statement(
                "match a { some(x) => match x { some(y) => log(y); none => log(0); } none => return; }"));
        assertInstanceOf(Stmt.Match.class, nested.some().statements().getFirst());
    }

    @Test
    void expressionStatementsMayStartWithAnyExpression() {
        assertEquals(3, statements("f();\n[1, 2].size();\n(a).b();").size());
    }
}
