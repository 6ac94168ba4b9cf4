package io.hallows.dsl.impl.check;

import io.hallows.dsl.impl.ast.Expr;
import java.util.List;

/**
 * The built-ins of web code: {@code random(lo, hi)}, {@code parseInt(s)}, {@code min(a, b)},
 * {@code max(a, b)}, {@code xs.sortBy("field")}, and the calls a template's body is made of
 * ({@code {value}} must have a text: a scalar, or Html, which is written as it is).
 */
final class BuiltinCalls {
    private final ExprChecker exprs;
    private final Facts facts;

    BuiltinCalls(ExprChecker exprs) {
        this.exprs = exprs;
        this.facts = exprs.facts;
    }

    static boolean handles(Builtins.Function f) {
        return switch (f) {
            case RANDOM, PARSE_INT, MIN, MAX, MARKUP, TEXT, RESULT -> true;
            default -> false;
        };
    }

    Type call(Expr.Call c, Builtins.Function f) {
        List<Type> params = switch (f) {
            case RANDOM, MIN, MAX -> List.of(Type.INT, Type.INT);
            case PARSE_INT, MARKUP -> List.of(Type.STRING);
            case TEXT -> List.of(Type.UNKNOWN);
            default -> List.of();
        };
        if (c.args().size() != params.size()) {
            c.args().forEach(a -> exprs.value(a, null));
            facts.error(c.pos(), CheckCode.WRONG_ARGUMENT_COUNT, f.word() + " takes " + params.size() + " argument"
                    + (params.size() == 1 ? "" : "s") + ", found " + c.args().size());
        } else if (f == Builtins.Function.TEXT) {
            Expr arg = c.args().getFirst();
            Type t = exprs.value(arg, null);
            if (!(t instanceof Type.Unknown) && !(t instanceof Type.Prim p && p != Type.UNIT)) {
                facts.error(arg.pos(), CheckCode.BAD_TEMPLATE_VALUE, "{value} in a template takes an Int, a Float, a Bool,"
                        + " a String or Html, found " + t.display() + hint(t));
            }
        } else {
            for (int i = 0; i < params.size(); i++) {
                exprs.expect(c.args().get(i), params.get(i), "argument " + (i + 1) + " of " + f.word());
            }
        }
        if (f == Builtins.Function.RANDOM && !exprs.allowsEffect(c.pos(), "call random")) {
            return Type.UNKNOWN;
        }
        return switch (f) {
            case RANDOM, MIN, MAX -> Type.INT;
            case PARSE_INT -> new Type.OptionOf(Type.INT);
            case RESULT -> Type.HTML;
            default -> Type.UNIT;
        };
    }

    private static String hint(Type t) {
        return switch (t) {
            case Type.Model m -> ": write one of its fields";
            case Type.OptionOf o -> ": unwrap it first (match, or .orElse(...))";
            case Type.ListOf l -> ": loop over it with 'for'";
            default -> "";
        };
    }

    /** {@code xs.sortBy("name")}: a literal naming an Int, Float or String field of the list's model. */
    Type sortBy(Expr.MethodCall m, Type receiver) {
        if (m.args().size() != 1) {
            m.args().forEach(a -> exprs.value(a, null));
            facts.error(m.namePos(), CheckCode.WRONG_ARGUMENT_COUNT, "sortBy takes 1 argument (a field name), found " + m.args().size());
            return receiver;
        }
        Expr arg = m.args().getFirst();
        exprs.expect(arg, Type.STRING, "the argument of sortBy");
        Type element = ((Type.ListOf) receiver).element();
        if (!(element instanceof Type.Model model)) {
            if (!(element instanceof Type.Unknown)) {
                facts.error(m.namePos(), CheckCode.BAD_SORT_KEY, "sortBy sorts a list of models by a field; this list holds "
                        + element.display());
            }
            return receiver;
        }
        if (!(arg instanceof Expr.StringLit name)) {
            facts.error(arg.pos(), CheckCode.BAD_SORT_KEY, "sortBy takes the field's name as a string literal, e.g. sortBy(\""
                    + model.info().fields().keySet().stream().findFirst().orElse("name") + "\")");
            return receiver;
        }
        Type field = model.field(name.value());
        if (field == null) {
            facts.error(arg.pos(), CheckCode.BAD_SORT_KEY, "model '" + model.info().name() + "' has no field '" + name.value() + "'"
                    + Names.suggest(name.value(), model.info().fields().keySet()));
        } else if (field != Type.INT && field != Type.FLOAT && field != Type.STRING) {
            facts.error(arg.pos(), CheckCode.BAD_SORT_KEY, "sortBy sorts by an Int, Float or String field; '" + name.value()
                    + "' is " + field.display());
        }
        return receiver;
    }
}
