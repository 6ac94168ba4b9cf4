package io.hallows.dsl.impl;

import io.hallows.dsl.api.Diagnostic;
import io.hallows.dsl.impl.syntax.Diagnostics;
import io.hallows.dsl.impl.syntax.Parser;
import java.util.List;

/**
 * The compiler's front end: every check a source file goes through before code is generated.
 * Today that is lexing and parsing; the name, type and variable-kind checks plug in here, running
 * only on a file without syntax errors so that they never report consequences of a broken tree.
 */
public final class FrontEnd {
    private FrontEnd() {
    }

    /** All diagnostics of {@code source}, by position; empty when the file is correct. */
    public static List<Diagnostic> check(String fileName, String source) {
        Diagnostics diagnostics = new Diagnostics();
        Parser.parse(fileName, source, diagnostics);
        return diagnostics.list();
    }
}
