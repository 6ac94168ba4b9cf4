package io.hallows.dsl.impl.gen;

import io.hallows.dsl.impl.check.ErrorInfo;
import io.hallows.dsl.impl.check.ModelInfo;
import io.hallows.dsl.impl.check.ModuleSymbols;
import io.hallows.dsl.impl.check.ServiceInfo;
import io.hallows.dsl.impl.check.Symbol;
import io.hallows.dsl.impl.check.Type;
import io.hallows.dsl.impl.compile.CompiledModule;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The API package of a module, {@code pt.<module>.api}: an interface per service, a record per
 * model ({@code reactive_model}s also get a {@code withField} method per field), a class per error
 * extending {@link io.hallows.dsl.runtime.PtError}. It depends on the module's declarations only,
 * never on bodies, so it changes exactly when the public surface does.
 */
public final class ApiGenerator {
    private ApiGenerator() {
    }

    /** The API sources of {@code module}, by file path ({@code pt/shop/api/Pricing.java}). */
    public static Map<String, String> generate(ModuleSymbols module) {
        Map<String, String> files = new TreeMap<>();
        String pkg = CompiledModule.apiPackage(module.name());
        String dir = pkg.replace('.', '/') + "/";
        module.models().values().forEach(m -> files.put(dir + JavaNames.typeId(m.name()) + ".java", model(pkg, m)));
        module.errors().values().forEach(e -> files.put(dir + JavaNames.typeId(e.name()) + ".java", error(pkg, e)));
        module.services().values().forEach(s -> files.put(dir + JavaNames.typeId(s.name()) + ".java", service(pkg, module.name(), s)));
        return files;
    }

    private static String model(String pkg, ModelInfo m) {
        JavaWriter w = header(pkg, (m.reactive() ? "Reactive model" : "Model") + " {@code " + m.name() + "}"
                + (m.reactive() ? ": a value whose fields Parseltongue code can assign (each {@code withX} copies it)." : "."));
        String components = m.fields().entrySet().stream()
                .map(f -> JavaNames.type(f.getValue(), false) + " " + JavaNames.id(f.getKey())).collect(Collectors.joining(", "));
        w.open("public record " + JavaNames.declaration(m) + "(" + components + ")");
        if (m.reactive()) {
            String self = JavaNames.declaration(m);
            List<String> names = m.fields().keySet().stream().map(JavaNames::id).toList();
            for (Map.Entry<String, Type> f : m.fields().entrySet()) {
                String field = JavaNames.id(f.getKey());
                w.line("");
                w.open("public " + self + " " + JavaNames.wither(f.getKey()) + "(" + JavaNames.type(f.getValue(), false) + " " + field + ")");
                w.line("return new " + JavaNames.typeId(m.name()) + (m.typeParams().isEmpty() ? "" : "<>") + "("
                        + String.join(", ", names.stream().map(n -> n.equals(field) ? n : "this." + n).toList()) + ");");
                w.close();
            }
        }
        return w.close().toString();
    }

    private static String error(String pkg, ErrorInfo e) {
        JavaWriter w = header(pkg, "Error {@code " + e.name() + "}, raised by Parseltongue operations.");
        w.open("public final class " + JavaNames.typeId(e.name()) + " extends " + JavaNames.RUNTIME + "PtError");
        w.line("private static final long serialVersionUID = 1L;");
        e.fields().forEach((name, type) -> w.line("private final " + JavaNames.type(type, false) + " " + JavaNames.id(name) + ";"));
        w.line("");
        String params = e.fields().entrySet().stream()
                .map(f -> JavaNames.type(f.getValue(), false) + " " + JavaNames.id(f.getKey())).collect(Collectors.joining(", "));
        w.open("public " + JavaNames.typeId(e.name()) + "(" + params + ")");
        String message = e.fields().isEmpty() ? JavaNames.literal(e.name()) : JavaNames.literal(e.name() + " { ") + " + "
                + e.fields().keySet().stream().map(f -> JavaNames.literal(f + ": ") + " + " + JavaNames.id(f))
                        .collect(Collectors.joining(" + \", \" + ")) + " + \" }\"";
        w.line("super(" + message + ");");
        e.fields().keySet().forEach(f -> w.line("this." + JavaNames.id(f) + " = " + JavaNames.id(f) + ";"));
        w.close();
        e.fields().forEach((name, type) -> {
            w.line("");
            w.open("public " + JavaNames.type(type, false) + " " + JavaNames.id(name) + "()");
            w.line("return " + JavaNames.id(name) + ";");
            w.close();
        });
        return w.close().toString();
    }

    private static String service(String pkg, String module, ServiceInfo s) {
        JavaWriter w = header(pkg, "Service {@code " + s.name() + "} of Parseltongue module {@code " + module + "}.");
        w.open("public interface " + JavaNames.typeId(s.name()));
        boolean first = true;
        for (List<Symbol.Op> overloads : s.ops().values()) {
            Symbol.Op op = overloads.getFirst();
            if (!first) {
                w.line("");
            }
            first = false;
            w.line(signature(op) + ";");
        }
        return w.close().toString();
    }

    /** {@code long price(String sku, long qty) throws pt.shop.api.UnknownSku}. */
    static String signature(Symbol.Op op) {
        String params = op.params().stream().map(p -> JavaNames.type(p.type(), false) + " " + JavaNames.id(p.name()))
                .collect(Collectors.joining(", "));
        return JavaNames.type(op.result(), false) + " " + JavaNames.id(op.name()) + "(" + params + ")" + raises(op);
    }

    /** {@code " throws pt.shop.api.UnknownSku"}, or empty when {@code op} raises nothing. */
    static String raises(Symbol.Op op) {
        return op.raises().isEmpty() ? "" : " throws " + op.raises().stream().map(JavaNames::error).collect(Collectors.joining(", "));
    }

    private static JavaWriter header(String pkg, String doc) {
        return new JavaWriter().line("package " + pkg + ";").line("").line("/** " + doc + " Generated from Parseltongue. */");
    }
}
