package io.hallows.dsl.impl.gen;

import io.hallows.dsl.impl.check.ErrorInfo;
import io.hallows.dsl.impl.check.ModelInfo;
import io.hallows.dsl.impl.check.Names;
import io.hallows.dsl.impl.check.Type;
import io.hallows.dsl.impl.compile.CompiledModule;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Parseltongue names and types as Java writes them. A Parseltongue identifier keeps its spelling
 * unless Java reserves it, or it would hide something generated code refers to (a Java keyword,
 * a method of {@code Object} or {@code Throwable}, a {@code java.lang} class the code names, the
 * first segment of a package it names): then it gets a {@code $} suffix, which no Parseltongue
 * name has. Generated names of its own ({@code $ctx}, {@code $m1}, {@code price$body}) contain a
 * {@code $} too, so they never collide with the program's.
 */
public final class JavaNames {
    static final String RUNTIME = "io.hallows.dsl.runtime.";

    /** Identifiers Java restricts as type names only. */
    private static final Set<String> RESTRICTED_TYPES = Set.of("var", "yield", "record", "sealed", "permits");

    private static final Set<String> HIDING = Set.of("yield",
            "clone", "equals", "finalize", "getClass", "hashCode", "notify", "notifyAll", "toString", "wait",
            "getMessage", "getLocalizedMessage", "getCause", "initCause", "getStackTrace", "setStackTrace",
            "fillInStackTrace", "printStackTrace", "addSuppressed", "getSuppressed", "serialVersionUID",
            "String", "Long", "Double", "Boolean", "Integer", "Object", "Override", "SuppressWarnings",
            "RuntimeException", "Exception", "Error", "Throwable",
            "java", "io", "pt");

    private JavaNames() {
    }

    /** {@code name} of a variable, field, parameter or method as a Java identifier. */
    public static String id(String name) {
        return Names.javaKeyword(name) || HIDING.contains(name) ? name + "$" : name;
    }

    /** {@code name} of a model, error, service or type parameter as a Java type identifier. */
    public static String typeId(String name) {
        return RESTRICTED_TYPES.contains(name) ? name + "$" : id(name);
    }

    /** The fully qualified name of a type of module {@code module}'s API package. */
    static String api(String module, String simpleName) {
        return CompiledModule.apiPackage(module) + "." + typeId(simpleName);
    }

    /** The Java type of values of {@code t}: primitive for Int, Float and Bool unless {@code boxed}. */
    static String type(Type t, boolean boxed) {
        return switch (t) {
            case Type.Prim p -> switch (p) {
                case INT -> boxed ? "Long" : "long";
                case FLOAT -> boxed ? "Double" : "double";
                case BOOL -> boxed ? "Boolean" : "boolean";
                case STRING -> "String";
                case UNIT -> boxed ? "Object" : "void";
                case HTML -> RUNTIME + "Html";
            };
            case Type.ListOf l -> "java.util.List<" + boxed(l.element()) + ">";
            case Type.MapOf m -> "java.util.Map<" + boxed(m.key()) + ", " + boxed(m.value()) + ">";
            case Type.OptionOf o -> "java.util.Optional<" + boxed(o.element()) + ">";
            case Type.Model m -> api(m.info().module(), m.info().name()) + (m.args().isEmpty() ? ""
                    : m.args().stream().map(JavaNames::boxed).collect(Collectors.joining(", ", "<", ">")));
            case Type.Error e -> error(e.info());
            case Type.Param p -> typeId(p.name());
            case Type.Unknown u -> "Object";
        };
    }

    static String boxed(Type t) {
        return type(t, true);
    }

    static String error(ErrorInfo e) {
        return e.builtin() ? RUNTIME + e.name() : api(e.module(), e.name());
    }

    /** Whether values of {@code t} are Java primitives. */
    static boolean primitive(Type t) {
        return t == Type.INT || t == Type.FLOAT || t == Type.BOOL;
    }

    /** {@code code}, a boxed value of primitive type {@code t}, unboxed by a cast; other values unchanged. */
    static String unbox(String code, Type t) {
        return primitive(t) ? "((" + type(t, false) + ") " + code + ")" : code;
    }

    /** {@code withItems}: the method of a reactive model that copies it with one field replaced. */
    static String wither(String field) {
        return "with" + Character.toUpperCase(field.charAt(0)) + field.substring(1);
    }

    /** The model's simple Java name with its type parameters: {@code Pair<A, B>}. */
    static String declaration(ModelInfo m) {
        return typeId(m.name()) + (m.typeParams().isEmpty() ? ""
                : m.typeParams().stream().map(JavaNames::typeId).collect(Collectors.joining(", ", "<", ">")));
    }

    /** A Java string literal with the value {@code s}. */
    static String literal(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        out.append(String.format("\\%03o", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
