package io.hallows.dsl.impl.check;

import io.hallows.dsl.impl.ast.Decl;
import io.hallows.dsl.impl.ast.Expr;
import io.hallows.dsl.impl.ast.Hint;
import io.hallows.dsl.impl.ast.ModuleDecl;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a route hint means: {@code @get("/orders/{id}") op order(id: Int, verbose: Option<Bool>, ...)}
 * binds {@code id} from the path, {@code verbose} from the query, a model, List or Map parameter
 * from the JSON body. Computed the same way by the checker ({@link RouteChecker}, which reports what
 * does not fit) and the generator (which trusts a checked module).
 */
public final class Routes {
    /** Route hints by name, with the HTTP method each answers. */
    private static final Map<String, String> METHODS = Map.of("get", "GET", "post", "POST", "put", "PUT",
            "patch", "PATCH", "delete", "DELETE", "sse", "GET", "ws", "GET");
    /** A literal path segment: unreserved characters only (no {@code :} or {@code *}, which routers read as patterns). */
    static final Pattern LITERAL_SEGMENT = Pattern.compile("[A-Za-z0-9._~-]+");
    static final Pattern PARAM_SEGMENT = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_]*)}");

    private Routes() {
    }

    /** How a route answers, as {@code io.hallows.basilisk.api.RouteKind} names it. */
    public enum Kind {
        PLAIN, SSE, WEBSOCKET
    }

    /** Where a parameter's value comes from, as {@code io.hallows.basilisk.api.Route.Source} names it. */
    public enum Source {
        PATH, QUERY, BODY
    }

    /** A parameter and where it is bound from. */
    public record Binding(Symbol.Local param, Source source) {
    }

    /**
     * A route of an operation.
     *
     * @param method   GET, POST, PUT, PATCH or DELETE (streams are GET)
     * @param path     the template as written, {@code /orders/{id}}
     * @param bindings each parameter of the operation, in order
     */
    public record Route(Symbol.Op op, Hint hint, String method, Kind kind, String path, List<Binding> bindings) {
        /** The method and the path with parameter names left out: two routes with the same one clash. */
        String key() {
            return method + " " + PARAM_SEGMENT.matcher(path).replaceAll("{}");
        }
    }

    /** Whether {@code name} is a route hint ({@code get}, {@code post}, ..., {@code sse}, {@code ws}). */
    public static boolean isRouteHint(String name) {
        return METHODS.containsKey(name);
    }

    /** The route hint names, for messages. */
    static List<String> hintNames() {
        return List.of("get", "post", "put", "patch", "delete", "sse", "ws");
    }

    /** The first route hint of {@code op}, or null. */
    static Hint routeHint(Symbol.Op op) {
        return op.decl().hints().stream().filter(h -> isRouteHint(h.name())).findFirst().orElse(null);
    }

    /** The route of {@code op} in a checked module, or null when it has none. */
    public static Route of(Symbol.Op op) {
        Hint hint = routeHint(op);
        if (hint == null || !(hint.value() instanceof Expr.StringLit path)) {
            return null;
        }
        List<String> inPath = new ArrayList<>();
        var m = PARAM_SEGMENT.matcher(path.value());
        while (m.find()) {
            inPath.add(m.group(1));
        }
        List<Binding> bindings = new ArrayList<>();
        for (Symbol.Local p : op.params()) {
            Source source = inPath.contains(p.name()) ? Source.PATH : isQueryType(p.type()) ? Source.QUERY : Source.BODY;
            bindings.add(new Binding(p, source));
        }
        Kind kind = switch (hint.name()) {
            case "sse" -> Kind.SSE;
            case "ws" -> Kind.WEBSOCKET;
            default -> Kind.PLAIN;
        };
        return new Route(op, hint, METHODS.get(hint.name()), kind, path.value(), bindings);
    }

    /** The routes of every service of {@code module}, in declaration order. */
    public static List<Route> of(ModuleSymbols module) {
        List<Route> routes = new ArrayList<>();
        for (ServiceInfo s : module.services().values()) {
            for (List<Symbol.Op> ops : s.ops().values()) {
                Route r = of(ops.getFirst());
                if (r != null) {
                    routes.add(r);
                }
            }
        }
        return routes;
    }

    /** A type a path segment can hold. */
    static boolean isScalar(Type t) {
        return t == Type.INT || t == Type.FLOAT || t == Type.BOOL || t == Type.STRING;
    }

    /** A type a query parameter can hold: a scalar, or an optional one. */
    static boolean isQueryType(Type t) {
        return isScalar(t) || t instanceof Type.OptionOf o && isScalar(o.element());
    }

    /**
     * The status {@code @status(code)} gives {@code error}, or 500 when it has none (or it is a
     * built-in error): found in the declaring module's tree.
     */
    public static int status(ErrorInfo error, ModuleSymbols module) {
        for (ModuleSymbols m : module.closure()) {
            if (error.builtin() || !m.name().equals(error.module())) {
                continue;
            }
            for (Decl d : m.ast().declarations()) {
                if (d instanceof Decl.ErrorDecl e && e.name().equals(error.name())) {
                    for (Hint h : e.hints()) {
                        if (h.name().equals("status") && h.value() instanceof Expr.IntLit code) {
                            return (int) code.value();
                        }
                    }
                }
            }
        }
        return 500;
    }

    /** Whether the module declares any route: then its bundle publishes a web module. */
    public static boolean any(ModuleDecl ast) {
        return ast.declarations().stream().anyMatch(d -> d instanceof Decl.ServiceDecl s && s.members().stream()
                .anyMatch(m -> m instanceof io.hallows.dsl.impl.ast.Member.Operation op
                        && op.hints().stream().anyMatch(h -> isRouteHint(h.name()))));
    }
}
