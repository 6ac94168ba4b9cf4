package io.hallows.dsl.impl.check;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A Parseltongue type. Types are values: two types are the same when they are equal. Models and
 * errors compare by their declaration (identity of {@link ModelInfo} / {@link ErrorInfo}).
 * {@link #UNKNOWN} is the type of an expression that already has an error: it matches every type,
 * so that one mistake is reported once.
 */
public sealed interface Type {
    Prim INT = Prim.INT;
    Prim FLOAT = Prim.FLOAT;
    Prim BOOL = Prim.BOOL;
    Prim STRING = Prim.STRING;
    Prim UNIT = Prim.UNIT;
    Prim HTML = Prim.HTML;
    Unknown UNKNOWN = new Unknown();

    /** How the type is written in Parseltongue: {@code Map<String, List<Int>>}. */
    String display();

    /**
     * The built-in scalar types, {@code Unit}, the result of an operation that returns nothing, and
     * {@code Html}, a page only a {@code template} makes (its escaping is what makes it safe).
     */
    enum Prim implements Type {
        INT("Int"), FLOAT("Float"), BOOL("Bool"), STRING("String"), UNIT("Unit"), HTML("Html");

        private final String name;

        Prim(String name) {
            this.name = name;
        }

        @Override
        public String display() {
            return name;
        }
    }

    /** {@code List<T>} */
    record ListOf(Type element) implements Type {
        @Override
        public String display() {
            return "List<" + element.display() + ">";
        }
    }

    /** {@code Map<K, V>} */
    record MapOf(Type key, Type value) implements Type {
        @Override
        public String display() {
            return "Map<" + key.display() + ", " + value.display() + ">";
        }
    }

    /** {@code Option<T>} */
    record OptionOf(Type element) implements Type {
        @Override
        public String display() {
            return "Option<" + element.display() + ">";
        }
    }

    /** A {@code model} or {@code reactive_model}, with its type arguments when it is generic. */
    record Model(ModelInfo info, List<Type> args) implements Type {
        public Model {
            args = List.copyOf(args);
        }

        /** The type of field {@code name} of this instance, null when there is no such field. */
        public Type field(String name) {
            Type declared = info.fields().get(name);
            return declared == null ? null : info.substitute(declared, args);
        }

        @Override
        public String display() {
            return args.isEmpty() ? info.name()
                    : info.name() + args.stream().map(Type::display).collect(Collectors.joining(", ", "<", ">"));
        }
    }

    /** An {@code error} type: the type of a {@code catch} variable. */
    record Error(ErrorInfo info) implements Type {
        @Override
        public String display() {
            return info.name();
        }
    }

    /** A type parameter of a generic model, inside its declaration. */
    record Param(String name) implements Type {
        @Override
        public String display() {
            return name;
        }
    }

    /** The type of an erroneous expression. */
    record Unknown() implements Type {
        @Override
        public String display() {
            return "?";
        }
    }

    /** Whether a value of type {@code actual} may be used where {@code expected} is: equal, up to unknowns. */
    static boolean matches(Type expected, Type actual) {
        if (expected instanceof Unknown || actual instanceof Unknown) {
            return true;
        }
        return switch (expected) {
            case ListOf e when actual instanceof ListOf a -> matches(e.element(), a.element());
            case OptionOf e when actual instanceof OptionOf a -> matches(e.element(), a.element());
            case MapOf e when actual instanceof MapOf a -> matches(e.key(), a.key()) && matches(e.value(), a.value());
            case Model e when actual instanceof Model a -> e.info() == a.info() && allMatch(e.args(), a.args());
            default -> expected.equals(actual);
        };
    }

    private static boolean allMatch(List<Type> expected, List<Type> actual) {
        if (expected.size() != actual.size()) {
            return false;
        }
        for (int i = 0; i < expected.size(); i++) {
            if (!matches(expected.get(i), actual.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** Whether the type mentions {@link #UNKNOWN} anywhere. */
    static boolean isComplete(Type type) {
        return switch (type) {
            case Unknown u -> false;
            case ListOf l -> isComplete(l.element());
            case OptionOf o -> isComplete(o.element());
            case MapOf m -> isComplete(m.key()) && isComplete(m.value());
            case Model m -> m.args().stream().allMatch(Type::isComplete);
            default -> true;
        };
    }

    /** {@code type} with the type parameters in {@code bindings} replaced. */
    static Type substitute(Type type, Map<String, Type> bindings) {
        return switch (type) {
            case Param p -> bindings.getOrDefault(p.name(), p);
            case ListOf l -> new ListOf(substitute(l.element(), bindings));
            case OptionOf o -> new OptionOf(substitute(o.element(), bindings));
            case MapOf m -> new MapOf(substitute(m.key(), bindings), substitute(m.value(), bindings));
            case Model m -> new Model(m.info(), m.args().stream().map(a -> substitute(a, bindings)).toList());
            default -> type;
        };
    }
}
