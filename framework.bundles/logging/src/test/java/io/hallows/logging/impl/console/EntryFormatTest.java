package io.hallows.logging.impl.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.osgi.service.log.LogLevel;

class EntryFormatTest {
    private static final long TIME = LocalDateTime.of(2026, 12, 3, 12, 3, 4, 123_000_000)
            .atZone(ZoneId.systemDefault()).toInstant().toEpochMilli();

    @Test
    void oneLineWithTimeLevelLoggerAndMessage() {
        assertEquals("12:03:04.123 WARN  io.netty.util.ResourceLeakDetector: LEAK\n",
                EntryFormat.format(TIME, LogLevel.WARN, "io.netty.util.ResourceLeakDetector", "LEAK", null));
        assertEquals("12:03:04.123 ERROR a: b\n", EntryFormat.format(TIME, LogLevel.ERROR, "a", "b", null));
        assertEquals("12:03:04.123 INFO  a: first\n    second\n", EntryFormat.format(TIME, LogLevel.INFO, "a", "first\nsecond\n", null));
    }

    @Test
    void theExceptionFollowsIndentedWithItsCausesAndSharedFramesCounted() {
        IllegalStateException cause = new IllegalStateException("the cause");
        RuntimeException failure = new RuntimeException("outer", cause);
        failure.addSuppressed(new IllegalArgumentException("suppressed"));
        String text = EntryFormat.format(TIME, LogLevel.ERROR, "a", "failed", failure);
        String[] lines = text.split("\n");
        assertEquals("12:03:04.123 ERROR a: failed", lines[0]);
        assertEquals("    java.lang.RuntimeException: outer", lines[1]);
        assertTrue(lines[2].startsWith("        at io.hallows.logging.impl.console.EntryFormatTest."), lines[2]);
        assertTrue(text.contains("\n        Suppressed: java.lang.IllegalArgumentException: suppressed\n"), text);
        assertTrue(text.contains("\n    Caused by: java.lang.IllegalStateException: the cause\n"), text);
        assertTrue(text.matches("(?s).*\n        \\.\\.\\. \\d+ more\n$"), text);
    }
}
