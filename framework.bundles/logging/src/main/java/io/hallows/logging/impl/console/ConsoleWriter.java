package io.hallows.logging.impl.console;

import io.hallows.logging.impl.Levels;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.LogEntry;
import org.osgi.service.log.LogLevel;
import org.osgi.service.log.LogListener;
import org.osgi.service.log.LogReaderService;

/**
 * Prints the Log Service's entries at or above the console level to standard error. At start it
 * first prints the entries of the history that qualify (what went wrong while the stack booted,
 * before this component ran), then each new one as the Log Service delivers it.
 */
@Component(configurationPid = ConsoleWriter.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL,
        service = {}, immediate = true)
public final class ConsoleWriter implements LogListener {
    static final String PID = "io.hallows.logging";

    /** The configuration of PID {@value #PID}. */
    public @interface Config {
        /** The lowest level printed on the console: TRACE, DEBUG, INFO, WARN, ERROR or AUDIT. */
        String console_level() default "WARN";
    }

    private final LogReaderService reader;
    private final Consumer<String> console;
    private volatile LogLevel level;
    // The history entries printed at start, which the listener may be handed again; emptied as soon
    // as the listener sees a newer entry (the Log Service delivers in order).
    private final Set<LogEntry> printedAtStart = Collections.newSetFromMap(new IdentityHashMap<>());

    @Activate
    public ConsoleWriter(@Reference LogReaderService reader, Config config) {
        this(reader, config, ConsoleWriter::printToStandardError);
    }

    ConsoleWriter(LogReaderService reader, Config config, Consumer<String> console) {
        this.reader = reader;
        this.console = console;
        this.level = levelOf(config);
        synchronized (printedAtStart) {
            reader.addLogListener(this);
            List<LogEntry> history = new ArrayList<>();
            reader.getLog().asIterator().forEachRemaining(history::add);
            for (LogEntry entry : history.reversed()) {
                if (shown(entry)) {
                    console.accept(EntryFormat.format(entry));
                }
                printedAtStart.add(entry);
            }
        }
    }

    @Modified
    void modified(Config config) {
        level = levelOf(config);
    }

    @Deactivate
    void deactivate() {
        reader.removeLogListener(this);
    }

    @Override
    public void logged(LogEntry entry) {
        synchronized (printedAtStart) {
            if (!printedAtStart.isEmpty()) {
                if (printedAtStart.contains(entry)) {
                    return;
                }
                printedAtStart.clear();
            }
        }
        if (shown(entry)) {
            console.accept(EntryFormat.format(entry));
        }
    }

    private boolean shown(LogEntry entry) {
        return level.implies(entry.getLogLevel());
    }

    private static LogLevel levelOf(Config config) {
        return Levels.parse(config.console_level()).orElse(LogLevel.WARN);
    }

    /** The console of the process: this is the one place log lines are written to it. */
    private static void printToStandardError(String text) {
        System.err.print(text);
        System.err.flush();
    }
}
