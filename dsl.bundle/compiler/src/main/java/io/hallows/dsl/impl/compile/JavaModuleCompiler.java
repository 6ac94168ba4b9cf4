package io.hallows.dsl.impl.compile;

import io.hallows.dsl.api.Diagnostic;
import io.hallows.dsl.api.Severity;
import io.hallows.dsl.impl.FrontEnd;
import io.hallows.dsl.impl.check.CheckedModule;
import io.hallows.dsl.impl.check.Environment;
import io.hallows.dsl.impl.check.ModuleSymbols;
import io.hallows.dsl.impl.check.Routes;
import io.hallows.dsl.impl.gen.ModuleGenerator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.osgi.service.component.annotations.Component;

/**
 * The Parseltongue compiler: front end ({@link FrontEnd}), Java source ({@link ModuleGenerator}),
 * then javac in memory ({@link InMemoryJavac}) against the class library. Never throws: a
 * mistake in the program is a diagnostic; javac rejecting generated code is a compiler bug,
 * reported as {@code PT0901} with the generated file and line; anything else as {@code PT0900}.
 * Thread-safe and stateless: imports are resolved afresh on every call.
 */
@Component(service = ModuleCompiler.class)
public final class JavaModuleCompiler implements ModuleCompiler {
    /** The package generated web modules implement: imported only by modules with routes. */
    private static final String BASILISK = "io.hallows.basilisk.api";
    /** A module with routes compiled where the Basilisk API is not available (next to the checker's PT05xx). */
    private static final String NO_WEB_FRAMEWORK = "PT0509";
    private static final String BUG = "internal compiler error (a bug in Parseltongue, please report it): ";

    @Override
    public Result compile(String file, String source, Function<String, Optional<String>> modules, ClassLibrary library) {
        try {
            FrontEnd.Analysis analysis = FrontEnd.analyze(file, source, new Environment(modules, library));
            if (analysis.module() == null) {
                return new Result(null, analysis.diagnostics());
            }
            return generate(file, source, analysis.module(), library, analysis.diagnostics());
        } catch (RuntimeException | LinkageError e) {
            return new Result(null, List.of(new Diagnostic(file, 1, 1, Severity.ERROR, "PT0900", BUG + e)));
        }
    }

    /** The {@code .pt} line javac's problem comes from (the operation or statement generated there), else 1. */
    private static int sourceLine(ModuleGenerator.Sources sources, InMemoryJavac.Problem p) {
        int[] lines = sources.sourceLines().get(p.path());
        int index = (int) p.line() - 1;
        return lines != null && index >= 0 && index < lines.length && lines[index] > 0 ? lines[index] : 1;
    }

    private static Result generate(String file, String source, CheckedModule checked, ClassLibrary library, List<Diagnostic> warnings) {
        boolean routes = Routes.any(checked.ast());
        if (routes && library.list(BASILISK).isEmpty()) {
            return new Result(null, List.of(new Diagnostic(file, 1, 1, Severity.ERROR, NO_WEB_FRAMEWORK, "module '"
                    + checked.module().name() + "' declares routes, but the stack has no Basilisk API (package " + BASILISK
                    + "): add the Basilisk bundles to the stack, or remove the route hints")));
        }
        ModuleGenerator.Sources sources = ModuleGenerator.generate(checked);
        Map<String, String> all = new TreeMap<>(sources.api());
        all.putAll(sources.impl());
        InMemoryJavac.Output out = InMemoryJavac.compile(all, library);
        if (!out.errors().isEmpty()) {
            return new Result(null, out.errors().stream().map(p -> new Diagnostic(file, sourceLine(sources, p), 1, Severity.ERROR, "PT0901",
                    BUG + "javac rejected the generated " + p.path() + ":" + p.line() + ":" + p.column() + ": " + p.message())).toList());
        }
        ModuleSymbols module = checked.module();
        String apiPrefix = CompiledModule.apiPackage(module.name()) + ".";
        Map<String, byte[]> api = new TreeMap<>();
        Map<String, byte[]> impl = new TreeMap<>();
        out.classes().forEach((name, bytes) -> (name.startsWith(apiPrefix) ? api : impl).put(name, bytes));
        TreeSet<String> imports = new TreeSet<>();
        module.closure().stream().filter(m -> m != module).forEach(m -> imports.add(CompiledModule.apiPackage(m.name())));
        // java.* comes from the platform and is never imported by a bundle
        module.javaImports().stream().map(Class::getPackageName).filter(p -> !p.startsWith("java.")).forEach(imports::add);
        if (routes) {
            imports.add(BASILISK);
        }
        CompiledModule compiled = new CompiledModule(module.name(), module.ast().version(), ModuleGenerator.hash(source),
                sources.apiHash(), api, impl, sources.services(), List.copyOf(imports), all,
                warnings.stream().filter(d -> d.severity() == Severity.WARNING).toList());
        return new Result(compiled, warnings);
    }
}
