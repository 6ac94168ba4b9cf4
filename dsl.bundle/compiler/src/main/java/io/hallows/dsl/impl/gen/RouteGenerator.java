package io.hallows.dsl.impl.gen;

import io.hallows.dsl.impl.check.CheckedModule;
import io.hallows.dsl.impl.check.ErrorInfo;
import io.hallows.dsl.impl.check.Routes;
import io.hallows.dsl.impl.check.StoredTables;
import io.hallows.dsl.impl.check.Symbol;
import io.hallows.dsl.impl.check.Type;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The web module of a module with routes: the class {@value #CLASS} implementing
 * {@code io.hallows.basilisk.api.WebModule}, with a nested {@code Route} per route, and its JSON
 * code ({@link JsonCodeGenerator}). The runtime creates it when the revision starts, with the
 * revision's service objects, and registers it: a route calls its operation through the service's
 * API interface, so {@code @partition} applies as for any caller. A raised error becomes its
 * problem document ({@code @status}, else 500), bad input a {@code BadRequest}; anything else goes
 * up to the server, which answers 500 without details.
 */
public final class RouteGenerator {
    /** The simple name of the generated web module class, in the implementation package. */
    public static final String CLASS = "Web$Module";
    private static final String API = "io.hallows.basilisk.api.";

    private final CheckedModule checked;
    private final JsonCodeGenerator json = new JsonCodeGenerator();
    private final JavaWriter w = new JavaWriter();

    private RouteGenerator(CheckedModule checked) {
        this.checked = checked;
    }

    /** The web module's sources by path, or none when the module declares no route. */
    static Map<String, String> generate(CheckedModule checked, String implPackage) {
        List<Routes.Route> routes = Routes.of(checked.module());
        Map<String, String> files = new TreeMap<>();
        if (routes.isEmpty()) {
            return files;
        }
        RouteGenerator g = new RouteGenerator(checked);
        String dir = implPackage.replace('.', '/') + "/";
        files.put(dir + CLASS + ".java", g.module(implPackage, routes));
        files.put(dir + JsonCodeGenerator.CLASS + ".java", g.json.generate(implPackage, checked.module().name()));
        return files;
    }

    private String module(String pkg, List<Routes.Route> routes) {
        String module = checked.module().name();
        w.line("package " + pkg + ";").line("");
        w.line("/** The HTTP routes of Parseltongue module {@code " + module + "}. Generated. */");
        w.open("public final class " + CLASS + " implements " + API + "WebModule");
        w.line("private final String revision;");
        w.line("private final java.util.List<" + API + "Route> routes;");
        w.line("");
        w.line("/** @param services the revision's service objects by name; @param revision its bundle's version */");
        w.open("public " + CLASS + "(" + JavaNames.RUNTIME + "ModuleContext context, java.util.Map<String, Object> services, String revision)");
        w.line("this.revision = revision;");
        Set<String> services = new LinkedHashSet<>();
        routes.forEach(r -> services.add(r.op().service().name()));
        for (String s : services) {
            w.line(JavaNames.api(module, s) + " " + serviceVar(s) + " = (" + JavaNames.api(module, s) + ") services.get("
                    + JavaNames.literal(s) + ");");
        }
        List<String> created = new ArrayList<>();
        for (int i = 0; i < routes.size(); i++) {
            created.add("new R" + i + "(" + serviceVar(routes.get(i).op().service().name()) + ")");
        }
        w.line("this.routes = java.util.List.of(" + String.join(", ", created) + ");");
        w.close();
        getter("String", "module", JavaNames.literal(module));
        getter("String", "revision", "revision");
        getter("java.util.List<" + API + "Route>", "routes", "routes");
        for (int i = 0; i < routes.size(); i++) {
            route(routes.get(i), "R" + i, module);
        }
        return w.close().toString();
    }

    private static String serviceVar(String service) {
        return "s$" + service;
    }

    private void getter(String type, String name, String value) {
        w.line("");
        w.line("@Override");
        w.open("public " + type + " " + name + "()");
        w.line("return " + value + ";");
        w.close();
    }

    private void route(Routes.Route r, String className, String module) {
        Symbol.Op op = r.op();
        String serviceType = JavaNames.api(module, op.service().name());
        w.line("");
        w.line("/** " + r.method() + " " + r.path() + ": {@code " + op.service().name() + "." + op.name() + "}. */");
        w.open("static final class " + className + " implements " + API + "Route");
        String params = r.bindings().stream().map(b -> "new " + API + "Route.Parameter(" + JavaNames.literal(b.param().name())
                + ", " + API + "Route.Source." + b.source() + ", " + JavaNames.literal(b.param().type().display()) + ")")
                .collect(Collectors.joining(", "));
        w.line("private static final java.util.List<" + API + "Route.Parameter> PARAMETERS = java.util.List.of(" + params + ");");
        String tables = StoredTables.read(checked, op).stream().sorted().map(JavaNames::literal).collect(Collectors.joining(", "));
        w.line("private static final java.util.Set<String> TABLES = java.util.Set.of(" + tables + ");");
        w.line("private final " + serviceType + " service;");
        w.line("");
        w.open(className + "(" + serviceType + " service)");
        w.line("this.service = service;");
        w.close();
        getter("String", "method", JavaNames.literal(r.method()));
        getter("String", "path", JavaNames.literal(r.path()));
        getter("String", "operation", JavaNames.literal(op.service().name() + "." + op.name()));
        getter(API + "RouteKind", "kind", API + "RouteKind." + r.kind());
        getter("java.util.List<" + API + "Route.Parameter>", "parameters", "PARAMETERS");
        getter("java.util.Set<String>", "tables", "TABLES");
        w.line("");
        w.line("@Override");
        w.open("public " + API + "Response handle(" + API + "Request request) throws " + API + "BadRequest");
        List<String> args = new ArrayList<>();
        for (Routes.Binding b : r.bindings()) {
            args.add(bind(b));
        }
        w.open("try");
        String call = "this.service." + JavaNames.id(op.name()) + "(" + String.join(", ", args) + ")";
        Type result = op.result();
        if (result == Type.UNIT) {
            w.line(call + ";");
            w.line("return " + API + "Response.noContent();");
        } else {
            w.line(JavaNames.type(result, false) + " result = " + call + ";");
            w.line("return " + (result == Type.STRING ? API + "Response.text(result)"
                    : result == Type.HTML ? API + "Response.html(result.toString())"
                    : API + "Response.json(" + json.writer(result) + "(" + API + "JsonOut.create(), result).toBytes())") + ";");
        }
        for (ErrorInfo e : op.raises()) {
            w.reopen("catch (" + JavaNames.error(e) + " e)");
            problem(e);
        }
        w.reopen("catch (" + JavaNames.RUNTIME + "Conflict e)");
        w.line("// a duplicate key the operation did not catch: the request conflicts with what is stored");
        w.line("return " + API + "Response.problem(409, \"Conflict\", \"a row with this key is already stored\", java.util.Map.of());");
        w.reopen("catch (" + JavaNames.RUNTIME + "PtError e)");
        w.line("// an error the operation does not declare: a built-in one (Overflow, DivisionByZero, ...)");
        w.line("String name = e.getClass().getSimpleName();");
        w.line("return " + API + "Response.problem(500, name.endsWith(\"$\") ? name.substring(0, name.length() - 1) : name,"
                + " null, java.util.Map.of());");
        w.close();
        w.close();
        w.close();
    }

    /** Reads one parameter into a local; returns the local's name. */
    private String bind(Routes.Binding b) {
        Symbol.Local p = b.param();
        String local = "p$" + p.name();
        String name = JavaNames.literal(p.name());
        String type = JavaNames.type(p.type(), false);
        switch (b.source()) {
            case PATH -> {
                w.line("String " + local + "$raw = request.pathParam(" + name + ");");
                w.open("if (" + local + "$raw == null)");
                w.line("throw new " + API + "BadRequest(" + name + ", \"path parameter is missing\");");
                w.close();
                w.line(type + " " + local + " = " + scalar(p.type(), local + "$raw", name) + ";");
            }
            case QUERY -> {
                w.line("java.util.List<String> " + local + "$raw = request.queryParams(" + name + ");");
                w.open("if (" + local + "$raw.size() > 1)");
                w.line("throw new " + API + "BadRequest(" + name + ", \"query parameter given \" + " + local + "$raw.size() + \" times\");");
                w.close();
                if (p.type() instanceof Type.OptionOf o) {
                    w.line(type + " " + local + " = " + local + "$raw.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of("
                            + scalar(o.element(), local + "$raw.get(0)", name) + ");");
                } else {
                    w.open("if (" + local + "$raw.isEmpty())");
                    w.line("throw new " + API + "BadRequest(" + name + ", \"required query parameter is missing\");");
                    w.close();
                    w.line(type + " " + local + " = " + scalar(p.type(), local + "$raw.get(0)", name) + ";");
                }
            }
            case BODY -> w.line(type + " " + local + " = " + json.reader(p.type()) + "(" + API + "Json.parse(request.body(), \"body\"), \"body\");");
        }
        return local;
    }

    private static String scalar(Type t, String raw, String where) {
        return t == Type.INT ? API + "Json.parseInteger(" + raw + ", " + where + ")"
                : t == Type.FLOAT ? API + "Json.parseNumber(" + raw + ", " + where + ")"
                : t == Type.BOOL ? API + "Json.parseBool(" + raw + ", " + where + ")"
                : raw;
    }

    /** The problem document of a raised error: its status, its name, its fields as members in order. */
    private void problem(ErrorInfo e) {
        int status = Routes.status(e, checked.module());
        w.line("java.util.Map<String, byte[]> members = new java.util.LinkedHashMap<>();");
        for (Map.Entry<String, Type> f : e.fields().entrySet()) {
            w.line("members.put(" + JavaNames.literal(f.getKey()) + ", " + json.writer(f.getValue()) + "(" + API + "JsonOut.create(), e."
                    + JavaNames.id(f.getKey()) + "()).toBytes());");
        }
        w.line("return " + API + "Response.problem(" + status + ", " + JavaNames.literal(e.name()) + ", null, members);");
    }
}
