package io.hallows.dsl.impl.check;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Which types have a JSON form. Written (a route's result, a raised error's fields): Int, Float,
 * Bool, String, Option (value or null), List (array), Map with scalar keys (object; keys as text)
 * and models (objects of their fields). Read (a body): the same, with String keys only. Html and
 * Unit have none inside a document.
 */
final class JsonForms {
    private JsonForms() {
    }

    /** Why values of {@code t} cannot be written as JSON, or null when they can. */
    static String whyNotEncodable(Type t) {
        return why(t, false, new HashSet<>());
    }

    /** Why values of {@code t} cannot be read from JSON, or null when they can. */
    static String whyNotDecodable(Type t) {
        return why(t, true, new HashSet<>());
    }

    private static String why(Type t, boolean reading, Set<Type> seen) {
        return switch (t) {
            case Type.Prim p when p == Type.HTML -> "Html has no JSON form (a route returning Html answers text/html)";
            case Type.Prim p when p == Type.UNIT -> "Unit has no value";
            case Type.Prim p -> null;
            case Type.OptionOf o -> why(o.element(), reading, seen);
            case Type.ListOf l -> why(l.element(), reading, seen);
            case Type.MapOf m -> {
                if (reading ? m.key() != Type.STRING : !Routes.isScalar(m.key())) {
                    yield "a JSON object's keys are strings, so a Map " + (reading ? "read from JSON has String keys" : "needs scalar keys")
                            + ", not " + m.key().display();
                }
                yield why(m.value(), reading, seen);
            }
            case Type.Model m -> {
                if (!seen.add(m)) {
                    yield null;
                }
                for (Map.Entry<String, Type> f : m.info().fields().entrySet()) {
                    String inner = why(m.field(f.getKey()), reading, seen);
                    if (inner != null) {
                        yield "field '" + f.getKey() + "' of " + m.display() + ": " + inner;
                    }
                }
                yield null;
            }
            case Type.Error e -> "an error is not a value";
            case Type.Param p -> null;
            case Type.Unknown u -> null;
        };
    }
}
