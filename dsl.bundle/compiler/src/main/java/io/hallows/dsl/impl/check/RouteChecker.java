package io.hallows.dsl.impl.check;

import io.hallows.dsl.impl.ast.Decl;
import io.hallows.dsl.impl.ast.Expr;
import io.hallows.dsl.impl.ast.Hint;
import io.hallows.dsl.impl.ast.Position;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The checks of routes ({@code @get("/orders/{id}")} and the other route hints on operations) and
 * of {@code @status(code)} on errors. Every value a route binds or answers must have a JSON (or
 * path, or query) form: a mistake here is a diagnostic at deployment, never a 500 at run time.
 */
final class RouteChecker {
    /** The members RFC 9457 gives every problem document: an error's fields cannot take these names. */
    private static final Set<String> PROBLEM_MEMBERS = Set.of("type", "title", "status", "detail", "instance");

    private final Facts facts;
    private final ModuleSymbols module;
    private final Map<String, Routes.Route> taken = new HashMap<>();

    private RouteChecker(Facts facts, ModuleSymbols module) {
        this.facts = facts;
        this.module = module;
    }

    static void check(ModuleSymbols module, Facts facts) {
        RouteChecker checker = new RouteChecker(facts, module);
        checker.statuses();
        for (ServiceInfo s : module.services().values()) {
            for (List<Symbol.Op> ops : s.ops().values()) {
                checker.operation(ops.getFirst());
            }
        }
    }

    private void statuses() {
        for (Decl d : module.ast().declarations()) {
            if (!(d instanceof Decl.ErrorDecl e)) {
                continue;
            }
            Set<String> seen = new HashSet<>();
            for (Hint h : e.hints()) {
                if (!h.name().equals("status")) {
                    facts.error(h.pos(), CheckCode.UNKNOWN_HINT, "unknown hint '@" + h.name() + "' on error '" + e.name()
                            + "'; an error takes @status(code), the HTTP status a route answers when it raises it");
                } else if (!seen.add(h.name())) {
                    facts.error(h.pos(), CheckCode.UNKNOWN_HINT, "hint @status is given twice");
                } else if (!(h.value() instanceof Expr.IntLit code) || code.value() < 400 || code.value() > 599) {
                    facts.error(h.value().pos(), CheckCode.BAD_STATUS, "@status takes an HTTP error status from 400 to 599"
                            + " as a literal, e.g. @status(404)");
                }
            }
        }
    }

    private void operation(Symbol.Op op) {
        List<Hint> hints = op.decl().hints().stream().filter(h -> Routes.isRouteHint(h.name())).toList();
        if (hints.isEmpty()) {
            return;
        }
        for (Hint extra : hints.subList(1, hints.size())) {
            facts.error(extra.pos(), CheckCode.DUPLICATE_ROUTE, "operation '" + op.name() + "' already has the route @"
                    + hints.getFirst().name() + ": one route per operation (declare another operation for another route)");
        }
        Hint hint = hints.getFirst();
        if (!(hint.value() instanceof Expr.StringLit path)) {
            facts.error(hint.value().pos(), CheckCode.BAD_ROUTE_PATH, "@" + hint.name() + " takes the path as a string literal,"
                    + " e.g. @" + hint.name() + "(\"/orders/{id}\")");
            return;
        }
        if (!path(path, op)) {
            return;
        }
        Routes.Route route = Routes.of(op);
        bindings(route);
        result(route);
        Routes.Route other = taken.putIfAbsent(route.key(), route);
        if (other != null) {
            facts.error(hint.pos(), CheckCode.DUPLICATE_ROUTE, "route " + route.method() + " " + route.path() + " is already"
                    + " operation '" + other.op().name() + "' (line " + other.hint().pos().line() + ")");
        }
    }

