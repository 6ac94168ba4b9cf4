package io.hallows.dsl.runtime.impl;

import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Parseltongue values as JSON text that says enough to rebuild them, for the {@code pt_state}
 * table. Int is a number without a fraction or exponent, Float one with (Java's
 * {@code Double.toString}, so it reads back exactly), Bool and String are JSON's, a List an array.
 * The rest are objects whose first member tags them:
 * <ul>
 * <li>{@code {"$opt": v}} is {@code some(v)}, {@code {"$opt": null}} is {@code none};</li>
 * <li>{@code {"$map": [[k, v], ...]}} is a Map in its order (keys need not be strings);</li>
 * <li>{@code {"$model": "pt.shop.api.Product", "id": 1, ...}} a model: the generated record's
 * class and its components by name, rebuilt through its canonical constructor;</li>
 * <li>{@code {"$float": "NaN"}} (or {@code "Infinity"}, {@code "-Infinity"}).</li>
 * </ul>
 * Lists and maps come back unmodifiable, as Parseltongue's own.
 */
final class StateJson {
    private StateJson() {
    }

    /** @throws IllegalArgumentException naming the Java class of a value that is not a Parseltongue value */
    static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    private static void write(Object v, StringBuilder out) {
        switch (v) {
            case Long l -> out.append(l.longValue());
            case Double d -> {
                if (Double.isFinite(d)) {
                    out.append(d.doubleValue());
                } else {
                    out.append("{\"$float\":\"").append(d).append("\"}");
                }
            }
            case Boolean b -> out.append(b.booleanValue());
            case String s -> string(s, out);
            case List<?> list -> {
                out.append('[');
                for (int i = 0; i < list.size(); i++) {
                    out.append(i == 0 ? "" : ",");
                    write(list.get(i), out);
                }
                out.append(']');
            }
            case Optional<?> o -> {
                out.append("{\"$opt\":");
                if (o.isPresent()) {
                    write(o.get(), out);
                } else {
                    out.append("null");
                }
                out.append('}');
            }
            case Map<?, ?> map -> {
                out.append("{\"$map\":[");
                boolean first = true;
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    out.append(first ? "[" : ",[");
                    first = false;
                    write(e.getKey(), out);
                    out.append(',');
                    write(e.getValue(), out);
                    out.append(']');
                }
                out.append("]}");
            }
            case Record r -> {
                out.append("{\"$model\":");
                string(r.getClass().getName(), out);
                for (RecordComponent c : r.getClass().getRecordComponents()) {
                    out.append(',');
                    string(c.getName(), out);
                    out.append(':');
                    try {
                        c.getAccessor().setAccessible(true);
                        write(c.getAccessor().invoke(r), out);
                    } catch (ReflectiveOperationException e) {
                        throw new IllegalArgumentException("cannot read " + r.getClass().getName() + "." + c.getName() + ": " + e, e);
                    }
                }
                out.append('}');
            }
            case null -> throw new IllegalArgumentException("null is not a Parseltongue value");
            default -> throw new IllegalArgumentException(v.getClass().getName() + " is not a Parseltongue value");
        }
    }

    private static void string(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /**
     * The value {@code json} holds.
     *
     * @param classes where model classes are loaded from, or null when there are none to load
     * @throws IllegalArgumentException when the text is not what {@link #write} writes, or a model
     *                                  class is missing or has other components
     */
    static Object read(String json, ClassLoader classes) {
        return new StateJsonReader(json, classes).whole();
    }
}
