package io.hallows.dsl.impl.check;

import io.hallows.dsl.impl.ast.Expr;
import io.hallows.dsl.impl.ast.FieldInit;
import io.hallows.dsl.impl.ast.MapEntry;
import io.hallows.dsl.impl.ast.Position;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Literals whose type comes from their parts or their context: {@code none}, lists, maps, model
 * literals (with inference of a generic model's type arguments) and the fields of a {@code raise}.
 */
final class Literals {
    private final ExprChecker exprs;
    private final Facts facts;

    Literals(ExprChecker exprs) {
        this.exprs = exprs;
        this.facts = exprs.facts;
    }

    /** Whether {@code e} can only be typed from its context: {@code none}, {@code []}, {@code {}}. */
    static boolean needsContext(Expr e) {
        return e instanceof Expr.NoneLit || e instanceof Expr.ListLiteral l && l.elements().isEmpty()
                || e instanceof Expr.MapLiteral m && m.entries().isEmpty();
    }

    Type none(Expr.NoneLit n, Type expected) {
        if (expected instanceof Type.OptionOf) {
            return expected;
        }
        return cannotInfer(n.pos(), "'none'", "let x: Option<Int> = none;", expected, new Type.OptionOf(Type.UNKNOWN));
    }

    /**
     * No context to type {@code what}: reported when there is none at all; when the context expects
     * something else, {@code shape} lets the caller report the mismatch.
     */
    private Type cannotInfer(Position pos, String what, String example, Type expected, Type shape) {
        if (expected == null) {
            facts.error(pos, CheckCode.CANNOT_INFER, "cannot tell the type of " + what + " here: give the variable or"
                    + " parameter a type, e.g. " + example);
            return Type.UNKNOWN;
        }
        return expected instanceof Type.Unknown ? Type.UNKNOWN : shape;
    }

    Type list(Expr.ListLiteral l, Type expected) {
        Type element = expected instanceof Type.ListOf e ? e.element() : null;
        if (l.elements().isEmpty()) {
            return element != null ? expected : cannotInfer(l.pos(), "an empty list", "let xs: List<Int> = [];", expected,
                    new Type.ListOf(Type.UNKNOWN));
        }
        return new Type.ListOf(elements(l.elements(), element, "list element"));
    }

    Type map(Expr.MapLiteral m, Type expected) {
        Type key = expected instanceof Type.MapOf e ? e.key() : null;
        Type value = expected instanceof Type.MapOf e ? e.value() : null;
        if (m.entries().isEmpty()) {
            return key != null ? expected : cannotInfer(m.pos(), "an empty map", "let m: Map<String, Int> = {};", expected,
                    new Type.MapOf(Type.UNKNOWN, Type.UNKNOWN));
        }
        return new Type.MapOf(elements(m.entries().stream().map(MapEntry::key).toList(), key, "map key"),
                elements(m.entries().stream().map(MapEntry::value).toList(), value, "map value"));
    }

    /** The common type of {@code items}: {@code expected}, else the first one's that does not need context. */
    private Type elements(List<Expr> items, Type expected, String what) {
        Expr first = null;
        if (expected == null) {
            first = items.stream().filter(e -> !needsContext(e)).findFirst().orElse(items.getFirst());
            expected = exprs.value(first, null);
        }
        for (Expr item : items) {
            if (item != first) {
                exprs.expect(item, expected, what);
            }
        }
        return expected;
    }

    Type model(Expr.ModelLiteral m, Type expected) {
        ModelInfo info = exprs.types.model(m.type(), m.pos());
        if (info == null) {
            m.fields().forEach(f -> exprs.value(f.value(), null));
            return Type.UNKNOWN;
        }
        Map<String, Type> bindings = new HashMap<>();
        if (expected instanceof Type.Model e && e.info() == info) {
            for (int i = 0; i < info.typeParams().size(); i++) {
                bindings.put(info.typeParams().get(i), e.args().get(i));
            }
        }
        List<Map.Entry<FieldInit, Type>> generic = new ArrayList<>();
        fields(m.fields(), info.fields(), "model '" + info.name() + "'", m.pos(), (init, declared) -> {
            Type known = Type.substitute(declared, bindings);
            if (mentionsParams(known)) {
                Type actual = exprs.value(init.value(), null);
                unify(known, actual, bindings);
                generic.add(Map.entry(init, actual));
            } else {
                exprs.expect(init.value(), known, "field '" + init.name() + "' of " + info.name());
            }
        });
        List<Type> args = new ArrayList<>();
        for (String p : info.typeParams()) {
            Type bound = bindings.get(p);
            if (bound == null) {
                facts.error(m.pos(), CheckCode.CANNOT_INFER, "cannot tell type argument " + p + " of model '" + info.name()
                        + "' from these fields: give the variable a type, e.g. let x: " + info.name() + "<...> = ...;");
                return Type.UNKNOWN;
            }
            if (!Type.isComplete(bound)) {
                return Type.UNKNOWN;
            }
            args.add(bound);
        }
        for (Map.Entry<FieldInit, Type> e : generic) {
            FieldInit init = e.getKey();
            Type declared = Type.substitute(info.fields().get(init.name()), bindings);
            if (!Type.matches(declared, e.getValue())) {
                facts.error(init.value().pos(), CheckCode.TYPE_MISMATCH, "type mismatch in field '" + init.name() + "' of "
                        + info.name() + ": expected " + declared.display() + ", found " + e.getValue().display());
            }
        }
        return new Type.Model(info, args);
    }

    /** The declared fields the literal does not give: a suggestion never offers a field already there. */
    private static List<String> notGiven(Set<String> declared, List<FieldInit> inits) {
        Set<String> given = new HashSet<>();
        inits.forEach(i -> given.add(i.name()));
        return declared.stream().filter(f -> !given.contains(f)).toList();
    }

    /** Checks the fields of a model literal or a {@code raise}: each declared once, none missing, none unknown. */
    void fields(List<FieldInit> inits, Map<String, Type> declared, String owner, Position pos,
            java.util.function.BiConsumer<FieldInit, Type> check) {
        Set<String> seen = new HashSet<>();
        for (FieldInit init : inits) {
            Type type = declared.get(init.name());
            if (!seen.add(init.name())) {
                facts.error(init.pos(), CheckCode.DUPLICATE, "field '" + init.name() + "' is given twice");
                exprs.value(init.value(), null);
            } else if (type == null) {
                facts.error(init.pos(), CheckCode.UNKNOWN_MEMBER, owner + " has no field '" + init.name() + "'"
                        + Names.suggest(init.name(), notGiven(declared.keySet(), inits)));
                exprs.value(init.value(), null);
            } else {
                check.accept(init, type);
            }
        }
        List<String> missing = declared.keySet().stream().filter(f -> !seen.contains(f)).toList();
        if (!missing.isEmpty()) {
            facts.error(pos, CheckCode.MISSING_FIELDS, owner + " is missing field" + (missing.size() == 1 ? " " : "s ")
                    + String.join(", ", missing.stream().map(f -> "'" + f + "'").toList()));
        }
    }

    private static boolean mentionsParams(Type t) {
        return switch (t) {
            case Type.Param p -> true;
            case Type.ListOf l -> mentionsParams(l.element());
            case Type.OptionOf o -> mentionsParams(o.element());
            case Type.MapOf m -> mentionsParams(m.key()) || mentionsParams(m.value());
            case Type.Model m -> m.args().stream().anyMatch(Literals::mentionsParams);
            default -> false;
        };
    }

    /** Binds the type parameters in {@code declared} from {@code actual}, first binding wins. */
    private static void unify(Type declared, Type actual, Map<String, Type> bindings) {
        switch (declared) {
            case Type.Param p -> bindings.putIfAbsent(p.name(), actual);
            case Type.ListOf l when actual instanceof Type.ListOf a -> unify(l.element(), a.element(), bindings);
            case Type.OptionOf o when actual instanceof Type.OptionOf a -> unify(o.element(), a.element(), bindings);
            case Type.MapOf m when actual instanceof Type.MapOf a -> {
                unify(m.key(), a.key(), bindings);
                unify(m.value(), a.value(), bindings);
            }
            case Type.Model m when actual instanceof Type.Model a && a.info() == m.info() -> {
                for (int i = 0; i < m.args().size(); i++) {
                    unify(m.args().get(i), a.args().get(i), bindings);
                }
            }
            default -> {
            }
        }
    }
}
