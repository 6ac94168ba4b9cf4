package io.hallows.dsl.runtime.impl;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads what {@link StateJson#write} wrote: a recursive descent over the text, models rebuilt from {@code classes}. */
final class StateJsonReader {
    private final String s;
    private final ClassLoader classes;
    private int pos;

    StateJsonReader(String s, ClassLoader classes) {
        this.s = s;
        this.classes = classes;
    }

    /** The one value the text holds; text after it is an error. */
    Object whole() {
        Object v = value();
        space();
        if (pos != s.length()) {
            throw error("text after the value");
        }
        return v;
    }

    private Object value() {
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

    private void space() {
        while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
            pos++;
        }
    }

    private IllegalArgumentException error(String expected) {
        return new IllegalArgumentException("stored state is not readable: expected " + expected + " at character " + pos);
    }
}
