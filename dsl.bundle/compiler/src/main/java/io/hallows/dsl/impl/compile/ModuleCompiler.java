package io.hallows.dsl.impl.compile;

import io.hallows.dsl.api.Diagnostic;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Compiles one Parseltongue module: source to classes, or diagnostics. */
public interface ModuleCompiler {
    /**
     * @param file     the file name diagnostics name ({@code shop.pt})
     * @param source   the module's text
     * @param modules  the source of another deployed module by name, for {@code import service}
     * @param library  the classes to compile against (runtime, imported API and Java packages)
     */
    Result compile(String file, String source, Function<String, Optional<String>> modules, ClassLibrary library);

    /**
     * @param module      the compiled module, or null when there is an error
     * @param diagnostics every error and warning, sorted by position
     */
    record Result(CompiledModule module, List<Diagnostic> diagnostics) {
        public boolean ok() {
            return module != null;
        }
    }
}
