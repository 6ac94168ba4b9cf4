package io.hallows.run.it;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** A small bundle made in the test: a manifest and, optionally, one activator class from the test classes. */
final class TestBundle {
    private final String symbolicName;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private Class<?> activator;
    private final java.util.List<Class<?>> extra = new java.util.ArrayList<>();

    private TestBundle(String symbolicName) {
        this.symbolicName = symbolicName;
        headers.put("Bundle-ManifestVersion", "2");
        headers.put("Bundle-SymbolicName", symbolicName);
        headers.put("Bundle-Version", "1.0.0");
        headers.put("Import-Package", "org.osgi.framework");
    }

    static TestBundle named(String symbolicName) {
        return new TestBundle(symbolicName);
    }

    /** The activator's class bytes go into the bundle, so the framework loads its own copy. */
    TestBundle activator(Class<?> type) {
        this.activator = type;
        headers.put("Bundle-Activator", type.getName());
        return this;
    }

    /** More classes the activator uses, copied into the bundle too. */
    TestBundle with(Class<?>... classes) {
        extra.addAll(java.util.List.of(classes));
        return this;
    }

    TestBundle header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    String symbolicName() {
        return symbolicName;
    }

    InputStream open() throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        headers.forEach((k, v) -> manifest.getMainAttributes().putValue(k, v));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes, manifest)) {
            java.util.List<Class<?>> classes = new java.util.ArrayList<>(extra);
            if (activator != null) {
                classes.add(0, activator);
            }
            for (Class<?> type : classes) {
                String path = type.getName().replace('.', '/') + ".class";
                jar.putNextEntry(new JarEntry(path));
                try (InputStream in = type.getClassLoader().getResourceAsStream(path)) {
                    in.transferTo(jar);
                }
                jar.closeEntry();
            }
        }
        return new ByteArrayInputStream(bytes.toByteArray());
    }
}
