package io.hallows.dsl.runtime;

import java.util.function.Supplier;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The cells of every deployed module's state, keyed by module and variable name. Owned by the
 * Parseltongue runtime bundle, so a module's state survives updates of the module's own bundles
 * and of the compiler.
 * Thread-safe.
 */
@ProviderType
public interface StateStore {
    /**
     * The cell of {@code module}'s variable {@code name}: the existing one when its type signature
     * is {@code type}; otherwise a new cell holding {@code initial.get()}, replacing any cell of
     * another type ({@link StateCell#wasReset()} then says so).
     *
     * @param type a signature of the value's type that changes whenever its classes would
     *             (for example {@code Map<String,Int>}, or a model type with its API bundle's hash)
     */
    <T> StateCell<T> cell(String module, String name, String type, Supplier<T> initial);

    /** Forgets every cell of {@code module} (it was undeployed). */
    void drop(String module);
}
