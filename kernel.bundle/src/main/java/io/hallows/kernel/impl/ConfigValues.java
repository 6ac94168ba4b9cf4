package io.hallows.kernel.impl;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/** Reads ConfigAdmin values that may arrive as a String, a String[] or a Collection. */
public final class ConfigValues {
    private ConfigValues() {
    }

    /** The non-blank, trimmed strings of a list value; a plain string is split at commas. */
    public static List<String> strings(Object value) {
        if (value == null) {
            return List.of();
        }
        Collection<?> items = value instanceof Collection<?> c ? c
                : value instanceof Object[] a ? Arrays.asList(a)
                : Arrays.asList(value.toString().split(","));
        return items.stream().map(Object::toString).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
