package io.hallows.logging.impl.console;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.osgi.service.log.LogEntry;
import org.osgi.service.log.LogLevel;

/**
 * The one format of log lines for people: {@code HH:mm:ss.SSS LEVEL logger: message}, the level
 * padded to five characters, continuation lines of the message and the exception's stack indented
 * by four spaces, so every entry starts with its time.
 */
public final class EntryFormat {
    private static final String INDENT = "    ";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());

    private EntryFormat() {
    }

    /** The entry as text, ending with a line break. */
    public static String format(LogEntry entry) {
        return format(entry.getTime(), entry.getLogLevel(), entry.getLoggerName(), entry.getMessage(), entry.getException());
    }

    static String format(long time, LogLevel level, String logger, String message, Throwable failure) {
        StringBuilder out = new StringBuilder(128);
        out.append(TIME.format(Instant.ofEpochMilli(time))).append(' ');
        String name = level.name();
        out.append(name).append(" ".repeat(Math.max(1, 6 - name.length())));
        out.append(logger).append(": ");
        String text = message == null ? "" : message.strip();
        out.append(text.replace("\n", "\n" + INDENT)).append('\n');
        if (failure != null) {
            appendStack(out, failure, "", new StackTraceElement[0], INDENT,
                    Collections.newSetFromMap(new IdentityHashMap<>()));
        }
        return out.toString();
    }

    /** As Throwable's own printout: frames shared with the enclosing trace are counted, not repeated. */
    private static void appendStack(StringBuilder out, Throwable t, String caption, StackTraceElement[] enclosing,
            String indent, Set<Throwable> seen) {
        if (!seen.add(t)) {
            out.append(indent).append(caption).append("[circular reference: ").append(t).append("]\n");
            return;
        }
        StackTraceElement[] trace = t.getStackTrace();
        int m = trace.length - 1;
        int n = enclosing.length - 1;
        while (m >= 0 && n >= 0 && trace[m].equals(enclosing[n])) {
            m--;
            n--;
        }
        out.append(indent).append(caption).append(t).append('\n');
        for (int i = 0; i <= m; i++) {
            out.append(indent).append(INDENT).append("at ").append(trace[i]).append('\n');
        }
        int common = trace.length - 1 - m;
        if (common > 0) {
            out.append(indent).append(INDENT).append("... ").append(common).append(" more\n");
        }
        for (Throwable suppressed : t.getSuppressed()) {
            appendStack(out, suppressed, "Suppressed: ", trace, indent + INDENT, seen);
        }
        if (t.getCause() != null) {
            appendStack(out, t.getCause(), "Caused by: ", trace, indent, seen);
        }
    }
}
