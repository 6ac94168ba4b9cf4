package io.hallows.dsl.impl.deploy;

import io.hallows.dsl.impl.compile.ClassLibrary;
import io.hallows.dsl.impl.compile.LoaderClasses;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.osgi.framework.BundleContext;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleWiring;

/**
 * The classes of a package as the framework has them: read from the wiring of the bundle that
 * exports it ({@link BundleWiring#listResources}), since javac cannot see bundle classes through a
 * class loader. API classes compiled in the same deployment ({@code pending}) come first, so that a
 * module importing a changed API is compiled against the new one before it is installed.
 *
 * <p>Packages the system bundle exports are read through the framework's class loader (those of
 * the JDK javac sees by itself). {@link #load} loads an interface as the bundle that exports its
 * package has it, so that {@code import java} types calls against the class the module will be
 * wired to; {@code java.*} classes come from the platform.
 */
final class BundleClassLibrary implements ClassLibrary {
    private final BundleContext context;
    private final Map<String, Map<String, byte[]>> pending;

    /** @param pending class files by binary name, by package, not installed yet */
    BundleClassLibrary(BundleContext context, Map<String, Map<String, byte[]>> pending) {
        this.context = context;
        this.pending = pending;
    }

    @Override
    public List<ClassFile> list(String packageName) {
        Map<String, byte[]> fresh = pending.get(packageName);
        if (fresh != null) {
            return fresh.entrySet().stream().map(e -> new ClassFile(e.getKey(), e.getValue())).toList();
        }
        BundleCapability export = PackageExports.best(context, packageName).orElse(null);
        if (export == null) {
            return List.of();
        }
        if (PackageExports.bundle(export).getBundleId() == 0) {
            return LoaderClasses.list(systemLoader(), packageName);
        }
        BundleWiring wiring = export.getRevision().getWiring();
        List<ClassFile> files = new ArrayList<>();
        for (String name : wiring.listResources(packageName.replace('.', '/'), "*.class", 0)) {
            URL url = wiring.getClassLoader().getResource(name);
            if (url != null) {
                files.add(new ClassFile(name.substring(0, name.length() - ".class".length()).replace('/', '.'), read(url)));
            }
        }
        return files;
    }

    @Override
    public Optional<Class<?>> load(String binaryName) {
        int dot = binaryName.lastIndexOf('.');
        String packageName = dot < 0 ? "" : binaryName.substring(0, dot);
        try {
            if (packageName.startsWith("java.")) {
                return Optional.of(Class.forName(binaryName, false, ClassLoader.getPlatformClassLoader()));
            }
            Optional<BundleCapability> export = PackageExports.best(context, packageName);
            if (export.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(PackageExports.bundle(export.get()).loadClass(binaryName));
        } catch (ClassNotFoundException | LinkageError | IllegalStateException e) {
            return Optional.empty();
        }
    }

    /** The class loader the system bundle's exports come from: the framework's own. */
    private ClassLoader systemLoader() {
        BundleWiring wiring = context.getBundle(0).adapt(BundleWiring.class);
        ClassLoader loader = wiring == null ? null : wiring.getClassLoader();
        return loader != null ? loader : org.osgi.framework.Bundle.class.getClassLoader();
    }

    private static byte[] read(URL url) {
        try (InputStream in = url.openStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + url, e);
        }
    }
}
