package io.hallows.dsl.runtime;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The built-in methods on Parseltongue's values, for generated code. Collections are immutable:
 * a method that "changes" one returns a new one and leaves its receiver as it was, so values can
 * be shared between threads and stored in state without copying. Lists are JDK immutable lists;
 * maps are unmodifiable and keep insertion order (iteration, {@code keys()}, {@code values()} and
 * {@code for (k, v) in m} follow the order in which keys were first put; {@code put} of an existing
 * key keeps its place). Adding to a list or putting into a map copies it: O(n).
 */
public final class PtValues {
    private PtValues() {
    }

    /** {@code list.add(x)}: a new list with {@code x} at the end. */
    public static <T> List<T> add(List<T> list, T element) {
        List<T> copy = new ArrayList<>(list.size() + 1);
        copy.addAll(list);
        copy.add(element);
        return Collections.unmodifiableList(copy);
    }

    /** {@code list.get(i)}: the element at {@code i} (from 0), none when out of range. */
    public static <T> Optional<T> get(List<T> list, long index) {
        return index >= 0 && index < list.size() ? Optional.of(list.get((int) index)) : Optional.empty();
    }

    /** {@code map.get(k)}: the value of {@code k}, none when absent. */
    public static <K, V> Optional<V> get(Map<K, V> map, K key) {
        return Optional.ofNullable(map.get(key));
    }

    /** {@code map.put(k, v)}: a new map where {@code k} maps to {@code v}. */
    public static <K, V> Map<K, V> put(Map<K, V> map, K key, V value) {
        Map<K, V> copy = new LinkedHashMap<>(map);
        copy.put(key, value);
        return Collections.unmodifiableMap(copy);
    }

    /** {@code map.remove(k)}: a new map without {@code k} (the same map when it has no {@code k}). */
    public static <K, V> Map<K, V> remove(Map<K, V> map, K key) {
        if (!map.containsKey(key)) {
            return map;
        }
        Map<K, V> copy = new LinkedHashMap<>(map);
        copy.remove(key);
        return Collections.unmodifiableMap(copy);
    }

    /** {@code map.keys()}, in the map's order. */
    public static <K, V> List<K> keys(Map<K, V> map) {
        return List.copyOf(map.keySet());
    }

    /** {@code map.values()}, in the map's order. */
    public static <K, V> List<V> values(Map<K, V> map) {
        return List.copyOf(map.values());
    }

    /** {@code len(s)} and {@code s.length()}: the number of Unicode code points. */
    public static long length(String s) {
        return s.codePointCount(0, s.length());
    }

    /** {@code s.upper()}, locale-independent. */
    public static String upper(String s) {
        return s.toUpperCase(Locale.ROOT);
    }

    /** {@code s.lower()}, locale-independent. */
    public static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    /**
     * A list received from Java (an operation's argument, a Java service's result) as an immutable
     * list: copied unless it already is a JDK immutable one. Null elements are refused.
     */
    public static <T> List<T> list(List<T> list) {
        return List.copyOf(list);
    }

    /** A map received from Java as an unmodifiable map in its iteration order (a shallow copy). */
    public static <K, V> Map<K, V> map(Map<K, V> map) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    /** A map literal: {@code PtValues.<String, Long>mapOf().put("a", 1L).build()}. */
    public static <K, V> MapBuilder<K, V> mapOf() {
        return new MapBuilder<>();
    }

    /** Builds a map literal in order; a repeated key keeps its first place and its last value. */
    public static final class MapBuilder<K, V> {
        private final Map<K, V> entries = new LinkedHashMap<>();

        private MapBuilder() {
        }

        public MapBuilder<K, V> put(K key, V value) {
            entries.put(key, value);
            return this;
        }

        public Map<K, V> build() {
            return Collections.unmodifiableMap(entries);
        }
    }
}
