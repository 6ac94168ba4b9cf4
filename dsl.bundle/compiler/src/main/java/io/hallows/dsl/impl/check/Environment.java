package io.hallows.dsl.impl.check;

import io.hallows.dsl.impl.compile.ClassLibrary;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where imports are resolved: other modules' sources, by module name, and Java interfaces through
 * the class library. An {@link #isolated()} environment checks one file on its own: its imports are
 * taken on trust (what is called through them is not typed), as an editor or {@code pt:check} on a
 * single file needs.
 *
 * @param modules the source of a deployed module by name; null when isolated
 * @param library the classes Java imports are loaded from; null when isolated
 */
public record Environment(Function<String, Optional<String>> modules, ClassLibrary library) {
    /** The environment of a file checked on its own. */
    public static Environment isolated() {
        return new Environment(null, null);
    }

    /** Whether imports are taken on trust. */
    public boolean isIsolated() {
        return modules == null;
    }
}
