package io.hallows.dsl.impl.deploy;

import io.hallows.dsl.api.Diagnostic;
import io.hallows.dsl.api.Severity;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What one deployment (or undeployment) did.
 *
 * @param file        the file deployed, or the module's name for an undeployment
 * @param module      the module's name, or null when the source did not compile far enough to tell
 * @param outcome     what happened
 * @param diagnostics the compiler's errors and warnings (of this module, or of a module that imports it)
 * @param installed   bundles installed, as {@code pt.shop 1.0.0.ab12cd}
 * @param updated     bundles updated in place, likewise
 * @param refreshed   symbolic names of every bundle the framework refreshed
 * @param notes       other things to know: state reset by a type change, modules recompiled …
 * @param error       why nothing changed, for {@link Outcome#FAILED} and {@link Outcome#ROLLED_BACK}
 * @param took        how long it took
 */
public record DeployReport(String file, String module, Outcome outcome, List<Diagnostic> diagnostics, List<String> installed,
        List<String> updated, List<String> refreshed, List<String> notes, String error, Duration took) {

    /** What a deployment did. */
    public enum Outcome {
        /** A new module: its bundles were installed and started. */
        INSTALLED,
        /** A deployed module's bundles were updated in place. */
        UPDATED,
        /** The same source as deployed: nothing to do (its bundle was started if it was not). */
        UNCHANGED,
        /** The module was removed. */
        UNDEPLOYED,
        /** The source has errors (see the diagnostics): nothing changed. */
        REJECTED,
        /** The new revision did not start: the previous one was put back. */
        ROLLED_BACK,
        /** Packaging or the framework failed (see the error): nothing changed. */
        FAILED
    }

    public DeployReport {
        diagnostics = List.copyOf(diagnostics);
        installed = List.copyOf(installed);
        updated = List.copyOf(updated);
        refreshed = List.copyOf(refreshed);
        notes = List.copyOf(notes);
    }

    /** A deployment that changed nothing: rejected, rolled back or failed. */
    static DeployReport unsuccessful(String file, String module, Outcome outcome, List<Diagnostic> diagnostics, String error,
            List<String> notes, Duration took) {
        return new DeployReport(file, module, outcome, diagnostics, List.of(), List.of(), List.of(), notes, error, took);
    }

    /** A file that could not be compiled at all (bytes that are not UTF-8): the one diagnostic saying why. */
    static DeployReport unreadable(String file, Diagnostic why) {
        return unsuccessful(file, null, Outcome.REJECTED, List.of(why), null, List.of(), Duration.ZERO);
    }

    static DeployReport undeployed(String module, List<String> refreshed, Duration took) {
        return new DeployReport(module, module, Outcome.UNDEPLOYED, List.of(), List.of(), List.of(), refreshed, List.of(), null, took);
    }

    /** True when the module is now deployed as asked (or was undeployed). */
    public boolean ok() {
        return outcome == Outcome.INSTALLED || outcome == Outcome.UPDATED || outcome == Outcome.UNCHANGED
                || outcome == Outcome.UNDEPLOYED;
    }

    /**
     * One line, as the app folder prints it: {@code shop.pt deployed (pt.shop 1.0.0.ab12cd) in 412 ms}.
     */
    public String summary() {
        String ms = " in " + took.toMillis() + " ms";
        return switch (outcome) {
            case INSTALLED -> file + " deployed (" + String.join(", ", installed) + ")" + ms;
            case UPDATED -> file + " updated (" + String.join(", ", updated) + "; refreshed " + String.join(", ", refreshed) + ")" + ms;
            case UNCHANGED -> file + " unchanged (module " + module + ")" + ms;
            case UNDEPLOYED -> "module " + module + " undeployed (refreshed " + String.join(", ", refreshed) + ")" + ms;
            case REJECTED -> file + " not deployed: " + count(Severity.ERROR) + "; the running version is unchanged";
            case ROLLED_BACK, FAILED -> file + " not deployed: " + error;
        };
    }

    /** The summary, then the diagnostics and notes, one per line. */
    public String format() {
        List<String> lines = new ArrayList<>();
        lines.add(summary());
        diagnostics.forEach(d -> lines.add(d.format()));
        lines.addAll(notes);
        return String.join("\n", lines);
    }

    private String count(Severity severity) {
        long n = diagnostics.stream().filter(d -> d.severity() == severity).count();
        return n + " " + severity.label() + (n == 1 ? "" : "s");
    }
}
