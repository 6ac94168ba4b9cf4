package io.hallows.dsl.impl.check;

import io.hallows.dsl.api.Diagnostic;
import io.hallows.dsl.api.Severity;
import io.hallows.dsl.impl.ast.ModuleDecl;
import io.hallows.dsl.impl.syntax.Diagnostics;
import io.hallows.dsl.impl.syntax.Parser;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves imports for one compilation: another module is parsed and its declarations checked
 * (not its bodies) from its source, once per compilation, to learn its services, models and
 * errors; a Java interface is loaded from the class library and read by reflection.
 */
final class Imports {
    /** An imported module, or why it cannot be used. */
    record Loaded(ModuleSymbols module, String problem) {
    }

    private final Environment environment;
    private final Map<String, Loaded> modules = new HashMap<>();
    private final Map<String, Optional<ServiceInfo>> javaServices = new HashMap<>();
    private final Deque<String> loading = new ArrayDeque<>();

    /** @param self the module being compiled, so that an import of it back is a cycle */
    Imports(Environment environment, String self) {
        this.environment = environment;
        this.loading.push(self);
    }

    boolean isolated() {
        return environment.isIsolated();
    }

    Loaded module(String name) {
        if (loading.contains(name)) {
            List<String> path = new ArrayList<>(loading);
            java.util.Collections.reverse(path);
            return new Loaded(null, "import cycle: " + String.join(" -> ", path) + " -> " + name
                    + "; modules cannot import each other's services in a cycle");
        }
        Loaded cached = modules.get(name);
        if (cached == null) {
            cached = load(name);
            modules.put(name, cached);
        }
        return cached;
    }

    private Loaded load(String name) {
        Optional<String> source = environment.modules().apply(name);
        if (source.isEmpty()) {
            return new Loaded(null, "no module '" + name + "' is deployed");
        }
        Diagnostics diagnostics = new Diagnostics();
        ModuleDecl ast = Parser.parse(name + ".pt", source.get(), diagnostics);
        ModuleSymbols symbols = null;
        if (!diagnostics.hasErrors()) {
            loading.push(name);
            try {
                symbols = Declarations.declare(ast, this, new Facts(diagnostics));
            } finally {
                loading.pop();
            }
        }
        Optional<Diagnostic> error = diagnostics.list().stream().filter(d -> d.severity() == Severity.ERROR).findFirst();
        if (error.isPresent()) {
            return new Loaded(null, "module '" + name + "' does not compile: " + error.get().format());
        }
        return new Loaded(symbols, null);
    }

    /** The Java interface {@code name} as a service, empty when it cannot be loaded or is not an interface. */
    Optional<ServiceInfo> javaService(String name) {
        return javaServices.computeIfAbsent(name, n -> environment.library().load(n)
                .filter(Class::isInterface).map(JavaSignatures::service));
    }

    /** Whether {@code name} loads but is not an interface. */
    boolean isJavaClass(String name) {
        return environment.library().load(name).isPresent();
    }
}
