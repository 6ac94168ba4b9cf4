package io.hallows.logging.impl.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallows.logging.impl.Fakes;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.osgi.service.log.LogEntry;
import org.osgi.service.log.LogLevel;
import org.osgi.service.log.LogListener;

class ConsoleWriterTest {
    private final List<String> printed = new ArrayList<>();
    private final List<LogListener> listeners = new ArrayList<>();

    @Test
    void printsWhatBootLeftAtTheLevelThenNewEntriesOnceEach() {
        LogEntry bootWarning = Fakes.entry(0, LogLevel.WARN, "boot", "went wrong", null);
        LogEntry bootInfo = Fakes.entry(0, LogLevel.INFO, "boot", "fine", null);
        ConsoleWriter writer = new ConsoleWriter(Fakes.reader(List.of(bootInfo, bootWarning), listeners), config("WARN"), printed::add);
        assertEquals(List.of(writer), listeners);
        assertEquals(1, printed.size());
        assertTrue(printed.get(0).endsWith(" WARN  boot: went wrong\n"), printed.get(0));

        writer.logged(bootWarning); // handed again by the listener: already printed
        writer.logged(Fakes.entry(0, LogLevel.INFO, "later", "not shown", null));
        writer.logged(Fakes.entry(0, LogLevel.ERROR, "later", "shown", null));
        assertEquals(2, printed.size());
        assertTrue(printed.get(1).endsWith(" ERROR later: shown\n"), printed.get(1));

        writer.modified(config("info"));
        writer.logged(Fakes.entry(0, LogLevel.INFO, "later", "now shown", null));
        writer.logged(Fakes.entry(0, LogLevel.DEBUG, "later", "still not", null));
        assertEquals(3, printed.size());
        writer.deactivate();
        assertTrue(listeners.isEmpty());
    }

    @Test
    void anUnknownLevelMeansWarn() {
        ConsoleWriter writer = new ConsoleWriter(Fakes.reader(List.of(), listeners), config("LOUD"), printed::add);
        writer.logged(Fakes.entry(0, LogLevel.INFO, "a", "not shown", null));
        writer.logged(Fakes.entry(0, LogLevel.WARN, "a", "shown", null));
        assertEquals(1, printed.size());
    }

    private static ConsoleWriter.Config config(String level) {
        return new ConsoleWriter.Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return ConsoleWriter.Config.class;
            }

            @Override
            public String console_level() {
                return level;
            }
        };
    }
}
