package io.hallows.dsl.impl.compile;

import java.util.List;

/**
 * The classes generated code compiles against, besides the JDK: the runtime package, other
 * modules' API packages, Java service packages. Inside the framework the deployer answers from the
 * wirings of the bundles that export them (javac cannot see bundle classes through a class loader);
 * on a plain class path, from a class loader.
 */
public interface ClassLibrary {
    /** The class files directly in {@code packageName} (not sub-packages); empty when unknown. */
    List<ClassFile> list(String packageName);

    /**
     * The loaded class {@code binaryName}, for typing calls to an imported Java service interface
     * by reflection; empty when it cannot be loaded.
     */
    default java.util.Optional<Class<?>> load(String binaryName) {
        return java.util.Optional.empty();
    }

    /**
     * One class file.
     *
     * @param binaryName {@code pt.shop.api.Pricing}
     * @param bytes      its content
     */
    record ClassFile(String binaryName, byte[] bytes) {
    }
}