    /** The path's shape and its {@code {name}} segments; false when it is not a template. */
    private boolean path(Expr.StringLit lit, Symbol.Op op) {
        String p = lit.value();
        Position pos = lit.pos();
        if (!p.startsWith("/")) {
            facts.error(pos, CheckCode.BAD_ROUTE_PATH, "a route path starts with '/': write \"/" + p + "\"");
            return false;
        }
        if (p.equals("/")) {
            return true;
        }
        Set<String> names = new HashSet<>();
        boolean ok = true;
        int at = 1;
        for (String segment : p.substring(1).split("/", -1)) {
            pos = inLiteral(lit, at);
            at += segment.length() + 1;
            var param = Routes.PARAM_SEGMENT.matcher(segment);
            if (param.matches()) {
                String name = param.group(1);
                Symbol.Local bound = op.params().stream().filter(x -> x.name().equals(name)).findFirst().orElse(null);
                if (!names.add(name)) {
                    facts.error(pos, CheckCode.BAD_ROUTE_PATH, "path parameter {" + name + "} appears twice in \"" + p + "\"");
                    ok = false;
                } else if (bound == null) {
                    facts.error(pos, CheckCode.UNKNOWN_PATH_PARAMETER, "{" + name + "} in \"" + p + "\" names no parameter of '"
                            + op.name() + "'" + Names.suggest(name, op.params().stream().map(Symbol.Local::name).toList()));
                    ok = false;
                } else if (!Routes.isScalar(bound.type()) && !(bound.type() instanceof Type.Unknown)) {
                    facts.error(bound.pos(), CheckCode.UNBINDABLE_PARAMETER, "path parameter '" + name + "' must be an Int,"
                            + " a Float, a Bool or a String, not " + bound.type().display());
                    ok = false;
                }
            } else if (segment.isEmpty()) {
                facts.error(pos, CheckCode.BAD_ROUTE_PATH, "\"" + p + "\" has an empty segment"
                        + (p.endsWith("/") ? " (a trailing '/')" : " ('//')"));
                ok = false;
            } else if (!Routes.LITERAL_SEGMENT.matcher(segment).matches()) {
                facts.error(pos, CheckCode.BAD_ROUTE_PATH, "segment '" + segment + "' of \"" + p + "\" is neither {name} nor"
                        + " made of letters, digits and . _ ~ -");
                ok = false;
            }
        }
        return ok;
    }

    /**
     * Where character {@code index} of a string literal's value is: exact for a path without
     * escapes (paths have none in practice), at the literal otherwise.
     */
    private static Position inLiteral(Expr.StringLit lit, int index) {
        return lit.value().indexOf('\\') < 0 && lit.value().codePoints().allMatch(c -> c >= 0x20 && c < 0x7f)
                ? lit.pos().shifted(1 + index, 1 + index) : lit.pos();
    }

    private void bindings(Routes.Route route) {
        Routes.Binding body = null;
        for (Routes.Binding b : route.bindings()) {
            Type t = b.param().type();
            if (b.source() != Routes.Source.BODY || t instanceof Type.Unknown) {
                continue;
            }
            String why = JsonForms.whyNotDecodable(t);
            if (t instanceof Type.OptionOf || t == Type.HTML) {
                facts.error(b.param().pos(), CheckCode.UNBINDABLE_PARAMETER, "parameter '" + b.param().name() + "' of type "
                        + t.display() + " cannot be bound: a path or query value is an Int, a Float, a Bool or a String"
                        + " (or an Option of one), a JSON body a model, a List or a Map");
            } else if (body != null) {
                facts.error(b.param().pos(), CheckCode.UNBINDABLE_PARAMETER, "parameters '" + body.param().name() + "' and '"
                        + b.param().name() + "' both take the JSON body: a route binds one body (wrap them in a model)");
            } else if (!route.method().equals("POST") && !route.method().equals("PUT") && !route.method().equals("PATCH")) {
                facts.error(b.param().pos(), CheckCode.UNBINDABLE_PARAMETER, "parameter '" + b.param().name() + "' would be the"
                        + " JSON body, but a " + (route.kind() == Routes.Kind.PLAIN ? route.method() : "@" + route.hint().name())
                        + " request has none: use @post, @put or @patch, or scalar query parameters");
            } else if (why != null) {
                facts.error(b.param().pos(), CheckCode.UNBINDABLE_PARAMETER, "parameter '" + b.param().name() + "' cannot be read"
                        + " from JSON: " + why);
            }
            body = body == null ? b : body;
        }
    }

    private void result(Routes.Route route) {
        Symbol.Op op = route.op();
        Position pos = route.hint().pos();
        Type r = op.result();
        if (route.kind() != Routes.Kind.PLAIN && r == Type.UNIT) {
            facts.error(pos, CheckCode.UNENCODABLE_RESULT, "a streaming route sends its operation's result on every change:"
                    + " '" + op.name() + "' returns nothing");
        } else if (r != Type.UNIT && r != Type.STRING && r != Type.HTML) {
            String why = JsonForms.whyNotEncodable(r);
            if (why != null) {
                facts.error(pos, CheckCode.UNENCODABLE_RESULT, "the result of '" + op.name() + "' cannot be written as JSON: " + why);
            }
        }
        for (ErrorInfo e : op.raises()) {
            for (Map.Entry<String, Type> f : e.fields().entrySet()) {
                String why = PROBLEM_MEMBERS.contains(f.getKey())
                        ? "the problem document has a member '" + f.getKey() + "' of its own; rename the field"
                        : JsonForms.whyNotEncodable(f.getValue());
                if (why != null) {
                    facts.error(pos, CheckCode.UNENCODABLE_RESULT, "'" + op.name() + "' raises " + e.name() + ", whose field '"
                            + f.getKey() + "' cannot be written into its problem document: " + why);
                }
            }
        }
    }
}
