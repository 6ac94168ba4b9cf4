package io.hallows.dsl.impl.check;

import io.hallows.dsl.impl.syntax.TemplateParser;
import java.util.Arrays;
import java.util.List;

/**
 * The built-in functions and methods, and their types. The set is small on purpose; everything
 * else is an operation.
 */
public final class Builtins {
    private Builtins() {
    }

    /**
     * {@code str(x)}, {@code int(f)}, {@code float(i)}, {@code len(c)}, {@code log(s)};
     * {@code random(lo, hi)}, {@code parseInt(s)}, {@code min(a, b)}, {@code max(a, b)}
     * ({@link BuiltinCalls}); and the three a template's body is made of, which no program can name
     * ({@link io.hallows.dsl.impl.syntax.TemplateParser}).
     */
    public enum Function {
        STR("str"), INT("int"), FLOAT("float"), LEN("len"), LOG("log"),
        RANDOM("random"), PARSE_INT("parseInt"), MIN("min"), MAX("max"),
        MARKUP(TemplateParser.MARKUP), TEXT(TemplateParser.TEXT), RESULT(TemplateParser.RESULT);

        private final String word;

        Function(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }

        /** Whether a call has an effect (so it is not pure, and may stand as a statement). */
        public boolean effect() {
            return this == LOG || this == RANDOM || this == MARKUP || this == TEXT;
        }
    }

    /** The receiver kinds that have methods. */
    enum Receiver {
        LIST, MAP, OPTION, STRING
    }

    /** A method of a List, Map, Option or String. */
    public enum Method {
        LIST_GET(Receiver.LIST, "get"), LIST_ADD(Receiver.LIST, "add"), LIST_CONTAINS(Receiver.LIST, "contains"),
        LIST_SIZE(Receiver.LIST, "size"),
        MAP_GET(Receiver.MAP, "get"), MAP_PUT(Receiver.MAP, "put"), MAP_REMOVE(Receiver.MAP, "remove"),
        MAP_CONTAINS(Receiver.MAP, "contains"), MAP_KEYS(Receiver.MAP, "keys"), MAP_VALUES(Receiver.MAP, "values"),
        MAP_SIZE(Receiver.MAP, "size"),
        OPTION_IS_SOME(Receiver.OPTION, "isSome"), OPTION_OR_ELSE(Receiver.OPTION, "orElse"),
        STRING_LENGTH(Receiver.STRING, "length"), STRING_CONTAINS(Receiver.STRING, "contains"),
        STRING_UPPER(Receiver.STRING, "upper"), STRING_LOWER(Receiver.STRING, "lower"),
        LIST_SORT_BY(Receiver.LIST, "sortBy");

        private final Receiver receiver;
        private final String word;

        Method(Receiver receiver, String word) {
            this.receiver = receiver;
            this.word = word;
        }

        public String word() {
            return word;
        }
    }

    static Function function(String name) {
        return Arrays.stream(Function.values()).filter(f -> f.word.equals(name)).findFirst().orElse(null);
    }

    /** What other languages call the built-in functions, so that their (misspelt) names find them. */
    private static final java.util.Map<String, String> OTHER_NAMES = java.util.Map.of(
            "length", "len", "size", "len", "count", "len", "print", "log", "println", "log",
            "toString", "str", "string", "str", "toInt", "int", "toFloat", "float", "toDouble", "float");

    /**
     * {@code " (did you mean 'len'?)"} for what another language calls a built-in ({@code print}), or,
     * unless {@code exactOnly}, a name near one ({@code lenght}); else empty.
     */
    static String suggestBuiltin(String name, boolean exactOnly) {
        String other = OTHER_NAMES.containsKey(name) ? name : null;
        if (other == null && !exactOnly) {
            String near = Names.suggest(name, OTHER_NAMES.keySet());
            other = near.isEmpty() ? null : near.substring(near.indexOf('\'') + 1, near.lastIndexOf('\''));
        }
        return other == null ? "" : " (did you mean '" + OTHER_NAMES.get(other) + "'?)";
    }

    static List<String> functionNames() {
        return Arrays.stream(Function.values()).map(Function::word).filter(w -> !w.startsWith("$")).toList();
    }

    /** The method {@code name} of values of type {@code receiver}, or null. */
    static Method method(Type receiver, String name) {
        Receiver kind = receiverOf(receiver);
        return Arrays.stream(Method.values()).filter(m -> m.receiver == kind && m.word.equals(name)).findFirst().orElse(null);
    }

    /** The names of the methods of {@code receiver}, for suggestions. */
    static List<String> methodNames(Type receiver) {
        Receiver kind = receiverOf(receiver);
        return Arrays.stream(Method.values()).filter(m -> m.receiver == kind).map(Method::word).toList();
    }

    /** The parameter types of {@code m} called on {@code receiver}. */
    static List<Type> params(Method m, Type receiver) {
        return switch (m) {
            case LIST_GET -> List.of(Type.INT);
            case LIST_ADD, LIST_CONTAINS -> List.of(((Type.ListOf) receiver).element());
            case MAP_GET, MAP_REMOVE, MAP_CONTAINS -> List.of(((Type.MapOf) receiver).key());
            case MAP_PUT -> List.of(((Type.MapOf) receiver).key(), ((Type.MapOf) receiver).value());
            case OPTION_OR_ELSE -> List.of(((Type.OptionOf) receiver).element());
            case STRING_CONTAINS, LIST_SORT_BY -> List.of(Type.STRING);
            default -> List.of();
        };
    }

    /** The result type of {@code m} called on {@code receiver}. */
    static Type result(Method m, Type receiver) {
        return switch (m) {
            case LIST_GET -> new Type.OptionOf(((Type.ListOf) receiver).element());
            case LIST_ADD, MAP_PUT, MAP_REMOVE, LIST_SORT_BY -> receiver;
            case LIST_CONTAINS, MAP_CONTAINS, OPTION_IS_SOME, STRING_CONTAINS -> Type.BOOL;
            case LIST_SIZE, MAP_SIZE, STRING_LENGTH -> Type.INT;
            case MAP_GET -> new Type.OptionOf(((Type.MapOf) receiver).value());
            case MAP_KEYS -> new Type.ListOf(((Type.MapOf) receiver).key());
            case MAP_VALUES -> new Type.ListOf(((Type.MapOf) receiver).value());
            case OPTION_OR_ELSE -> ((Type.OptionOf) receiver).element();
            case STRING_UPPER, STRING_LOWER -> Type.STRING;
        };
    }

    private static Receiver receiverOf(Type type) {
        return switch (type) {
            case Type.ListOf l -> Receiver.LIST;
            case Type.MapOf m -> Receiver.MAP;
            case Type.OptionOf o -> Receiver.OPTION;
            case Type.Prim p when p == Type.STRING -> Receiver.STRING;
            default -> null;
        };
    }
}
