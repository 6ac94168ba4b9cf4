package io.hallows.dsl.runtime;

import java.util.Optional;

/**
 * Column values to Parseltongue values, for the code generated for stored models: the engine gives
 * an integer column as Long, Integer or Short, a text as String; a NULL only in an Option field.
 */
public final class PtRows {
    private PtRows() {
    }

    public static long toInt(Object v) {
        return ((Number) required(v)).longValue();
    }

    public static double toFloat(Object v) {
        return ((Number) required(v)).doubleValue();
    }

    public static boolean toBool(Object v) {
        return (Boolean) required(v);
    }

    public static String toStr(Object v) {
        return required(v).toString();
    }

    public static Optional<Long> optInt(Object v) {
        return v == null ? Optional.empty() : Optional.of(toInt(v));
    }

    public static Optional<Double> optFloat(Object v) {
        return v == null ? Optional.empty() : Optional.of(toFloat(v));
    }

    public static Optional<Boolean> optBool(Object v) {
        return v == null ? Optional.empty() : Optional.of(toBool(v));
    }

    public static Optional<String> optStr(Object v) {
        return v == null ? Optional.empty() : Optional.of(toStr(v));
    }

    private static Object required(Object v) {
        if (v == null) {
            throw new IllegalStateException("a NULL in a column whose field is not an Option: the table was changed"
                    + " outside the module");
        }
        return v;
    }
}
