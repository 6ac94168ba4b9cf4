package io.hallows.dsl.api;

import java.util.Objects;

/**
 * One problem found in a Parseltongue source file.
 *
 * @param file     the file name as given to the compiler, e.g. {@code shop.pt}; never null
 * @param line     1-based line of the problem
 * @param column   1-based column, counted in Unicode characters (code points), tabs count as one
 * @param severity whether the problem stops the build
 * @param code     the stable code, {@code PT} and four digits, e.g. {@code PT0203}
 * @param message  what is wrong and, where the compiler can tell, what to do about it
 */
public record Diagnostic(String file, int line, int column, Severity severity, String code, String message) {
    public Diagnostic {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        if (line < 1 || column < 1) {
            throw new IllegalArgumentException("line and column are 1-based: " + line + ":" + column);
        }
    }

    /**
     * The diagnostic as one line, the way compilers print them:
     * {@code shop.pt:12:7: error[PT0203]: unknown type 'Ordr' (did you mean 'Order'?)}.
     */
    public String format() {
        return file + ":" + line + ":" + column + ": " + severity.label() + "[" + code + "]: " + message;
    }
}
