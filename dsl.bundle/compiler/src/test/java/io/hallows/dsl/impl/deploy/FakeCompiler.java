package io.hallows.dsl.impl.deploy;

import io.hallows.dsl.api.Diagnostic;
import io.hallows.dsl.api.Severity;
import io.hallows.dsl.impl.compile.ClassLibrary;
import io.hallows.dsl.impl.compile.ClassPathLibrary;
import io.hallows.dsl.impl.compile.CompiledModule;
import io.hallows.dsl.impl.compile.InMemoryJavac;
import io.hallows.dsl.impl.compile.ModuleCompiler;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A stand-in for the Parseltongue compiler: a "source" is a header naming the module, its services
 * and imports, then hand-written Java, compiled with {@link InMemoryJavac} against the test class path
 * and, for {@code pt.*} packages, the {@link ClassLibrary} (as the real compiler does inside a framework).
 *
 * <pre>
 * module demo 1.0.0
 * service Counter          (pt.demo.api.Counter implemented by pt.demo.impl.CounterImpl)
 * import pt.other.api
 * error a message          (a compile error, reported on that line)
 * --- api Counter
 * package pt.demo.api; ...
 * --- impl CounterImpl
 * package pt.demo.impl; ...
 * </pre>
 */
final class FakeCompiler implements ModuleCompiler {
    private static final ClassLibrary CLASS_PATH = new ClassPathLibrary(FakeCompiler.class.getClassLoader());
    private final Map<String, Result> cache = new ConcurrentHashMap<>();

    @Override
    public Result compile(String file, String source, Function<String, Optional<String>> modules, ClassLibrary library) {
        Result cached = cache.get(source);
        return cached != null ? cached : compileNow(file, source, library);
    }

    private Result compileNow(String file, String source, ClassLibrary library) {
        String name = null;
        String version = null;
        List<String> services = new ArrayList<>();
        List<String> imports = new ArrayList<>();
        Map<String, String> api = new LinkedHashMap<>();
        Map<String, String> impl = new LinkedHashMap<>();
        List<Diagnostic> errors = new ArrayList<>();
        Map<String, String> section = null;
        String className = null;
        StringBuilder text = new StringBuilder();
        String[] lines = source.split("\n", -1);
        for (int i = 0; i <= lines.length; i++) {
            String line = i < lines.length ? lines[i] : "--- end";
            if (line.startsWith("--- ")) {
                if (section != null) {
                    section.put(className, text.toString());
                }
                String[] parts = line.split(" ");
                section = parts[1].equals("api") ? api : parts[1].equals("impl") ? impl : null;
                className = parts.length > 2 ? parts[2] : null;
                text.setLength(0);
            } else if (section != null) {
                text.append(line).append('\n');
            } else if (line.startsWith("module ")) {
                name = line.split(" ")[1];
                version = line.split(" ")[2];
            } else if (line.startsWith("service ")) {
                services.add(line.substring(8).trim());
            } else if (line.startsWith("import ")) {
                imports.add(line.substring(7).trim());
            } else if (line.startsWith("error ")) {
                errors.add(new Diagnostic(file, i + 1, 1, Severity.ERROR, "PT0201", line.substring(6)));
            }
        }
        if (!errors.isEmpty()) {
            return new Result(null, errors);
        }
        String n = name;
        Map<String, String> sources = new TreeMap<>();
        api.forEach((c, t) -> sources.put("pt/" + n + "/api/" + c + ".java", t));
        impl.forEach((c, t) -> sources.put("pt/" + n + "/impl/" + c + ".java", t));
        Map<String, byte[]> classes = new TreeMap<>();
        List<Diagnostic> javacErrors = javac(file, sources, library, classes);
        if (!javacErrors.isEmpty()) {
            return new Result(null, javacErrors);
        }
        Map<String, byte[]> apiClasses = new TreeMap<>();
        Map<String, byte[]> implClasses = new TreeMap<>();
        classes.forEach((c, b) -> (c.startsWith(CompiledModule.apiPackage(n) + ".") ? apiClasses : implClasses).put(c, b));
        List<CompiledModule.ServiceSpec> specs = services.stream().map(s -> new CompiledModule.ServiceSpec(s,
                CompiledModule.apiPackage(n) + "." + s, CompiledModule.implPackage(n) + "." + s + "Impl")).toList();
        CompiledModule module = new CompiledModule(name, version, hash(source), hash(String.join("\n", api.values())),
                apiClasses, implClasses, specs, imports, sources, List.of());
        Result result = new Result(module, List.of());
        if (imports.isEmpty()) {
            cache.put(source, result);
        }
        return result;
    }

    /**
     * javac as the real compiler runs it ({@link InMemoryJavac}): {@code pt.*} packages from the
     * deployer's library, every other package (the runtime) from the test class path.
     */
    private static List<Diagnostic> javac(String file, Map<String, String> sources, ClassLibrary library, Map<String, byte[]> out) {
        ClassLibrary both = packageName -> packageName.startsWith("pt.") ? library.list(packageName) : CLASS_PATH.list(packageName);
        InMemoryJavac.Output compiled = InMemoryJavac.compile(sources, both);
        out.putAll(compiled.classes());
        return compiled.errors().stream()
                .map(e -> new Diagnostic(file, (int) Math.max(1, e.line()), (int) Math.max(1, e.column()), Severity.ERROR, "PT0301", e.message()))
                .toList();
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
