package io.hallows.dsl.impl.syntax;

import io.hallows.dsl.api.Diagnostic;
import io.hallows.dsl.api.Severity;
import io.hallows.dsl.impl.ast.Position;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects the diagnostics of one compilation; every stage reports into the same collector. */
public final class Diagnostics {
    private static final Comparator<Diagnostic> BY_POSITION = Comparator.comparing(Diagnostic::file)
            .thenComparingInt(Diagnostic::line)
            .thenComparingInt(Diagnostic::column);

    private final List<Diagnostic> items = new ArrayList<>();

    public void error(Position pos, String code, String message) {
        add(pos, Severity.ERROR, code, message);
    }

    public void error(Position pos, SyntaxCode code, String message) {
        error(pos, code.id(), message);
    }

    public void warning(Position pos, String code, String message) {
        add(pos, Severity.WARNING, code, message);
    }

    public void add(Position pos, Severity severity, String code, String message) {
        items.add(new Diagnostic(pos.file(), pos.line(), pos.column(), severity, code, message));
    }

    /** Everything reported so far, by position; reports at the same position keep their order. */
    public List<Diagnostic> list() {
        return items.stream().sorted(BY_POSITION).toList();
    }

    public boolean hasErrors() {
        return items.stream().anyMatch(d -> d.severity() == Severity.ERROR);
    }
}
