package io.hallows.dsl.impl.check;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Java service interface seen from Parseltongue: its public methods become operations when
 * their types map. {@code long}/{@code Long} and {@code int}/{@code Integer} are Int (an Int passed
 * to an {@code int} must fit it, or raises Overflow), {@code double}/{@code Double} Float,
 * {@code boolean}/{@code Boolean} Bool, {@code String} String, {@code void} Unit (results only), and
 * {@code java.util.List}, {@code Map}, {@code Optional} of those (boxed {@code Long}, {@code Double},
 * {@code Boolean}, {@code String} or nested collections) List, Map, Option. Any other type, or a
 * checked exception, makes the method unusable, with the reason kept for the diagnostic.
 */
final class JavaSignatures {
    private JavaSignatures() {
    }

    static ServiceInfo service(Class<?> type) {
        ServiceInfo service = ServiceInfo.java(type);
        Method[] methods = type.getMethods();
        Arrays.sort(methods, Comparator.comparing(Method::getName).thenComparing(Method::toGenericString));
        for (Method m : methods) {
            if (Modifier.isStatic(m.getModifiers()) || m.isSynthetic() || m.getDeclaringClass() == Object.class) {
                continue;
            }
            String problem = problem(m);
            if (problem != null) {
                service.unusable().putIfAbsent(m.getName(), problem);
                continue;
            }
            List<Symbol.Local> params = new ArrayList<>();
            for (int i = 0; i < m.getParameterCount(); i++) {
                params.add(new Symbol.Local(m.getParameters()[i].getName(),
                        map(m.getGenericParameterTypes()[i], true), Symbol.LocalKind.PARAM, null));
            }
            Type result = m.getReturnType() == void.class ? Type.UNIT : map(m.getGenericReturnType(), true);
            service.addOp(new Symbol.Op(service, m.getName(), params, result, List.of(), null, m));
        }
        return service;
    }

    private static String problem(Method m) {
        for (Class<?> thrown : m.getExceptionTypes()) {
            if (!RuntimeException.class.isAssignableFrom(thrown) && !Error.class.isAssignableFrom(thrown)) {
                return "it declares the checked exception " + thrown.getName();
            }
        }
        java.lang.reflect.Type[] params = m.getGenericParameterTypes();
        for (java.lang.reflect.Type p : params) {
            if (map(p, true) == null) {
                return "its parameter type " + p.getTypeName() + " is not usable from Parseltongue";
            }
        }
        if (m.getReturnType() != void.class && map(m.getGenericReturnType(), true) == null) {
            return "its result type " + m.getGenericReturnType().getTypeName() + " is not usable from Parseltongue";
        }
        return null;
    }

    /** The Parseltongue type of a Java type, or null; {@code top} allows primitives and {@code int}. */
    private static Type map(java.lang.reflect.Type type, boolean top) {
        if (type instanceof Class<?> c) {
            if (top && (c == long.class || c == int.class || c == Integer.class)) {
                return Type.INT;
            }
            if (top && c == double.class || c == Double.class) {
                return Type.FLOAT;
            }
            if (top && c == boolean.class || c == Boolean.class) {
                return Type.BOOL;
            }
            return c == Long.class ? Type.INT : c == String.class ? Type.STRING : null;
        }
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw) {
            java.lang.reflect.Type[] args = p.getActualTypeArguments();
            List<Type> mapped = Arrays.stream(args).map(a -> map(a, false)).toList();
            if (mapped.contains(null)) {
                return null;
            }
            if (raw == List.class) {
                return new Type.ListOf(mapped.getFirst());
            }
            if (raw == Optional.class) {
                return new Type.OptionOf(mapped.getFirst());
            }
            if (raw == Map.class) {
                return new Type.MapOf(mapped.get(0), mapped.get(1));
            }
        }
        return null;
    }
}
