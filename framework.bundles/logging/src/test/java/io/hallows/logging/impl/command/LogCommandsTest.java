package io.hallows.logging.impl.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.hallows.logging.impl.Fakes;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.osgi.service.log.LogLevel;

class LogCommandsTest {
    // The Log Service hands its history newest first.
    private final LogCommands commands = new LogCommands(Fakes.reader(List.of(
            Fakes.entry(0, LogLevel.DEBUG, "io.netty.buffer", "five", null),
            Fakes.entry(0, LogLevel.INFO, "Events.Service.x", "ServiceEvent REGISTERED", null),
            Fakes.entry(0, LogLevel.ERROR, "Events.Framework.x", "FrameworkEvent ERROR", null),
            Fakes.entry(0, LogLevel.WARN, "io.vertx.core", "three", null),
            Fakes.entry(0, LogLevel.INFO, "io.netty.channel", "two", null),
            Fakes.entry(0, LogLevel.INFO, "io.netty.util", "one", null)), null));

    @Test
    void lastEntriesAtTheLevelOldestFirstWithoutRoutineFrameworkEvents() {
        assertEquals(List.of("INFO  io.netty.util: one", "INFO  io.netty.channel: two", "WARN  io.vertx.core: three",
                "ERROR Events.Framework.x: FrameworkEvent ERROR"), lines(commands.tail()));
        assertEquals(List.of("WARN  io.vertx.core: three", "ERROR Events.Framework.x: FrameworkEvent ERROR"), lines(commands.tail(2)));
        assertEquals(List.of("ERROR Events.Framework.x: FrameworkEvent ERROR"), lines(commands.tail(5, "error")));
        // log:entries is the same command under the name the messaging broker leaves it
        assertEquals(commands.tail(), commands.entries());
        assertEquals(commands.tail(2), commands.entries(2));
        assertEquals(commands.tail(5, "error"), commands.entries(5, "error"));
        assertEquals(commands.tail(10, "INFO", "Events"), commands.entries(10, "INFO", "Events"));
    }

    @Test
    void aPrefixKeepsItsLoggersEventsIncluded() {
        assertEquals(List.of("INFO  io.netty.util: one", "INFO  io.netty.channel: two", "DEBUG io.netty.buffer: five"),
                lines(commands.tail(10, "DEBUG", "io.netty")));
        assertEquals(List.of("ERROR Events.Framework.x: FrameworkEvent ERROR", "INFO  Events.Service.x: ServiceEvent REGISTERED"),
                lines(commands.tail(10, "INFO", "Events")));
        assertEquals("no log entries at ERROR or above from io.netty*\n", commands.tail(10, "ERROR", "io.netty"));
    }

    @Test
    void badArgumentsSayWhatIsExpected() {
        assertEquals("log:tail: unknown level 'LOUD': use TRACE, DEBUG, INFO, WARN, ERROR or AUDIT",
                assertThrows(IllegalArgumentException.class, () -> commands.tail(5, "LOUD")).getMessage());
        assertEquals("log:tail: the number of entries must be at least 1 (was 0)",
                assertThrows(IllegalArgumentException.class, () -> commands.tail(0)).getMessage());
    }

    /** The lines without their time. */
    private static List<String> lines(String text) {
        return text.lines().map(l -> l.substring("00:00:00.000 ".length())).toList();
    }
}
