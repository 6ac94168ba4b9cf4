package io.hallows.dsl.runtime.local;

import java.util.Map;

/**
 * A compiled module's classes on a plain class path: the class files given (binary name to bytes)
 * are defined here, before the parent is asked, so each loader holds its own revision of them;
 * every other class comes from {@link #loadElsewhere}, the parent unless a subclass says otherwise.
 * What the deployer's bundles are inside a framework, for tests, benchmarks and tools outside one.
 */
public class MemoryClassLoader extends ClassLoader {
    private final Map<String, byte[]> classes;

    /**
     * @param name    the loader's name, shown in stack traces ({@code pt:shop})
     * @param parent  where the JDK, the runtime and every class not in {@code classes} come from
     * @param classes class files by binary name; not copied, so not to be changed afterwards
     */
    public MemoryClassLoader(String name, ClassLoader parent, Map<String, byte[]> classes) {
        super(name, parent);
        this.classes = classes;
    }

    @Override
    protected final Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
            Class<?> found = findLoadedClass(name);
            if (found != null) {
                return found;
            }
            byte[] bytes = classes.get(name);
            return bytes != null ? defineClass(name, bytes, 0, bytes.length) : loadElsewhere(name, resolve);
        }
    }

    /** A class that is not one of this loader's own: from the parent. */
    protected Class<?> loadElsewhere(String name, boolean resolve) throws ClassNotFoundException {
        return super.loadClass(name, resolve);
    }
}
