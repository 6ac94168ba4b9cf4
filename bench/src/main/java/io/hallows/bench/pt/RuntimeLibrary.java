package io.hallows.bench.pt;

import io.hallows.dsl.impl.compile.ClassLibrary;
import io.hallows.dsl.runtime.ModuleContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The class library of modules that import nothing, on a plain class path: the package
 * {@code io.hallows.dsl.runtime}, read from the jar or folder that holds {@link ModuleContext}
 * (the shaded benchmarks jar, or the dsl jar). Every other package is empty: generated code needs
 * the JDK, the runtime and its own classes only.
 */
final class RuntimeLibrary implements ClassLibrary {
    private static final String RUNTIME = ModuleContext.class.getPackageName();
    private final List<ClassFile> runtime;

    RuntimeLibrary() {
        this.runtime = List.copyOf(read());
    }

    @Override
    public List<ClassFile> list(String packageName) {
        return packageName.equals(RUNTIME) ? runtime : List.of();
    }

    @Override
    public Optional<Class<?>> load(String binaryName) {
        try {
            return Optional.of(Class.forName(binaryName, false, RuntimeLibrary.class.getClassLoader()));
        } catch (ClassNotFoundException | LinkageError e) {
            return Optional.empty();
        }
    }

    private static List<ClassFile> read() {
        String folder = RUNTIME.replace('.', '/') + "/";
        List<ClassFile> classes = new ArrayList<>();
        for (String name : names(folder)) {
            String binary = RUNTIME + "." + name.substring(0, name.length() - ".class".length());
            try (InputStream in = ModuleContext.class.getClassLoader().getResourceAsStream(folder + name)) {
                classes.add(new ClassFile(binary, in.readAllBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return classes;
    }

    /** The class files directly in {@code folder} of the code source that holds the runtime. */
    private static List<String> names(String folder) {
        try {
            Path source = Path.of(ModuleContext.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isDirectory(source)) {
                try (Stream<Path> files = Files.list(source.resolve(folder))) {
                    return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".class")).toList();
                }
            }
            try (JarFile jar = new JarFile(source.toFile())) {
                return Collections.list(jar.entries()).stream().map(JarEntry::getName)
                        .filter(n -> n.startsWith(folder) && n.endsWith(".class") && n.indexOf('/', folder.length()) < 0)
                        .map(n -> n.substring(folder.length())).toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the Parseltongue runtime classes", e);
        }
    }
}
