package io.hallows.bench.pt;

import java.lang.invoke.MethodHandles;

/**
 * A lookup with full privileges in a module's class loader: {@link LoadedModule} defines a copy of
 * this class there, so {@code LambdaMetafactory} defines its lambda classes in the loader that
 * sees the generated interfaces (a lambda defined in the benchmark's loader could not resolve them).
 */
public final class LoaderLookup {
    private LoaderLookup() {
    }

    public static MethodHandles.Lookup lookup() {
        return MethodHandles.lookup();
    }
}
