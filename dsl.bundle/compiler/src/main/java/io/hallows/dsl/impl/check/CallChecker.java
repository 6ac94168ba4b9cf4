package io.hallows.dsl.impl.check;

import io.hallows.dsl.impl.ast.Expr;
import io.hallows.dsl.impl.ast.Position;
import java.util.ArrayList;
import java.util.List;

/**
 * Calls: operations of the service ({@code price(o)}), built-in functions ({@code str(x)}),
 * operations of services ({@code Pricing.price(o)}, Java methods included) and built-in methods
 * ({@code prices.get(sku)}); and the errors they raise, which must be caught or declared.
 */
final class CallChecker {
    private final ExprChecker exprs;
    private final Facts facts;

    CallChecker(ExprChecker exprs) {
        this.exprs = exprs;
        this.facts = exprs.facts;
    }

    Type call(Expr.Call c) {
        BodyScope scope = exprs.scope;
        if (!(c.callee() instanceof Expr.Name n)) {
            exprs.value(c.callee(), null);
            loosely(c.args());
            facts.error(c.pos(), CheckCode.WRONG_KIND_OF_NAME, "only operations and built-in functions can be called");
            return Type.UNKNOWN;
        }
        String name = n.name();
        Symbol.Op op = scope.service.op(name);
        if (op != null) {
            facts.resolve(c, op);
            if (exprs.allowsEffect(c.pos(), "call operation '" + name + "'")) {
                raised(op.raises(), op, c.pos());
            }
            arguments(c.args(), op.params(), "'" + name + "'", c.pos());
            return op.result();
        }
        Builtins.Function function = Builtins.function(name);
        if (function != null) {
            facts.resolve(c, new Symbol.Function(function));
            return BuiltinCalls.handles(function) ? new BuiltinCalls(exprs).call(c, function) : builtin(c, function);
        }
        loosely(c.args());
        if (scope.lookup(name) != null || scope.service.state().containsKey(name) || scope.service.derived().containsKey(name)) {
            facts.error(n.pos(), CheckCode.WRONG_KIND_OF_NAME, "'" + name + "' is a variable, not an operation");
        } else {
            List<String> candidates = new ArrayList<>(scope.service.ops().keySet());
            candidates.addAll(Builtins.functionNames());
            String suggestion = Builtins.suggestBuiltin(name, true);
            suggestion = suggestion.isEmpty() ? Names.suggest(name, candidates) : suggestion;
            suggestion = suggestion.isEmpty() ? Builtins.suggestBuiltin(name, false) : suggestion;
            facts.error(n.pos(), CheckCode.UNKNOWN_NAME, "unknown operation '" + name + "'" + suggestion);
        }
        return Type.UNKNOWN;
    }

    private Type builtin(Expr.Call c, Builtins.Function f) {
        if (c.args().size() != 1) {
            loosely(c.args());
            facts.error(c.pos(), CheckCode.WRONG_ARGUMENT_COUNT, f.word() + " takes 1 argument, found " + c.args().size());
        } else {
            Expr arg = c.args().getFirst();
            switch (f) {
                case STR -> takes(arg, "str(x) takes an Int, a Float, a Bool or a String",
                        t -> t == Type.INT || t == Type.FLOAT || t == Type.BOOL || t == Type.STRING);
                case INT -> exprs.expect(arg, Type.FLOAT, "the argument of int (it converts a Float)");
                case FLOAT -> exprs.expect(arg, Type.INT, "the argument of float (it converts an Int)");
                case LEN -> takes(arg, "len(x) takes a List, a Map or a String",
                        t -> t instanceof Type.ListOf || t instanceof Type.MapOf || t == Type.STRING);
                case LOG -> {
                    exprs.expect(arg, Type.STRING, "the argument of log");
                    if (!exprs.allowsEffect(c.pos(), "log")) {
                        return Type.UNKNOWN;
                    }
                }
            }
        }
        return switch (f) {
            case STR -> Type.STRING;
            case INT, LEN -> Type.INT;
            case FLOAT -> Type.FLOAT;
            case LOG -> Type.UNIT;
            default -> throw new IllegalStateException(f + " is checked by BuiltinCalls");
        };
    }

    private void takes(Expr arg, String rule, java.util.function.Predicate<Type> accepted) {
        Type t = exprs.value(arg, null);
        if (!(t instanceof Type.Unknown) && !accepted.test(t)) {
            facts.error(arg.pos(), CheckCode.TYPE_MISMATCH, rule + ", found " + t.display());
        }
    }

    Type method(Expr.MethodCall m) {
        if (exprs.stored.handles(m)) {
            return exprs.stored.method(m);
        }
        if (m.receiver() instanceof Expr.Name n && exprs.isService(n.name())) {
            ServiceInfo service = exprs.module.services().containsKey(n.name())
                    ? exprs.module.services().get(n.name()) : exprs.module.imported().get(n.name());
            facts.resolve(n, new Symbol.Service(service));
            return serviceCall(m, n.name(), service);
        }
        Type receiver = exprs.value(m.receiver(), null);
        if (receiver instanceof Type.Unknown) {
            loosely(m.args());
            return Type.UNKNOWN;
        }
        Builtins.Method method = Builtins.method(receiver, m.name());
        if (method == null) {
            loosely(m.args());
            facts.error(m.namePos(), CheckCode.UNKNOWN_MEMBER, receiver instanceof Type.Model model
                    ? "model '" + model.info().name() + "' has no methods; read its fields: ." + m.name()
                    : receiver.display() + " has no method '" + m.name() + "'" + methodHint(m.name(), receiver));
            return Type.UNKNOWN;
        }
        facts.resolve(m, new Symbol.Method(method));
        if (method == Builtins.Method.LIST_SORT_BY) {
            return new BuiltinCalls(exprs).sortBy(m, receiver);
        }
        List<Type> params = Builtins.params(method, receiver);
        arguments(m.args(), params.stream().map(t -> new Symbol.Local("", t, Symbol.LocalKind.PARAM, null)).toList(),
                "'" + m.name() + "'", m.namePos());
        return Builtins.result(method, receiver);
    }

