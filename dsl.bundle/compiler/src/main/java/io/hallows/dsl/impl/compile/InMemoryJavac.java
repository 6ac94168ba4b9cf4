package io.hallows.dsl.impl.compile;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * javac in memory: sources from strings, class files into a map. The class path is the
 * {@link ClassLibrary} and nothing else — the JDK's own packages come from the platform, every
 * other package from the library — so generated code compiles against exactly the classes the
 * deployed bundle will be wired to. Thread-safe: each call has its own file manager.
 */
public final class InMemoryJavac {
    private static final List<String> OPTIONS = List.of("--release", "21", "-proc:none", "-parameters", "-Xlint:none");

    /** A javac error: the source's path, 1-based line and column, javac's message. */
    public record Problem(String path, long line, long column, String message) {
    }

    /** Class files by binary name (empty on errors), and the errors. */
    public record Output(Map<String, byte[]> classes, List<Problem> errors) {
    }

    private InMemoryJavac() {
    }

    /**
     * Compiles {@code sources} (path such as {@code pt/shop/api/Pricing.java} to text) with
     * {@code --release 21}.
     *
     * @throws IllegalStateException when the JVM has no Java compiler (a JRE, not a JDK)
     */
    public static Output compile(Map<String, String> sources, ClassLibrary library) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("this JVM has no Java compiler: run Hallows on a JDK");
        }
        DiagnosticCollector<JavaFileObject> collector = new DiagnosticCollector<>();
        List<JavaFileObject> units = new ArrayList<>();
        sources.forEach((path, text) -> units.add(new Source(path, text)));
        Map<String, byte[]> classes = new TreeMap<>();
        try (StandardJavaFileManager standard = javac.getStandardFileManager(collector, Locale.ROOT, StandardCharsets.UTF_8)) {
            standard.setLocation(StandardLocation.CLASS_PATH, List.of());
            try (JavaFileManager files = new LibraryFileManager(standard, library, classes)) {
                boolean ok = javac.getTask(null, files, collector, OPTIONS, null, units).call();
                if (ok) {
                    return new Output(classes, List.of());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Problem> errors = collector.getDiagnostics().stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                .map(d -> new Problem(d.getSource() instanceof Source s ? s.path : String.valueOf(d.getSource()),
                        d.getLineNumber(), d.getColumnNumber(), d.getMessage(Locale.ROOT)))
                .toList();
        return new Output(Map.of(), errors);
    }

    private static final class Source extends SimpleJavaFileObject {
        final String path;
        private final String text;

        Source(String path, String text) {
            super(URI.create("string:///" + path), Kind.SOURCE);
            this.path = path;
            this.text = text;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return text;
        }
    }

    /** The class path from the library (JDK packages excepted), output into memory. */
    private static final class LibraryFileManager extends ForwardingJavaFileManager<JavaFileManager> {
        private final ClassLibrary library;
        private final Map<String, byte[]> out;
        private final Map<String, List<JavaFileObject>> listed = new HashMap<>();

        LibraryFileManager(JavaFileManager files, ClassLibrary library, Map<String, byte[]> out) {
            super(files);
            this.library = library;
            this.out = out;
        }

        @Override
        public Iterable<JavaFileObject> list(Location location, String packageName, Set<JavaFileObject.Kind> kinds, boolean recurse)
                throws IOException {
            if (location != StandardLocation.CLASS_PATH || !kinds.contains(JavaFileObject.Kind.CLASS)
                    || packageName.startsWith("java.") || packageName.startsWith("javax.") || packageName.isEmpty()) {
                return super.list(location, packageName, kinds, recurse);
            }
            return listed.computeIfAbsent(packageName, p -> library.list(p).stream().map(c -> (JavaFileObject) new LibraryClass(c)).toList());
        }

        @Override
        public String inferBinaryName(Location location, JavaFileObject file) {
            return file instanceof LibraryClass c ? c.file.binaryName() : super.inferBinaryName(location, file);
        }

        @Override
        public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind, FileObject sibling) {
            return new SimpleJavaFileObject(URI.create("mem:///" + className.replace('.', '/') + kind.extension), kind) {
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
