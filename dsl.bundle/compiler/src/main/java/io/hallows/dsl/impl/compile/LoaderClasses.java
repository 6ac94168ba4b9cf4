package io.hallows.dsl.impl.compile;

import io.hallows.dsl.impl.compile.ClassLibrary.ClassFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The class files of one package as a class loader finds them in directories and jars. javac
 * needs class files, not loaded classes: this is how packages that come from a plain class loader
 * (the test class path, or the framework's own packages that the system bundle exports) reach it.
 * Resources in the JDK's run-time image ({@code jrt:}) are skipped: javac sees those by itself.
 */
public final class LoaderClasses {
    private LoaderClasses() {
    }

    /** The classes directly in {@code packageName}, the first found of each name winning. */
    public static List<ClassFile> list(ClassLoader loader, String packageName) {
        String path = packageName.replace('.', '/');
        Map<String, ClassFile> found = new LinkedHashMap<>();
        try {
            Enumeration<URL> urls = loader.getResources(path);
            while (urls.hasMoreElements()) {
                for (String name : names(urls.nextElement(), path)) {
                    String binary = packageName + "." + name.substring(0, name.length() - ".class".length());
                    if (!found.containsKey(binary)) {
                        byte[] bytes = read(loader, path + "/" + name);
                        if (bytes != null) {
                            found.put(binary, new ClassFile(binary, bytes));
                        }
                    }
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
                for (JarEntry entry : Collections.list(jar.entries())) {
                    String name = entry.getName();
                    if (name.startsWith(path + "/") && name.endsWith(".class") && name.indexOf('/', path.length() + 1) < 0) {
                        names.add(name.substring(path.length() + 1));
                    }
                }
            }
        }
        return names;
    }

    private static byte[] read(ClassLoader loader, String resource) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
