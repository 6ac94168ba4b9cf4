package io.hallows.dsl.impl.syntax;

import io.hallows.dsl.api.Diagnostic;
import io.hallows.dsl.impl.ast.ModuleDecl;
import java.util.List;

/**
 * What the parser made of a file.
 *
 * @param module      the tree; partial when there are errors, never null
 * @param diagnostics lexical and syntax errors, by position
 */
public record ParseResult(ModuleDecl module, List<Diagnostic> diagnostics) {
    public ParseResult {
        diagnostics = List.copyOf(diagnostics);
    }
}
