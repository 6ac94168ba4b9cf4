package io.hallows.dsl.impl.compile;

import static io.hallows.dsl.impl.compile.WebRequests.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallows.basilisk.api.BadRequest;
import io.hallows.basilisk.api.Response;
import io.hallows.basilisk.api.Route;
import io.hallows.basilisk.api.RouteKind;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Routes compiled and run: binding, problem documents, JSON and HTML answers, through the generated web module. */
class RoutesCompileTest {
    private static final Path SOURCE = Path.of(System.getProperty("basedir", "."), "src", "test", "resources", "web", "webshop.pt");
    private static final Modules MODULES = new Modules().add(Modules.read(SOURCE));

    private final Modules.Running running = MODULES.start("webshop", new TestStore(), Map.of());
    private final WebRequests web = new WebRequests(running, MODULES.compile("webshop"));

    @Test
    void techEmpowerPlaintextAndJson() throws BadRequest {
        Response plain = web.send("GET", "/plaintext", null);
        assertEquals(200, plain.status());
        assertEquals("text/plain; charset=utf-8", plain.contentType());
        assertEquals("Hello, World!", text(plain));
        Response json = web.send("GET", "/json", null);
        assertEquals(200, json.status());
        assertEquals("application/json", json.contentType());
        assertEquals("{\"message\":\"Hello, World!\"}", text(json));
    }

    @Test
    void moduleDescribesItsRoutes() {
        assertEquals("webshop", web.web.module());
        assertEquals("1.0.0.test", web.web.revision());
        Route item = web.route("GET", "/items/7");
        assertEquals("/items/{id}", item.path());
        assertEquals("Web.item", item.operation());
        assertEquals(RouteKind.PLAIN, item.kind());
        assertEquals(List.of(new Route.Parameter("id", Route.Source.PATH, "Int"),
                new Route.Parameter("verbose", Route.Source.QUERY, "Option<Bool>"),
                new Route.Parameter("label", Route.Source.QUERY, "String")), item.parameters());
        assertEquals(RouteKind.SSE, web.route("GET", "/feed").kind());
        assertEquals(List.of(new Route.Parameter("body", Route.Source.BODY, "Order")), web.route("POST", "/orders").parameters());
    }

    @Test
    void pathAndQueryBindTyped() throws BadRequest {
        assertEquals("{\"n\":7}", text(web.send("GET", "/items/7", null, "label", "n")));
        assertEquals("{\"n\":-3,\"verbose\":1}", text(web.send("GET", "/items/-3", null, "label", "n", "verbose", "true")));
    }

    @Test
    void badPathOrQueryValueNamesTheParameter() {
        BadRequest notInt = assertThrows(BadRequest.class, () -> web.send("GET", "/items/abc", null, "label", "n"));
        assertEquals("id", notInt.field());
        assertEquals("expected an integer, got \"abc\"", notInt.detail());
        BadRequest notBool = assertThrows(BadRequest.class, () -> web.send("GET", "/items/1", null, "label", "n", "verbose", "yes"));
        assertEquals("verbose", notBool.field());
        BadRequest missing = assertThrows(BadRequest.class, () -> web.send("GET", "/items/1", null));
        assertEquals("label", missing.field());
        assertEquals("required query parameter is missing", missing.detail());
        BadRequest twice = assertThrows(BadRequest.class, () -> web.send("GET", "/items/1", null, "label", "a", "label", "b"));
        assertEquals("query parameter given 2 times", twice.detail());
    }

    @Test
    void jsonBodyBindsNestedValues() throws BadRequest {
        Response r = web.send("POST", "/orders", "{\"customer\":\"ann\",\"lines\":[{\"sku\":1,\"qty\":2},{\"sku\":2,\"qty\":1}]}");
        assertEquals(200, r.status());
        assertEquals("[2,1]", text(r));
        assertEquals("[]", text(web.send("POST", "/orders", "{\"customer\":\"ann\",\"lines\":[],\"note\":null}")));
    }

    @Test
    void mapsOptionsGenericAndRecursiveModels() throws BadRequest {
        assertEquals("{\"a\":2,\"b\":0}", text(web.send("PUT", "/shapes", "{\"a\":[1.5,null],\"b\":[]}")));
        BadRequest notNumber = assertThrows(BadRequest.class, () -> web.send("PUT", "/shapes", "{\"a\":[1,\"x\"]}"));
        assertEquals("body.a[1]", notNumber.field());
        assertEquals("{\"first\":\"n7\",\"second\":null}", text(web.send("PATCH", "/pair", "{\"first\":7,\"second\":\"n\"}")));
        assertEquals("6", text(web.send("POST", "/tree",
                "{\"value\":1,\"children\":[{\"value\":2,\"children\":[]},{\"value\":3,\"children\":[]}]}")));
        BadRequest deep = assertThrows(BadRequest.class, () -> web.send("POST", "/tree",
                "{\"value\":1,\"children\":[{\"value\":2,\"children\":[{\"value\":true,\"children\":[]}]}]}"));
        assertEquals("body.children[0].children[0].value", deep.field());
        assertEquals("0.5", text(web.send("GET", "/ratio", null, "a", "1", "b", "2")));
        assertEquals("null", text(web.send("GET", "/ratio", null, "a", "0", "b", "0")));
        assertEquals("b", assertThrows(BadRequest.class, () -> web.send("GET", "/ratio", null, "a", "1", "b", "1e")).field());
    }

