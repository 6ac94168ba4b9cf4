package io.hallows.dsl.impl.compile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * A {@link ClassLibrary} over a plain class loader (directories and jars of the test class path)
 * plus class files compiled in the test (other modules' API classes), which come first.
 */
public final class ClassPathLibrary implements ClassLibrary {
    private final ClassLoader loader;
    private final Map<String, byte[]> extra = new LinkedHashMap<>();

    public ClassPathLibrary(ClassLoader loader) {
        this.loader = loader;
    }

    /** Adds compiled classes (binary name to bytes), e.g. an imported module's API. */
    ClassPathLibrary with(Map<String, byte[]> classes) {
        extra.putAll(classes);
        return this;
    }

    @Override
    public List<ClassFile> list(String packageName) {
        Map<String, ClassFile> found = new LinkedHashMap<>();
        extra.forEach((name, bytes) -> {
            if (name.lastIndexOf('.') == packageName.length() && name.startsWith(packageName + ".")) {
                found.put(name, new ClassFile(name, bytes));
            }
        });
        String path = packageName.replace('.', '/');
        try {
            Enumeration<URL> urls = loader.getResources(path);
            while (urls.hasMoreElements()) {
                URL url = urls.nextElement();
                for (String name : names(url, path)) {
                    String binary = packageName + "." + name.substring(0, name.length() - ".class".length());
                    found.computeIfAbsent(binary, b -> new ClassFile(b, read(path + "/" + name)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(found.values());
    }

    private static List<String> names(URL url, String path) throws IOException {
        List<String> names = new ArrayList<>();
        if (url.getProtocol().equals("file")) {
            try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
                files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".class")).forEach(names::add);
            } catch (URISyntaxException e) {
                throw new IOException(e);
            }
        } else if (url.getProtocol().equals("jar")) {
            JarURLConnection connection = (JarURLConnection) url.openConnection();
            connection.setUseCaches(false);
            try (JarFile jar = connection.getJarFile()) {
                for (JarEntry entry : java.util.Collections.list(jar.entries())) {
                    String name = entry.getName();
                    if (name.startsWith(path + "/") && name.endsWith(".class") && name.indexOf('/', path.length() + 1) < 0) {
                        names.add(name.substring(path.length() + 1));
                    }
                }
            }
        }
        return names;
    }

    private byte[] read(String resource) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Optional<Class<?>> load(String binaryName) {
        try {
            return Optional.of(Class.forName(binaryName, false, loader));
        } catch (ClassNotFoundException | LinkageError e) {
            return Optional.empty();
        }
    }
}
