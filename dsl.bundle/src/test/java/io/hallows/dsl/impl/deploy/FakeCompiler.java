package io.hallows.dsl.impl.deploy;

import io.hallows.dsl.api.Diagnostic;
import io.hallows.dsl.api.Severity;
import io.hallows.dsl.impl.compile.ClassLibrary;
import io.hallows.dsl.impl.compile.CompiledModule;
import io.hallows.dsl.impl.compile.ModuleCompiler;
import io.hallows.dsl.runtime.ModuleContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * A stand-in for the Parseltongue compiler: a "source" is a header naming the module, its services
 * and imports, then hand-written Java, compiled with javax.tools against the test class path and,
 * for {@code pt.*} packages, the {@link ClassLibrary} (as the real compiler does inside a framework).
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
    private static final JavaCompiler JAVAC = ToolProvider.getSystemJavaCompiler();
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

    private static List<Diagnostic> javac(String file, Map<String, String> sources, ClassLibrary library, Map<String, byte[]> out) {
        DiagnosticCollector<JavaFileObject> collector = new DiagnosticCollector<>();
        List<JavaFileObject> units = new ArrayList<>();
        sources.forEach((path, text) -> units.add(new SimpleJavaFileObject(URI.create("string:///" + path), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return text;
            }
        }));
        String classPath = Path.of(ModuleContext.class.getProtectionDomain().getCodeSource().getLocation().getPath()).toString();
        try (JavaFileManager files = new LibraryFileManager(JAVAC.getStandardFileManager(collector, null, StandardCharsets.UTF_8), library, out)) {
            boolean ok = JAVAC.getTask(null, files, collector, List.of("--release", "21", "-proc:none", "-classpath", classPath),
                    null, units).call();
            if (ok) {
                return List.of();
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return collector.getDiagnostics().stream().filter(d -> d.getKind() == javax.tools.Diagnostic.Kind.ERROR)
                .map(d -> new Diagnostic(file, (int) Math.max(1, d.getLineNumber()), (int) Math.max(1, d.getColumnNumber()),
                        Severity.ERROR, "PT0301", d.getMessage(null)))
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

    /** Sees {@code pt.*} packages through the class library, and keeps class output in memory. */
    private static final class LibraryFileManager extends ForwardingJavaFileManager<JavaFileManager> {
        private final ClassLibrary library;
        private final Map<String, byte[]> out;

        LibraryFileManager(JavaFileManager files, ClassLibrary library, Map<String, byte[]> out) {
            super(files);
            this.library = library;
            this.out = out;
        }

        @Override
        public Iterable<JavaFileObject> list(Location location, String packageName, Set<JavaFileObject.Kind> kinds, boolean recurse)
                throws IOException {
            List<JavaFileObject> found = new ArrayList<>();
            super.list(location, packageName, kinds, recurse).forEach(found::add);
            if (location == StandardLocation.CLASS_PATH && packageName.startsWith("pt.") && kinds.contains(JavaFileObject.Kind.CLASS)) {
                for (ClassLibrary.ClassFile c : library.list(packageName)) {
                    found.add(new LibraryClass(c));
                }
            }
            return found;
        }

        @Override
        public String inferBinaryName(Location location, JavaFileObject file) {
            return file instanceof LibraryClass c ? c.file.binaryName() : super.inferBinaryName(location, file);
        }

        @Override
        public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind, FileObject sibling) {
            return new SimpleJavaFileObject(URI.create("mem:///" + className.replace('.', '/') + ".class"), kind) {
                @Override
                public OutputStream openOutputStream() {
                    return new ByteArrayOutputStream() {
                        @Override
                        public void close() {
                            out.put(className, toByteArray());
                        }
                    };
                }
            };
        }
    }

    private static final class LibraryClass extends SimpleJavaFileObject {
        final ClassLibrary.ClassFile file;

        LibraryClass(ClassLibrary.ClassFile file) {
            super(URI.create("lib:///" + file.binaryName().replace('.', '/') + ".class"), Kind.CLASS);
            this.file = file;
        }

        @Override
        public InputStream openInputStream() {
            return new ByteArrayInputStream(file.bytes());
        }
    }
}
