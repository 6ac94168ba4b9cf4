package io.hallows.dsl.impl.check;

import static io.hallows.dsl.impl.check.Check.clean;
import static io.hallows.dsl.impl.check.Check.diagnostics;
import static io.hallows.dsl.impl.check.Check.module;
import static io.hallows.dsl.impl.check.Check.one;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Routes, @status, templates, Html and the web built-ins: what the checker accepts and refuses, where. */
class RoutesCheckTest {
    private static String service(String members) {
        return module("model Item { id: Int, name: String, price: Float, hidden: Bool }\n"
                + "@status(404) error NotFound { id: Int }\n"
                + "service S {\n" + members + "}\n");
    }

    @Test
    void aWellFormedServiceIsClean() {
        clean(service("""
                    @get("/items/{id}") @partition("web")
                    op item(id: Int, q: Option<String>, n: Float): Item raises NotFound { raise NotFound { id: id }; }
                    @put("/items/{id}")
                    op put(id: Int, body: Map<String, List<Item>>) { }
                    @get("/")
                    op root(): String { return "ok"; }
                    @ws("/items/ws")
                    op ws(): List<Item> { return []; }
                    template t(xs: List<Item>) { for x in xs { {x.id} {x.name} {x.price} {x.hidden} } {inner()} }
                    template inner() { "<br>" }
                """));
    }

    @Test
    void pathDiagnosticsPointAtTheSegment() {
        assertEquals(List.of("5:18 PT0502 {idd} in \"/items/{idd}\" names no parameter of 'item' (did you mean 'id'?)"),
                diagnostics(service("    @get(\"/items/{idd}\")\n    op item(id: Int): Int { return id; }\n")));
        one(service("    @get(\"/a/b:c\")\n    op x(): Int { return 1; }\n"), "PT0501", "segment 'b:c'");
        one(service("    @get(\"/a/{id}/{id}\")\n    op x(id: Int): Int { return 1; }\n"), "PT0501", "appears twice");
        one(service("    @get(\"/a/\")\n    op x(): Int { return 1; }\n"), "PT0501", "a trailing '/'");
        one(service("    @get(1)\n    op x(): Int { return 1; }\n"), "PT0501", "@get takes the path as a string literal");
    }

    @Test
    void bindingDiagnostics() {
        one(service("    @get(\"/x\")\n    op x(a: Option<Item>): Int { return 1; }\n"), "PT0503", "cannot be bound");
        one(service("    @post(\"/x\")\n    op x(body: Map<Int, Item>): Int { return 1; }\n"), "PT0503",
                "cannot be read from JSON: a JSON object's keys are strings, so a Map read from JSON has String keys, not Int");
        one(service("    @sse(\"/x\")\n    op x() { }\n"), "PT0506", "returns nothing");
        one(service("    @get(\"/x\")\n    op x(): List<Html> { return []; }\n"), "PT0506", "Html has no JSON form");
        one(service("    @get(\"/x\")\n    op x() { }\n    @sse(\"/x\")\n    op y(): Int { return 1; }\n"), "PT0504",
                "route GET /x is already operation 'x' (line 5)");
    }

    @Test
    void raisedErrorsFieldsMustFitAProblemDocument() {
        one(module("error E { status: Int }\nservice S {\n    @get(\"/x\")\n    op x(): Int raises E { raise E { status: 1 }; }\n}\n"),
                "PT0506", "'x' raises E, whose field 'status' cannot be written into its problem document: the problem document"
                        + " has a member 'status' of its own");
    }

    @Test
    void statusOnlyOnErrors() {
        one(module("@status(404) model M { a: Int }\n"), "PT0218", "a hint before a declaration applies to an error");
        one(module("@status(600) error E { }\n"), "PT0505", "from 400 to 599");
        one(module("@status(404) @status(410) error E { }\n"), "PT0206", "hint @status is given twice");
    }

    @Test
    void htmlComesOnlyFromTemplates() {
        one(service("    op x(): Html { return \"<b>\"; }\n"), "PT0301", "expected Html, found String");
        one(service("    template t() { \"a\" }\n    op x(): String { return str(t()); }\n"), "PT0301",
                "str(x) takes an Int, a Float, a Bool or a String, found Html");
        one(service("    template t(i: Item) { {i} }\n"), "PT0507", "found Item: write one of its fields");
        one(service("    template t(xs: Option<Int>) { {xs} }\n"), "PT0507", "unwrap it first");
    }

    @Test
    void templateSyntax() {
        one(service("    template t(): Html { \"a\" }\n"), "PT0210", "a template has no result type");
        one(service("    template t() { 42 }\n"), "PT0210", "expected template content (a string of markup, {value}, 'for' or 'if'), found");
        one(service("    template t() { \"a\" \n    op x(): Int { return 1; }\n"), "PT0210", "'}' to close the template block");
        clean(service("    op x(): Int { let template = 1; return template; }\n"));
    }

    @Test
    void webBuiltins() {
        clean(service("    op x(s: String, xs: List<Item>): Int { let n = parseInt(s).orElse(0); let ys = xs.sortBy(\"price\");"
                + " return min(max(n, 1), random(1, len(ys))); }\n"));
        one(service("    op x(): Int { return random(1); }\n"), "PT0304", "random takes 2 arguments, found 1");
        one(service("    op x(): Int { return min(1, 2.0); }\n"), "PT0301", "argument 2 of min: expected Int, found Float");
        one(service("    op x(): Option<Int> { return parseInt(3); }\n"), "PT0301", "argument 1 of parseInt: expected String, found Int");
        one(service("    let_reactive_var a: Int = 1;\n    derived d: Int = a + random(1, 2);\n"), "PT0402", "cannot call random");
        one(service("    op x(xs: List<Item>, f: String): List<Item> { return xs.sortBy(f); }\n"), "PT0508", "as a string literal");
        one(service("    op x(xs: List<Int>): List<Int> { return xs.sortBy(\"a\"); }\n"), "PT0508", "this list holds Int");
    }
}
