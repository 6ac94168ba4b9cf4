package io.hallows.dsl.runtime.impl;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
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
        Reader r = new Reader(json, classes);
        Object v = r.value();
        r.space();
        if (r.pos != json.length()) {
            throw r.error("text after the value");
        }
        return v;
    }

    private static final class Reader {
        private final String s;
        private final ClassLoader classes;
        private int pos;

        Reader(String s, ClassLoader classes) {
            this.s = s;
            this.classes = classes;
        }

        Object value() {
            space();
            if (pos >= s.length()) {
                throw error("a value");
            }
            char c = s.charAt(pos);
            return switch (c) {
                case '"' -> string();
                case '[' -> array();
                case '{' -> object();
                case 't' -> word("true", Boolean.TRUE);
                case 'f' -> word("false", Boolean.FALSE);
                case 'n' -> word("null", null);
                default -> number();
            };
        }

        private Object word(String w, Object v) {
            if (!s.startsWith(w, pos)) {
                throw error("'" + w + "'");
            }
            pos += w.length();
            return v;
        }

        private Object number() {
            int start = pos;
            boolean fraction = false;
            while (pos < s.length() && "+-0123456789.eE".indexOf(s.charAt(pos)) >= 0) {
                fraction |= "eE.".indexOf(s.charAt(pos)) >= 0;
                pos++;
            }
            String n = s.substring(start, pos);
            try {
                return fraction ? (Object) Double.parseDouble(n) : (Object) Long.parseLong(n);
            } catch (NumberFormatException e) {
                pos = start;
                throw error("a number");
            }
        }

        private String string() {
            expect('"');
            StringBuilder out = new StringBuilder();
            while (true) {
                if (pos >= s.length()) {
                    throw error("the end of the string");
                }
                char c = s.charAt(pos++);
                if (c == '"') {
                    return out.toString();
                }
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                char e = pos < s.length() ? s.charAt(pos++) : ' ';
                switch (e) {
                    case '"', '\\', '/' -> out.append(e);
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'u' -> {
                        if (pos + 4 > s.length()) {
                            throw error("four hex digits");
                        }
                        out.append((char) Integer.parseInt(s.substring(pos, pos + 4), 16));
                        pos += 4;
                    }
                    default -> throw error("an escape");
                }
            }
        }

        private List<Object> array() {
            expect('[');
            List<Object> items = new ArrayList<>();
            space();
            if (peek(']')) {
                pos++;
                return List.of();
            }
            do {
                items.add(value());
                space();
            } while (comma());
            expect(']');
            return Collections.unmodifiableList(items);
        }

        private Object object() {
            expect('{');
            space();
            String tag = string();
            space();
            expect(':');
            Object result = switch (tag) {
                case "$opt" -> Optional.ofNullable(value());
                case "$float" -> Double.parseDouble(string());
                case "$map" -> map();
                case "$model" -> model(string());
                default -> throw error("a tag ($opt, $map, $model, $float), not " + tag);
            };
            space();
            expect('}');
            return result;
        }

        private Map<Object, Object> map() {
            Map<Object, Object> map = new LinkedHashMap<>();
            for (Object entry : array()) {
                if (!(entry instanceof List<?> pair) || pair.size() != 2) {
                    throw error("[key, value] pairs");
                }
                map.put(pair.get(0), pair.get(1));
            }
            return Collections.unmodifiableMap(map);
        }

        /** The members after the tag, by name, then the record built from them. */
        private Object model(String className) {
            Map<String, Object> members = new LinkedHashMap<>();
            space();
            while (comma()) {
                space();
                String name = string();
                space();
                expect(':');
                members.put(name, value());
                space();
            }
            return record(className, members);
        }

        private Object record(String className, Map<String, Object> members) {
            if (classes == null) {
                throw new IllegalArgumentException("model " + className + ": no class loader to rebuild it from");
            }
            try {
                Class<?> type = classes.loadClass(className);
                RecordComponent[] components = type.getRecordComponents();
                if (components == null || components.length != members.size()) {
                    throw new IllegalArgumentException("model " + className + " no longer has the stored fields " + members.keySet());
                }
                Class<?>[] types = new Class<?>[components.length];
                Object[] args = new Object[components.length];
                for (int i = 0; i < components.length; i++) {
                    types[i] = components[i].getType();
                    if (!members.containsKey(components[i].getName())) {
                        throw new IllegalArgumentException("model " + className + ": field " + components[i].getName() + " was not stored");
                    }
                    args[i] = members.get(components[i].getName());
                }
                Constructor<?> canonical = type.getDeclaredConstructor(types);
                canonical.setAccessible(true);
                return canonical.newInstance(args);
            } catch (ReflectiveOperationException | LinkageError e) {
                throw new IllegalArgumentException("model " + className + " cannot be rebuilt: " + e, e);
            }
        }

        private boolean comma() {
            if (peek(',')) {
                pos++;
                return true;
            }
            return false;
        }

        private boolean peek(char c) {
            return pos < s.length() && s.charAt(pos) == c;
        }

        private void expect(char c) {
            if (!peek(c)) {
                throw error("'" + c + "'");
            }
            pos++;
        }

        void space() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
        }

        IllegalArgumentException error(String expected) {
            return new IllegalArgumentException("stored state is not readable: expected " + expected + " at character " + pos);
        }
    }
}
