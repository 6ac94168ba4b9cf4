package io.hallows.dsl.impl.gen;

import io.hallows.dsl.impl.ast.Expr;
import io.hallows.dsl.impl.check.Builtins;
import io.hallows.dsl.impl.check.CheckedModule;
import io.hallows.dsl.impl.check.ServiceInfo;
import io.hallows.dsl.impl.check.Symbol;
import io.hallows.dsl.impl.check.Type;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

/**
 * Calls to Java: an operation of the same service is a direct call of its method (its body
 * method when it has one: no partition hop, no copies); an operation of another service goes
 * through {@code $ctx.service(Api.class)}; built-ins are JDK calls or
 * {@link io.hallows.dsl.runtime.PtValues} helpers.
 */
final class Calls {
    private static final String VALUES = JavaNames.RUNTIME + "PtValues.";

    private final ExprGenerator exprs;
    private final CheckedModule checked;
    private final ServiceInfo service;
    final QueryGenerator stored;

    Calls(ExprGenerator exprs, CheckedModule checked, ServiceInfo service) {
        this.exprs = exprs;
        this.checked = checked;
        this.service = service;
        this.stored = new QueryGenerator(exprs, checked);
    }

    String call(Expr.Call c) {
        return switch (checked.symbol(c)) {
            case Symbol.Op op -> own(op, c.args());
            case Symbol.Function f -> function(f.function(), c.args().getFirst());
            case Symbol s -> throw new IllegalStateException("call resolved to " + s);
        };
    }

    private String function(Builtins.Function f, Expr arg) {
        String a = exprs.gen(arg);
        return switch (f) {
            case STR -> "String.valueOf(" + a + ")";
            case INT -> JavaNames.RUNTIME + "PtMath.truncate(" + a + ")";
            case FLOAT -> "((double) " + a + ")";
            case LEN -> exprs.type(arg) == Type.STRING ? VALUES + "length(" + a + ")" : "((long) " + a + ".size())";
            case LOG -> "this.$ctx.log(" + a + ")";
        };
    }

    /** {@code statement}: the value is dropped, so no unboxing or copying around the call. */
    String method(Expr.MethodCall m, boolean statement) {
        Symbol symbol = checked.symbol(m);
        if (symbol instanceof Symbol.Stored s) {
            return stored.method(s, m, statement);
        }
        if (symbol instanceof Symbol.Op op) {
            if (op.service() == service) {
                return own(op, m.args());
            }
            exprs.callsOperations = true;
            String target = "this.$ctx.service(" + serviceType(op.service()) + ".class)." + JavaNames.id(op.name());
            return op.method() != null ? java(target, op, m.args(), statement) : target + "(" + exprs.list(m.args()) + ")";
        }
        Builtins.Method method = ((Symbol.Method) symbol).method();
        String r = exprs.gen(m.receiver());
        List<String> a = m.args().stream().map(exprs::gen).toList();
        return switch (method) {
            case LIST_GET, MAP_GET -> VALUES + "get(" + r + ", " + a.getFirst() + ")";
            case LIST_ADD -> VALUES + "add(" + r + ", " + a.getFirst() + ")";
            case LIST_CONTAINS, STRING_CONTAINS -> r + ".contains(" + a.getFirst() + ")";
            case LIST_SIZE, MAP_SIZE -> "((long) " + r + ".size())";
            case MAP_PUT -> VALUES + "put(" + r + ", " + a.get(0) + ", " + a.get(1) + ")";
            case MAP_REMOVE -> VALUES + "remove(" + r + ", " + a.getFirst() + ")";
            case MAP_CONTAINS -> r + ".containsKey(" + a.getFirst() + ")";
            case MAP_KEYS -> VALUES + "keys(" + r + ")";
            case MAP_VALUES -> VALUES + "values(" + r + ")";
            case OPTION_IS_SOME -> r + ".isPresent()";
            case OPTION_OR_ELSE -> JavaNames.unbox(r + ".orElse(" + a.getFirst() + ")", exprs.type(m));
            case STRING_LENGTH -> VALUES + "length(" + r + ")";
            case STRING_UPPER -> VALUES + "upper(" + r + ")";
            case STRING_LOWER -> VALUES + "lower(" + r + ")";
        };
    }

    private String own(Symbol.Op op, List<Expr> args) {
        exprs.callsOperations = true;
        return "this." + ServiceGenerator.bodyMethod(op) + "(" + exprs.list(args) + ")";
    }

    private static String serviceType(ServiceInfo s) {
        return s.javaType() != null ? s.javaType().getCanonicalName() : JavaNames.api(s.module(), s.name());
    }

    /** A Java method: {@code int} parameters checked, boxed results unboxed, collections copied. */
    private String java(String target, Symbol.Op op, List<Expr> args, boolean statement) {
        Method method = op.method();
        List<String> a = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            Class<?> p = method.getParameterTypes()[i];
            String arg = exprs.gen(args.get(i));
            a.add(p == int.class || p == Integer.class ? JavaNames.RUNTIME + "PtMath.toJavaInt(" + arg + ")" : arg);
        }
        String call = target + "(" + String.join(", ", a) + ")";
        Class<?> r = method.getReturnType();
        if (statement || r == void.class) {
            return call;
        }
        if (r == java.util.List.class) {
            return VALUES + "list(" + call + ")";
        }
        if (r == java.util.Map.class) {
            return VALUES + "map(" + call + ")";
        }
        return r.isPrimitive() ? call : JavaNames.unbox(call, op.result());
    }
}
