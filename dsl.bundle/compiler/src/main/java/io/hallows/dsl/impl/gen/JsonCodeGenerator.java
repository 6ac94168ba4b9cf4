package io.hallows.dsl.impl.gen;

import io.hallows.dsl.impl.check.Type;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The class {@code Web$Json} of a module with routes: a static reader and writer per type its
 * routes bind or answer ({@code r0}, {@code w0}, ...), made on demand and each once, so recursive
 * models work. Readers name where a value is wrong ({@code body.items[2].qty}) in the
 * {@code BadRequest}; a model's reader refuses members it does not declare, and takes an absent
 * member of an Option field as none.
 */
final class JsonCodeGenerator {
    static final String CLASS = "Web$Json";
    private static final String API = "io.hallows.basilisk.api.";

    private final Map<Type, String> readers = new LinkedHashMap<>();
    private final Map<Type, String> writers = new LinkedHashMap<>();
    private final Deque<Runnable> pending = new ArrayDeque<>();
    private final JavaWriter w = new JavaWriter();
    /** The members each model reader accepts, as constants written after the methods. */
    private final List<String> constants = new ArrayList<>();

    /** The reader of {@code t}: {@code Web$Json.r3}, called as {@code r3(Object value, String where)}. */
    String reader(Type t) {
        return method(readers, "r", t, this::writeReader);
    }

    /** The writer of {@code t}: {@code Web$Json.w2}, called as {@code w2(JsonOut out, value)}, returning {@code out}. */
    String writer(Type t) {
        return method(writers, "w", t, this::writeWriter);
    }

    /** The method of {@code t} in {@code known}, named and queued for writing the first time it is asked for. */
    private String method(Map<Type, String> known, String prefix, Type t, java.util.function.BiConsumer<Type, String> write) {
        String name = known.get(t);
        if (name == null) {
            String fresh = prefix + known.size();
            known.put(t, fresh);
            pending.add(() -> write.accept(t, fresh));
            name = fresh;
        }
        return CLASS + "." + name;
    }

    /** The class, once every reader and writer asked for is known. */
    String generate(String pkg, String module) {
        w.line("package " + pkg + ";").line("");
        w.line("/** JSON readers and writers of the routes of Parseltongue module {@code " + module + "}. Generated. */");
        w.open("final class " + CLASS);
        w.open("private " + CLASS + "()");
        w.close();
        while (!pending.isEmpty()) {
            pending.poll().run();
        }
        if (!constants.isEmpty()) {
            w.line("");
            constants.forEach(w::line);
        }
        return w.close().toString();
    }

    private void writeReader(Type t, String name) {
        w.line("");
        w.open("static " + JavaNames.type(t, false) + " " + name + "(Object v, String where) throws " + API + "BadRequest");
        switch (t) {
            case Type.Prim p -> w.line("return " + API + "Json." + switch (p) {
                case INT -> "integer";
                case FLOAT -> "number";
                case BOOL -> "bool";
                default -> "string";
            } + "(v, where);");
            case Type.OptionOf o -> w.line("return v == null ? java.util.Optional.empty() : java.util.Optional.of("
                    + reader(o.element()) + "(v, where));");
            case Type.ListOf l -> {
                w.line("java.util.List<Object> a = " + API + "Json.array(v, where);");
                w.line("java.util.List<" + JavaNames.boxed(l.element()) + "> out = new java.util.ArrayList<>(a.size());");
                w.open("for (int i = 0; i < a.size(); i++)");
                w.line("out.add(" + reader(l.element()) + "(a.get(i), where + \"[\" + i + \"]\"));");
                w.close();
                w.line("return java.util.List.copyOf(out);");
            }
            case Type.MapOf m -> {
                w.line("java.util.Map<String, Object> o = " + API + "Json.object(v, where);");
                w.line("java.util.Map<String, " + JavaNames.boxed(m.value()) + "> out = new java.util.LinkedHashMap<>();");
                w.open("for (java.util.Map.Entry<String, Object> e : o.entrySet())");
                w.line("out.put(e.getKey(), " + reader(m.value()) + "(e.getValue(), where + \".\" + e.getKey()));");
                w.close();
                w.line("return java.util.Collections.unmodifiableMap(out);");
            }
            case Type.Model m -> model(m);
            default -> throw new IllegalStateException("no JSON reader for " + t.display());
        }
        w.close();
    }

    private void model(Type.Model m) {
        String known = "KNOWN" + constants.size();
        w.line("java.util.Map<String, Object> o = " + API + "Json.object(v, where);");
        w.line(API + "Json.onlyMembers(o, " + known + ", where);");
        StringBuilder args = new StringBuilder();
        StringBuilder names = new StringBuilder();
        for (String field : m.info().fields().keySet()) {
            Type ft = m.field(field);
            String lit = JavaNames.literal(field);
            String value = ft instanceof Type.OptionOf ? "o.get(" + lit + ")" : API + "Json.member(o, " + lit + ", where)";
            args.append(args.isEmpty() ? "" : ", ").append(reader(ft)).append("(").append(value).append(", where + ")
                    .append(JavaNames.literal("." + field)).append(")");
            names.append(names.isEmpty() ? "" : ", ").append(lit);
        }
        w.line("return new " + JavaNames.type(m, false) + "(" + args + ");");
        constants.add("private static final java.util.Set<String> " + known + " = java.util.Set.of(" + names + ");");
    }

    private void writeWriter(Type t, String name) {
        w.line("");
        w.open("static " + API + "JsonOut " + name + "(" + API + "JsonOut out, " + JavaNames.type(t, false) + " v)");
        switch (t) {
            case Type.Prim p -> w.line("return out.value(v);");
            case Type.OptionOf o -> w.line("return v.isPresent() ? " + writer(o.element()) + "(out, v.get()) : out.nul();");
            case Type.ListOf l -> {
                w.line("out.beginArray();");
                w.open("for (" + JavaNames.boxed(l.element()) + " e : v)");
                w.line(writer(l.element()) + "(out, e);");
                w.close();
                w.line("return out.endArray();");
            }
            case Type.MapOf m -> {
                w.line("out.beginObject();");
                w.open("for (java.util.Map.Entry<" + JavaNames.boxed(m.key()) + ", " + JavaNames.boxed(m.value()) + "> e : v.entrySet())");
                w.line(writer(m.value()) + "(out.name(String.valueOf(e.getKey())), e.getValue());");
                w.close();
                w.line("return out.endObject();");
            }
            case Type.Model m -> {
                w.line("out.beginObject();");
                for (String field : m.info().fields().keySet()) {
                    w.line(writer(m.field(field)) + "(out.name(" + JavaNames.literal(field) + "), v." + JavaNames.id(field) + "());");
                }
                w.line("return out.endObject();");
            }
            default -> throw new IllegalStateException("no JSON writer for " + t.display());
        }
        w.close();
    }
}
