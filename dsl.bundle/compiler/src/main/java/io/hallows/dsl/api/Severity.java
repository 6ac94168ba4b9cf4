package io.hallows.dsl.api;

import java.util.Locale;

/** How bad a {@link Diagnostic} is: an error stops the module from being built, a warning does not. */
public enum Severity {
    ERROR,
    WARNING;

    /** The word used in formatted diagnostics: {@code error} or {@code warning}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
