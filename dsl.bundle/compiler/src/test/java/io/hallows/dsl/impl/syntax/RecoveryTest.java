package io.hallows.dsl.impl.syntax;

import static io.hallows.dsl.impl.syntax.ParseHelper.HEADER;
import static io.hallows.dsl.impl.syntax.ParseHelper.bodyErrors;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.hallows.dsl.api.Diagnostic;
import io.hallows.dsl.impl.ast.Decl;
import io.hallows.dsl.impl.ast.Member;
import io.hallows.dsl.impl.ast.ModuleDecl;
import io.hallows.dsl.impl.ast.Stmt;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What survives a syntax error: one diagnostic per mistake, and the rest of the tree. */
class RecoveryTest {
    private static ParseResult parse(String source) {
        return Parser.parse("t.pt", source);
    }

    private static List<String> codes(ParseResult result) {
        return result.diagnostics().stream().map(Diagnostic::code).toList();
    }

    private static List<Member> members(ModuleDecl module) {
        return ((Decl.ServiceDecl) module.declarations().getFirst()).members();
    }

    @Test
    void aMissingSemicolonBeforeANewLineLosesNothing() {
        ParseResult result = parse(HEADER + "service S {\nop f(): Int {\nvar n = 1\nn = n + 1\nreturn n\n}\n}\n");
        assertEquals(List.of("t.pt:4:10: error[PT0210]: expected ';' after the statement, found 'n'",
                "t.pt:5:10: error[PT0210]: expected ';' after the statement, found 'return'",
                "t.pt:6:9: error[PT0210]: expected ';' after the statement, found '}'"),
                result.diagnostics().stream().map(Diagnostic::format).toList());
        Member.Operation op = (Member.Operation) members(result.module()).getFirst();
        assertEquals(3, op.body().statements().size());
    }

    @Test
    void aBrokenStatementIsLeftOutAndTheNextOneParsed() {
        ParseResult result = parse(HEADER + "service S {\nop f() {\nlet x = 1 +;\nlog(x);\n}\n}\n");
        assertEquals(List.of("PT0211"), codes(result));
        Member.Operation op = (Member.Operation) members(result.module()).getFirst();
        assertInstanceOf(Stmt.ExprStmt.class, op.body().statements().getFirst());
        assertEquals(1, op.body().statements().size());
    }

    @Test
    void aBrokenMemberIsLeftOutAndTheOthersKept() {
        ParseResult result = parse(HEADER + """
                service S {
                    let_cow_var a: Int = 1;
                    op broken(x Int) { if x { return; } return; }
                    let_cow_var b: Int = 2;
                    op fine() { }
                }
                model After { x: Int }
                """);
        assertEquals(List.of("t.pt:4:17: error[PT0210]: expected ':' and a type after the parameter name 'x', found 'Int'"),
                result.diagnostics().stream().map(Diagnostic::format).toList());
        assertEquals(List.of("a", "b", "fine"), members(result.module()).stream().map(m -> switch (m) {
            case Member.StateVar v -> v.name();
            case Member.Operation o -> o.name();
            default -> "?";
        }).toList());
        assertEquals(2, result.module().declarations().size());
    }

    @Test
    void aBrokenDeclarationIsLeftOutAndTheNextOneParsed() {
        ParseResult result = parse(HEADER + "model Order { sku String, qty: Int }\nerror E { }\nservice S { }\n");
        assertEquals(List.of("PT0210"), codes(result));
        assertEquals(List.of("E", "S"), result.module().declarations().stream().map(Decl::name).toList());
    }

    @Test
    void aForgottenOpeningBraceIsSuppliedWhenItsClosingBraceIsThere() {
        assertEquals(List.of("t.pt:4:5: error[PT0210]: expected '{' after the condition of 'if', found 'return'"),
                bodyErrors("if a\nreturn;\n}\nlog(1);"));
        ParseResult result = parse(HEADER + "service S {\nop f() {\nif a return; }\nlog(1);\n}\n}\n");
        Member.Operation op = (Member.Operation) members(result.module()).getFirst();
        assertEquals(2, op.body().statements().size(), "the if and the log");
        assertEquals(List.of("t.pt:4:15: error[PT0210]: expected '{' or 'if' after 'else', found 'return'"),
                bodyErrors("if a { } else return;\nlog(1);"), "a body without braces is not taken for one");
    }

    @Test
    void aForgottenClosingParenthesisEndsAtTheSemicolon() {
        assertEquals(List.of("t.pt:4:14: error[PT0210]: expected ',' or ')' in the argument list, found ';'",
                "t.pt:6:5: error[PT0211]: expected an expression, found ';'"), bodyErrors("log(str(a, b);\nlog(c);\nx = ;"),
                "the next error is reported: parsing is back on track");
        assertEquals(List.of("t.pt:4:25: error[PT0210]: expected ',' or '}' in the fields of error 'E', found ';'"),
                bodyErrors("raise E { code: 1, at: 2;\nlog(c);"));
    }

    @Test
    void aMissingClosingBraceBeforeElseEndsTheThenBlock() {
        assertEquals(List.of("t.pt:5:8: error[PT0210]: expected '}' to close the block opened at 4:6, found 'else'"),
                bodyErrors("if a {\nlog(1);\nelse {\nlog(2);\n}\nlog(3);"));
    }

    @Test
    void aDoubledKeywordIsSkipped() {
        assertEquals(List.of("t.pt:4:15: error[PT0210]: expected an error type after 'catch', found keyword 'catch'"
                + " (keywords are reserved)"), bodyErrors("try { } catch catch E e { }\nlog(1);"));
    }

    @Test
    void errorsRightAfterALexicalErrorAreItsConsequences() {
        assertEquals(List.of("PT0103"), codes(parse(HEADER + "service S {\nop f() {\nif a && b { }\n}\n}\n")));
        assertEquals(List.of("PT0101"), codes(parse(HEADER + "service S {\nop f() {\nlog(\"x);\nlog(1);\n}\n}\n")));
    }

    @Test
    void aMissingHeaderStillParsesTheModule() {
        ParseResult result = parse("service S { op f() { } }");
        assertEquals(List.of("PT0210"), codes(result));
        assertEquals("", result.module().name().text());
        assertEquals(1, result.module().declarations().size());
        assertEquals(List.of("t.pt:1:1: error[PT0210]: expected 'module <name> version \"<version>\";' at the start"
                + " of the file, found end of file"), parse("").diagnostics().stream().map(Diagnostic::format).toList());
    }
}
