package io.hallows.dsl.impl.compile;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
        LoaderClasses.list(loader, packageName).forEach(c -> found.putIfAbsent(c.binaryName(), c));
        return List.copyOf(found.values());
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