    @Test
    void aStreamingRouteAnswersItsResultAsJson() throws BadRequest {
        assertEquals("[{\"message\":\"hi\"}]", text(web.send("GET", "/feed", null)));
    }

    @Test
    void badBodyIsRefusedNamingTheField() {
        BadRequest nested = assertThrows(BadRequest.class, () -> web.send("POST", "/orders",
                "{\"customer\":\"ann\",\"lines\":[{\"sku\":1,\"qty\":2},{\"sku\":1,\"qty\":\"two\"}]}"));
        assertEquals("body.lines[1].qty", nested.field());
        assertEquals("expected an integer, got the string \"two\"", nested.detail());
        BadRequest missing = assertThrows(BadRequest.class, () -> web.send("POST", "/orders", "{\"lines\":[]}"));
        assertEquals("body.customer", missing.field());
        assertEquals("required member is missing", missing.detail());
        BadRequest unknown = assertThrows(BadRequest.class, () -> web.send("POST", "/orders",
                "{\"customer\":\"ann\",\"lines\":[],\"coupon\":\"x\"}"));
        assertEquals("body.coupon", unknown.field());
        assertTrue(unknown.detail().startsWith("unknown member"), unknown.detail());
        BadRequest wrongNote = assertThrows(BadRequest.class, () -> web.send("POST", "/orders", "{\"customer\":\"ann\",\"lines\":[],\"note\":3}"));
        assertEquals("body.note", wrongNote.field());
        BadRequest empty = assertThrows(BadRequest.class, () -> web.send("POST", "/orders", null));
        assertEquals("body", empty.field());
        BadRequest malformed = assertThrows(BadRequest.class, () -> web.send("POST", "/orders", "{\"customer\":"));
        assertEquals("body", malformed.field());
    }

    @Test
    void raisedErrorIsItsProblemDocument() throws BadRequest {
        Response notFound = web.send("GET", "/items/101", null, "label", "n");
        assertEquals(404, notFound.status());
        assertEquals("application/problem+json", notFound.contentType());
        assertEquals("{\"type\":\"about:blank\",\"title\":\"NotFound\",\"status\":404,\"id\":101}", text(notFound));
        Response conflict = web.send("POST", "/orders", "{\"customer\":\"ann\",\"lines\":[{\"sku\":9,\"qty\":4}]}");
        assertEquals(409, conflict.status());
        assertEquals("{\"type\":\"about:blank\",\"title\":\"OutOfStock\",\"status\":409,\"sku\":9,\"left\":3}", text(conflict));
    }

    @Test
    void errorWithoutStatusAndBuiltinErrorsAre500() throws BadRequest {
        Response broken = web.send("GET", "/broken", null, "n", "0");
        assertEquals(500, broken.status());
        assertEquals("{\"type\":\"about:blank\",\"title\":\"Broken\",\"status\":500,\"reason\":\"zero\"}", text(broken));
        Response overflow = web.send("GET", "/broken", null, "n", "1");
        assertEquals(500, overflow.status());
        assertEquals("{\"type\":\"about:blank\",\"title\":\"Overflow\",\"status\":500}", text(overflow));
    }

    @Test
    void unitIsNoContent() throws BadRequest {
        Response r = web.send("DELETE", "/orders/4", null);
        assertEquals(204, r.status());
        assertEquals(0, r.body().length);
        assertEquals(List.of("cancel 4"), running.context.logs);
    }

    @Test
    void templateEscapesValuesAndAnswersHtml() throws BadRequest {
        Response r = web.send("GET", "/fortunes", null, "extra", "<script>alert(\"x&'y\")</script>");
        assertEquals(200, r.status());
        assertEquals("text/html; charset=utf-8", r.contentType());
        assertEquals("<!DOCTYPE html><html><head><title>Fortunes</title></head><body><table><tr><th>id</th><th>message</th></tr>"
                + "<tr><td>3</td><td>&lt;script&gt;alert(&quot;x&amp;&#39;y&quot;)&lt;/script&gt;</td></tr>"
                + "<tr><td>1</td><td>a</td></tr><tr><td>2</td><td>b</td></tr></table></body></html>", text(r));
    }

