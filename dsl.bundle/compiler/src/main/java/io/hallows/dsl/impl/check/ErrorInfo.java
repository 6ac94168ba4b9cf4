package io.hallows.dsl.impl.check;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A declared {@code error}, of this module or an imported one, or one of the built-in errors
 * ({@link #OVERFLOW}, {@link #DIVISION_BY_ZERO}: {@code module} null). Compared by identity.
 */
public final class ErrorInfo {
    /** Raised by Int arithmetic that leaves the 64-bit range. */
    public static final ErrorInfo OVERFLOW = new ErrorInfo(null, "Overflow");
    /** Raised by Int division or remainder by zero. */
    public static final ErrorInfo DIVISION_BY_ZERO = new ErrorInfo(null, "DivisionByZero");

    /** Raised by {@code M.insert(m)} when the stored model's key is already in its table. */
    public static final ErrorInfo CONFLICT = new ErrorInfo(null, "Conflict");

    private final String module;
    private final String name;
    private final Map<String, Type> fields = new LinkedHashMap<>();

    ErrorInfo(String module, String name) {
        this.module = module;
        this.name = name;
    }

    /** The declaring module, null for a built-in error. */
    public String module() {
        return module;
    }

    public String name() {
        return name;
    }

    /** A built-in error: unchecked, raised by arithmetic only. */
    public boolean builtin() {
        return module == null;
    }

    /** Field name to type, in declaration order. */
    public Map<String, Type> fields() {
        return fields;
    }

    @Override
    public String toString() {
        return module == null ? name : module + "." + name;
    }
}