    private static String methodHint(String name, Type receiver) {
        List<String> names = Builtins.methodNames(receiver);
        String suggestion = Names.suggest(name, names);
        return !suggestion.isEmpty() || names.isEmpty() ? suggestion : "; its methods are " + String.join(", ", names);
    }

    private Type serviceCall(Expr.MethodCall m, String serviceName, ServiceInfo service) {
        boolean effects = exprs.allowsEffect(m.pos(), "call service '" + serviceName + "'");
        if (service.trusted()) {
            loosely(m.args());
            return Type.UNKNOWN;
        }
        List<Symbol.Op> candidates = service.ops().getOrDefault(m.name(), List.of()).stream()
                .filter(op -> op.params().size() == m.args().size()).toList();
        if (candidates.size() > 1) {
            List<Type> actual = m.args().stream().map(a -> exprs.value(a, null)).toList();
            candidates = candidates.stream().filter(op -> matchAll(op.params(), actual)).limit(1).toList();
            if (candidates.isEmpty()) {
                facts.error(m.namePos(), CheckCode.TYPE_MISMATCH, "no method '" + m.name() + "' of " + serviceName + " takes ("
                        + String.join(", ", actual.stream().map(Type::display).toList()) + ")");
                return Type.UNKNOWN;
            }
            facts.resolve(m, candidates.getFirst());
            return candidates.getFirst().result();
        }
        Symbol.Op op = candidates.isEmpty() ? service.op(m.name()) : candidates.getFirst();
        if (op == null) {
            loosely(m.args());
            String unusable = service.unusable().get(m.name());
            if (unusable != null && !service.ops().containsKey(m.name())) {
                facts.error(m.namePos(), CheckCode.JAVA_TYPE_NOT_USABLE, "method '" + m.name() + "' of Java interface "
                        + service.javaType().getName() + " cannot be called from Parseltongue: " + unusable);
            } else if (service.ops().containsKey(m.name())) {
                facts.error(m.namePos(), CheckCode.WRONG_ARGUMENT_COUNT, "no method '" + m.name() + "' of " + serviceName
                        + " takes " + m.args().size() + " argument(s)");
            } else {
                facts.error(m.namePos(), CheckCode.UNKNOWN_MEMBER, "service '" + serviceName + "' has no operation '" + m.name()
                        + "'" + Names.suggest(m.name(), service.ops().keySet()));
            }
            return Type.UNKNOWN;
        }
        facts.resolve(m, op);
        if (effects) {
            raised(op.raises(), op, m.pos());
        }
        arguments(m.args(), op.params(), "'" + serviceName + "." + m.name() + "'", m.namePos());
        return op.result();
    }

    private static boolean matchAll(List<Symbol.Local> params, List<Type> actual) {
        for (int i = 0; i < params.size(); i++) {
            if (!Type.matches(params.get(i).type(), actual.get(i))) {
                return false;
            }
        }
        return true;
    }

    private void arguments(List<Expr> args, List<Symbol.Local> params, String callee, Position pos) {
        if (args.size() != params.size()) {
            loosely(args);
            facts.error(pos, CheckCode.WRONG_ARGUMENT_COUNT, callee + " takes " + params.size() + " argument"
                    + (params.size() == 1 ? "" : "s") + ", found " + args.size());
            return;
        }
        for (int i = 0; i < args.size(); i++) {
            String name = params.get(i).name();
            exprs.expect(args.get(i), params.get(i).type(), "argument " + (name.isEmpty() || name.startsWith("arg")
                    ? String.valueOf(i + 1) : "'" + name + "'") + " of " + callee);
        }
    }

    private void loosely(List<Expr> args) {
        args.forEach(a -> exprs.value(a, null));
    }

    /**
     * Reports each checked error in {@code errors} that no enclosing {@code try} catches and the
     * operation does not declare. {@code source} is the operation called, null for a {@code raise}.
     */
    void raised(List<ErrorInfo> errors, Symbol.Op source, Position pos) {
        BodyScope scope = exprs.scope;
        for (ErrorInfo e : errors) {
            if (e.builtin() || scope.caught(e) || scope.mode == BodyScope.Mode.OP && scope.op.raises().contains(e)) {
                continue;
            }
            String what = source == null ? "error '" + e.name() + "' is raised here and"
                    : "'" + source.name() + "' raises " + e.name() + ", which";
            String todo = scope.mode == BodyScope.Mode.OP
                    ? "catch it, or add 'raises " + e.name() + "' to " + scope.what
                    : "a subscription cannot raise errors: catch it";
            facts.error(pos, CheckCode.UNHANDLED_ERROR, what + " is neither caught nor declared: " + todo);
        }
    }
}