    @Test
    void builtinsForQueries() throws BadRequest {
        assertEquals(1, count(web.send("GET", "/queries", null)));
        assertEquals(1, count(web.send("GET", "/queries", null, "queries", "foo")));
        assertEquals(1, count(web.send("GET", "/queries", null, "queries", "0")));
        assertEquals(20, count(web.send("GET", "/queries", null, "queries", "20")));
        assertEquals(500, count(web.send("GET", "/queries", null, "queries", "501")));
        String many = text(web.send("GET", "/queries", null, "queries", "500"));
        for (String n : many.substring(1, many.length() - 1).split(",")) {
            long v = Long.parseLong(n);
            assertTrue(v >= 1 && v <= 10000, n);
        }
        assertFalse(many.contains(",0,"));
    }

    @Test
    void aRouteCallsThroughTheServiceSoItsPartitionApplies() throws BadRequest {
        Modules modules = new Modules().add("""
                module parted version "1.0.0";
                service P {
                    @get("/n/{n}") @partition("web") @key(n)
                    op twice(n: Int): Int { return n * 2; }
                }
                """);
        Modules.Running started = modules.start("parted", new TestStore(), Map.of());
        WebRequests parted = new WebRequests(started, modules.compile("parted"));
        assertEquals("42", text(parted.send("GET", "/n/21", null)));
        assertEquals(List.of("web/21"), started.context.partitions);
    }

    @Test
    void templateValuesOfEveryKind() throws BadRequest {
        Modules modules = new Modules().add("""
                module kinds version "1.0.0";
                service K {
                    template inner(s: String) { "<i>" {s} "</i>" }
                    template outer(n: Int, x: Float, b: Bool, s: String) { {n} "|" {x} "|" {b} "|" {inner(s)} }
                    @get("/k")
                    op k(s: String): Html { return outer(-7, 0.25, true, s); }
                }
                """);
        WebRequests kinds = new WebRequests(modules.start("kinds", new TestStore(), Map.of()), modules.compile("kinds"));
        assertEquals("-7|0.25|true|<i>a&amp;b</i>", text(kinds.send("GET", "/k", null, "s", "a&b")));
    }

    @Test
    void routesNeedTheBasiliskApiWhereTheyAreCompiled() {
        ClassLibrary full = new ClassPathLibrary(getClass().getClassLoader());
        ClassLibrary withoutBasilisk = p -> p.equals("io.hallows.basilisk.api") ? List.of() : full.list(p);
        String source = "module lone version \"1.0.0\";\nservice L {\n    @get(\"/\")\n    op root(): String { return \"x\"; }\n}\n";
        ModuleCompiler.Result result = new JavaModuleCompiler().compile("lone.pt", source, name -> java.util.Optional.empty(), withoutBasilisk);
        assertEquals(List.of("lone.pt:1:1: error[PT0509]: module 'lone' declares routes, but the stack has no Basilisk API (package"
                + " io.hallows.basilisk.api): add the Basilisk bundles to the stack, or remove the route hints"),
                result.diagnostics().stream().map(io.hallows.dsl.api.Diagnostic::format).toList());
        ModuleCompiler.Result plain = new JavaModuleCompiler().compile("lone.pt", source.replace("@get(\"/\")", ""),
                name -> java.util.Optional.empty(), withoutBasilisk);
        assertTrue(plain.ok(), plain.diagnostics().toString());
        assertFalse(plain.module().implClasses().keySet().stream().anyMatch(c -> c.contains("Web$")));
        assertFalse(plain.module().imports().contains("io.hallows.basilisk.api"));
    }

    /** The Templates example of docs/parseltongue.md, as written there, answers what the text says. */
    @Test
    void theDocumentedTemplateExampleRuns() throws Exception {
        String doc = Modules.read(Path.of(System.getProperty("basedir", "."), "..", "..", "docs", "parseltongue.md"));
        String section = doc.substring(doc.indexOf("## Templates"));
        int start = section.indexOf("```\n") + 4;
        String example = section.substring(start, section.indexOf("```", start));
        Modules modules = new Modules().add("module docs version \"1.0.0\";\n" + example);
        WebRequests docs = new WebRequests(modules.start("docs", new TestStore(), Map.of()), modules.compile("docs"));
        String page = text(docs.send("GET", "/fortunes", null, "extra", "<script>alert(1)</script>"));
        assertTrue(page.contains("<td>&lt;script&gt;alert(1)&lt;/script&gt;</td>"), page);
        assertTrue(page.indexOf("&lt;script") < page.indexOf("fortune: No such file"), "sorted by message: " + page);
    }

    private static int count(Response r) {
        String s = text(r);
        return s.equals("[]") ? 0 : s.split(",").length;
    }
}
