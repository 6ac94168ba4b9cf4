package io.hallows.dsl.impl;

import io.hallows.dsl.api.Diagnostic;
import io.hallows.dsl.impl.ast.ModuleDecl;
import io.hallows.dsl.impl.check.CheckedModule;
import io.hallows.dsl.impl.check.Checker;
import io.hallows.dsl.impl.check.Environment;
import io.hallows.dsl.impl.syntax.Diagnostics;
import io.hallows.dsl.impl.syntax.Parser;
import java.util.List;

/**
 * The compiler's front end: every check a source file goes through before code is generated —
 * lexing and parsing, then the semantic checks (names, types, variable kinds, reactivity, errors),
 * which run only on a file without syntax errors so that they never report consequences of a
 * broken tree.
 */
public final class FrontEnd {
    private FrontEnd() {
    }

    /**
     * The outcome of the front end.
     *
     * @param module      the checked module, or null when there is an error
     * @param diagnostics every diagnostic, by position
     */
    public record Analysis(CheckedModule module, List<Diagnostic> diagnostics) {
    }

    /**
     * All diagnostics of {@code source} checked on its own (imports taken on trust, see
     * {@link Environment#isolated()}), by position; empty when the file is correct.
     */
    public static List<Diagnostic> check(String fileName, String source) {
        return analyze(fileName, source, Environment.isolated()).diagnostics();
    }

    /** Parses and checks {@code source}, resolving its imports in {@code environment}. */
    public static Analysis analyze(String fileName, String source, Environment environment) {
        Diagnostics diagnostics = new Diagnostics();
        ModuleDecl module = Parser.parse(fileName, source, diagnostics);
        if (diagnostics.hasErrors()) {
            return new Analysis(null, diagnostics.list());
        }
        CheckedModule checked = Checker.check(module, environment, diagnostics);
        return new Analysis(diagnostics.hasErrors() ? null : checked, diagnostics.list());
    }
}
