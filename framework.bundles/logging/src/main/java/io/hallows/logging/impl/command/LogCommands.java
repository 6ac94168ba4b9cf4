package io.hallows.logging.impl.command;

import io.hallows.logging.impl.Levels;
import io.hallows.logging.impl.console.EntryFormat;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.LogEntry;
import org.osgi.service.log.LogLevel;
import org.osgi.service.log.LogReaderService;

/**
 * {@code log:tail [n] [level] [logger]}, also named {@code log:entries}: the last entries of the
 * Log Service's history, oldest first. The messaging broker's {@code log:tail <topic> [n]} takes
 * over the name {@code log:tail} while it runs (a higher service ranking) and hands these forms on
 * to {@code log:entries}, so both keep working. The Log Service also records every bundle, service and framework event (loggers
 * {@code Events.*}); below WARN those are left out unless the logger prefix asks for them.
 */
@Component(service = LogCommands.class, property = {"osgi.command.scope=log", "osgi.command.function=tail",
    "osgi.command.function=entries"})
public final class LogCommands {
    static final int DEFAULT_COUNT = 20;
    static final String EVENTS = "Events.";

    private final LogReaderService reader;

    @Activate
    public LogCommands(@Reference LogReaderService reader) {
        this.reader = reader;
    }

    @Descriptor("show the last 20 log entries at INFO or above")
    public String entries() {
        return tail();
    }

    @Descriptor("show the last n log entries at INFO or above")
    public String entries(@Descriptor("how many entries") int n) {
        return tail(n);
    }

    @Descriptor("show the last n log entries at level or above")
    public String entries(@Descriptor("how many entries") int n,
            @Descriptor("TRACE, DEBUG, INFO, WARN, ERROR or AUDIT") String level) {
        return tail(n, level);
    }

    @Descriptor("show the last n log entries at level or above from loggers whose name starts with prefix")
    public String entries(@Descriptor("how many entries") int n,
            @Descriptor("TRACE, DEBUG, INFO, WARN, ERROR or AUDIT") String level,
            @Descriptor("logger name prefix, e.g. io.netty (Events for the framework's events)") String prefix) {
        return tail(n, level, prefix);
    }

    @Descriptor("show the last 20 log entries at INFO or above")
    public String tail() {
        return tail(DEFAULT_COUNT);
    }

    @Descriptor("show the last n log entries at INFO or above")
    public String tail(@Descriptor("how many entries") int n) {
        return tail(n, LogLevel.INFO.name());
    }

    @Descriptor("show the last n log entries at level or above")
    public String tail(@Descriptor("how many entries") int n,
            @Descriptor("TRACE, DEBUG, INFO, WARN, ERROR or AUDIT") String level) {
        return tail(n, level, "");
    }

    @Descriptor("show the last n log entries at level or above from loggers whose name starts with prefix")
    public String tail(@Descriptor("how many entries") int n,
            @Descriptor("TRACE, DEBUG, INFO, WARN, ERROR or AUDIT") String level,
            @Descriptor("logger name prefix, e.g. io.netty (Events for the framework's events)") String prefix) {
        if (n < 1) {
            throw new IllegalArgumentException("log:tail: the number of entries must be at least 1 (was " + n + ")");
        }
        LogLevel threshold = Levels.parse(level).orElseThrow(() -> new IllegalArgumentException(
                "log:tail: unknown level '" + level + "': use TRACE, DEBUG, INFO, WARN, ERROR or AUDIT"));
        List<LogEntry> newestFirst = new ArrayList<>();
        for (Enumeration<LogEntry> log = reader.getLog(); log.hasMoreElements() && newestFirst.size() < n;) {
            LogEntry entry = log.nextElement();
            if (threshold.implies(entry.getLogLevel()) && matches(entry, prefix)) {
                newestFirst.add(entry);
            }
        }
        if (newestFirst.isEmpty()) {
            return "no log entries at " + threshold + " or above" + (prefix.isEmpty() ? "" : " from " + prefix + "*") + "\n";
        }
        StringBuilder out = new StringBuilder();
        for (LogEntry entry : newestFirst.reversed()) {
            out.append(EntryFormat.format(entry));
        }
        return out.toString();
    }

    private static boolean matches(LogEntry entry, String prefix) {
        String name = entry.getLoggerName() == null ? "" : entry.getLoggerName();
        if (!prefix.isEmpty()) {
            return name.startsWith(prefix);
        }
        return !name.startsWith(EVENTS) || LogLevel.WARN.implies(entry.getLogLevel());
    }
}
