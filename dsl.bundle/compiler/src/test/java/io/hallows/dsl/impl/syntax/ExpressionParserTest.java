package io.hallows.dsl.impl.syntax;

import static io.hallows.dsl.impl.syntax.ParseHelper.bodyErrors;
import static io.hallows.dsl.impl.syntax.ParseHelper.expr;
import static io.hallows.dsl.impl.syntax.ParseHelper.sexp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.hallows.dsl.impl.ast.Expr;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ExpressionParserTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a or b and c                 | (or a (and b c))
            a and b or c and d           | (or (and a b) (and c d))
            a or b or c                  | (or (or a b) c)
            not a and b                  | (and (not a) b)
            not not a                    | (not (not a))
            not a == b                   | (not (== a b))
            a + 1 < b * 2                | (< (+ a 1) (* b 2))
            a == b and c != d            | (and (== a b) (!= c d))
            a <= b or a >= c             | (or (<= a b) (>= a c))
            1 + 2 * 3 - 4                | (- (+ 1 (* 2 3)) 4)
            a - b - c                    | (- (- a b) c)
            a / b % c * d                | (* (% (/ a b) c) d)
            -a * b                       | (* (- a) b)
            - -a                         | (- (- a))
            -a.b                         | (- (. a b))
            (a + b) * c                  | (* (+ a b) c)
            a.b.c                        | (. (. a b) c)
            a.b(1, 2).c                  | (. (.b a 1 2) c)
            f(x)(y)                      | (call (call f x) y)
            f()                          | (call f)
            xs[0][i + 1]                 | ([] ([] xs 0) (+ i 1))
            m.get(k).x[2]                | ([] (. (.get m k) x) 2)
            some(a + 1)                  | (some (+ a 1))
            none                         | none
            true or false                | (or true false)
            1.5e3 + 2.25                 | (+ 1500.0 2.25)
            "a\\tb"                      | "a\tb"
            [1, 2, 3,]                   | [1 2 3]
            []                           | []
            {}                           | {}
            {"a": 1, "b": 2,}            | {"a":1 "b":2}
            {k: [v]}                     | {k:[v]}
            Order { sku: "a", qty: 1, }  | Order{sku:"a" qty:1}
            Empty {}                     | Empty{}
            Line { sku: s }.qty * 2      | (* (. Line{sku:s} qty) 2)
            """)
    void precedenceAndShapes(String source, String expected) {
        assertEquals(expected, sexp(expr(source)));
    }

    @Test
    void literalValues() {
        assertEquals(9_223_372_036_854_775_807L, ((Expr.IntLit) expr("9_223_372_036_854_775_807")).value());
        assertEquals(0.5, ((Expr.FloatLit) expr("0.5")).value());
        assertEquals("é\u00e9", ((Expr.StringLit) expr("\"é\\u{e9}\"")).value());
        assertEquals(false, ((Expr.BoolLit) expr("false")).value());
    }

    @Test
    void positionsAreThoseOfTheFirstTokenWithOperatorAndNamePositions() {
        // "return " puts the expression at column 8 of line 4
        Expr.Binary sum = assertInstanceOf(Expr.Binary.class, expr("a  +  b.c(1)"));
        assertEquals("t.pt:4:8", sum.pos().toString());
        assertEquals("t.pt:4:11", sum.opPos().toString());
        Expr.MethodCall call = assertInstanceOf(Expr.MethodCall.class, sum.right());
        assertEquals("t.pt:4:14", call.pos().toString());
        assertEquals("t.pt:4:16", call.namePos().toString());
        assertEquals("t.pt:4:18", call.args().getFirst().pos().toString());
        Expr.Unary neg = assertInstanceOf(Expr.Unary.class, expr("-x"));
        assertEquals("t.pt:4:8", neg.pos().toString());
        assertEquals("t.pt:4:9", neg.operand().pos().toString());
        assertEquals("t.pt:4:9", expr("(a)").pos().toString(), "parentheses leave no node");
        Expr.MapLiteral map = assertInstanceOf(Expr.MapLiteral.class, expr("{ 1: 2 }"));
        assertEquals("t.pt:4:8", map.pos().toString());
        assertEquals("t.pt:4:10", map.entries().getFirst().pos().toString());
    }

    @Test
    void modelLiteralsInConditionsNeedParentheses() {
        assertEquals(List.of(), bodyErrors("if x == (Order { sku: s }) { return; }"));
        assertEquals(List.of(), bodyErrors("while ready { x = Order { sku: s }; }"));
        assertEquals(List.of(), bodyErrors("if f(Order { sku: s }) { return; }"),
                "arguments may hold model literals");
        assertEquals(List.of("t.pt:4:9: error[PT0217]: a model literal in a condition must be written in"
                + " parentheses: (Order { ... })"), bodyErrors("if x == Order { sku: s } { return; }"));
        assertEquals(List.of("t.pt:4:10: error[PT0217]: a model literal in a condition must be written in"
                + " parentheses: (Line { ... })"), bodyErrors("for l in Line { sku: s }.parts { log(l); }"));
    }

    @Test
    void comparisonsDoNotChain() {
        assertEquals(List.of("t.pt:4:14: error[PT0216]: comparisons do not chain: found '<=' after '<';"
                + " combine two comparisons with 'and'"), bodyErrors("return 0 < x <= 9;"));
    }

    @Test
    void missingExpressions() {
        assertEquals(List.of("t.pt:4:7: error[PT0211]: expected an expression, found ')'"), bodyErrors("f(1 + );"));
        assertEquals(List.of("t.pt:4:6: error[PT0210]: no trailing ',' allowed in the argument list, found ')'"),
                bodyErrors("f(1, );"));
        assertEquals(List.of("t.pt:4:9: error[PT0211]: expected an expression, found 'return'"),
                bodyErrors("let x = return 1;"));
        assertEquals(List.of("t.pt:4:3: error[PT0211]: there is no '-=' operator; write x = x - y"),
                bodyErrors("x -= 1;"));
    }

    @Test
    void nestingIsBounded() {
        String deep = "(".repeat(5000) + "1" + ")".repeat(5000);
        assertEquals(List.of("t.pt:4:207: error[PT0220]: nesting deeper than 200 levels; split the expression"
                + " or the block"), bodyErrors("return " + deep + ";"));
        assertEquals(1, bodyErrors("return " + "-".repeat(5000) + "1;").size());
        assertEquals(1, bodyErrors("return " + "not ".repeat(5000) + "a;").size());
        assertEquals(1, bodyErrors("if a { ".repeat(3000) + "}".repeat(3000)).size());
    }
}
