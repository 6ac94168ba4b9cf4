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

    /** At most this many diagnostics of a file are listed, then one saying how many more there were. */
    public static final int LIMIT = 100;

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

    /**
     * Everything reported so far, by position; reports at the same position keep their order. Past
     * {@value #LIMIT}, one more diagnostic (PT0199, at the first one left out) says how many were
     * left out: a file of garbage gives a screenful, not thousands of lines.
     */
    public List<Diagnostic> list() {
        List<Diagnostic> sorted = items.stream().sorted(BY_POSITION).toList();
        if (sorted.size() <= LIMIT + 1) {
            return sorted;
        }
        List<Diagnostic> shown = new ArrayList<>(sorted.subList(0, LIMIT));
        Diagnostic next = sorted.get(LIMIT);
        shown.add(new Diagnostic(next.file(), next.line(), next.column(), next.severity(), SyntaxCode.MORE_DIAGNOSTICS.id(),
                (sorted.size() - LIMIT) + " more diagnostics in this file are not shown (the first " + LIMIT + " are)"));
        return List.copyOf(shown);
    }

    public boolean hasErrors() {
        return items.stream().anyMatch(d -> d.severity() == Severity.ERROR);
    }
}
