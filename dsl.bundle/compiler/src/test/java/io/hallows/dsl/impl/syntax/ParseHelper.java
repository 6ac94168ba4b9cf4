package io.hallows.dsl.impl.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hallows.dsl.api.Diagnostic;
import io.hallows.dsl.impl.ast.Decl;
import io.hallows.dsl.impl.ast.Expr;
import io.hallows.dsl.impl.ast.Member;
import io.hallows.dsl.impl.ast.ModuleDecl;
import io.hallows.dsl.impl.ast.Stmt;
import java.util.List;

/** Parses fragments inside a minimal module and hands back the node under test. */
final class ParseHelper {
    static final String HEADER = "module t version \"1\";\n";

    private ParseHelper() {
    }

    /** Parses a whole file that must have no diagnostics. */
    static ModuleDecl module(String source) {
        ParseResult result = Parser.parse("t.pt", source);
        assertEquals(List.of(), result.diagnostics().stream().map(Diagnostic::format).toList());
        return result.module();
    }

    /** The diagnostics of a whole file, formatted. */
    static List<String> errors(String source) {
        return Parser.parse("t.pt", source).diagnostics().stream().map(Diagnostic::format).toList();
    }

    /** The diagnostics of statements in an operation body, formatted. */
    static List<String> bodyErrors(String statements) {
        return errors(HEADER + "service S {\nop f() {\n" + statements + "\n}\n}\n");
    }

    static Member member(String source) {
        Decl.ServiceDecl service = (Decl.ServiceDecl) module(HEADER + "service S {\n" + source + "\n}\n")
                .declarations().getFirst();
        assertEquals(1, service.members().size());
        return service.members().getFirst();
    }

    /** The statements of an operation body; they start on line 4. */
    static List<Stmt> statements(String source) {
        return ((Member.Operation) member("op f() {\n" + source + "\n}")).body().statements();
    }

    static Stmt statement(String source) {
        List<Stmt> statements = statements(source);
        assertEquals(1, statements.size());
        return statements.getFirst();
    }

    /** An expression, parsed as {@code return <source>;} at line 4, column 8. */
    static Expr expr(String source) {
        return ((Stmt.Return) statement("return " + source + ";")).value();
    }

    /** The expression in a compact prefix form: {@code (+ a (* b c))}, names bare, literals as written. */
    static String sexp(Expr expr) {
        return switch (expr) {
            case Expr.IntLit e -> Long.toString(e.value());
            case Expr.FloatLit e -> Double.toString(e.value());
            case Expr.StringLit e -> '"' + e.value() + '"';
            case Expr.BoolLit e -> Boolean.toString(e.value());
            case Expr.NoneLit e -> "none";
            case Expr.SomeExpr e -> "(some " + sexp(e.value()) + ")";
            case Expr.Name e -> e.name();
            case Expr.ModelLiteral e -> e.type() + "{" + String.join(" ", e.fields().stream()
                    .map(f -> f.name() + ":" + sexp(f.value())).toList()) + "}";
            case Expr.ListLiteral e -> "[" + String.join(" ", e.elements().stream().map(ParseHelper::sexp).toList()) + "]";
            case Expr.MapLiteral e -> "{" + String.join(" ", e.entries().stream()
                    .map(en -> sexp(en.key()) + ":" + sexp(en.value())).toList()) + "}";
            case Expr.Binary e -> "(" + e.op().symbol() + " " + sexp(e.left()) + " " + sexp(e.right()) + ")";
            case Expr.Unary e -> "(" + (e.op() == Expr.UnaryOp.NEG ? "-" : "not") + " " + sexp(e.operand()) + ")";
            case Expr.Call e -> "(call " + sexp(e.callee()) + args(e.args()) + ")";
            case Expr.FieldAccess e -> "(. " + sexp(e.receiver()) + " " + e.name() + ")";
            case Expr.MethodCall e -> "(." + e.name() + " " + sexp(e.receiver()) + args(e.args()) + ")";
            case Expr.Index e -> "([] " + sexp(e.target()) + " " + sexp(e.index()) + ")";
            case Expr.SqlQuery e -> "(sql<" + e.type().name() + ">" + args(e.args()) + ")";
        };
    }

    private static String args(List<Expr> args) {
        return args.stream().map(a -> " " + sexp(a)).reduce("", String::concat);
    }
}
