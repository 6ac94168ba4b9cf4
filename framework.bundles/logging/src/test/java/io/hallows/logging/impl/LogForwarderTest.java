package io.hallows.logging.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallows.logging.impl.Fakes.Kept;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.osgi.service.log.LogLevel;
import org.osgi.service.log.LoggerFactory;

class LogForwarderTest {
    private final List<Kept> kept = new ArrayList<>();
    private final LoggerFactory logService = Fakes.loggerFactory(Map.of("a", LogLevel.INFO), kept);
    private final LogForwarder forwarder = new LogForwarder(null);

    @Test
    void linesBeforeTheLogServiceWaitAndAreReplayedInOrderThroughItsLevels() {
        IllegalStateException failure = new IllegalStateException("boom");
        forwarder.log("a", LogLevel.INFO, "first", null);
        forwarder.log("a", LogLevel.DEBUG, "below INFO: not kept while waiting", null);
        forwarder.log("b", LogLevel.INFO, "b is at WARN", null);
        forwarder.log("b", LogLevel.ERROR, "second", failure);
        assertTrue(kept.isEmpty());

        forwarder.bind(logService);
        assertEquals(List.of(new Kept(LogLevel.INFO, "a", "first", null), new Kept(LogLevel.ERROR, "b", "second", failure)), kept);
    }

    @Test
    void theWaitingQueueKeepsTheNewestLines() {
        for (int i = 0; i < LogForwarder.PENDING_LIMIT + 3; i++) {
            forwarder.log("a", LogLevel.WARN, "line " + i, null);
        }
        forwarder.bind(logService);
        assertEquals(LogForwarder.PENDING_LIMIT, kept.size());
        assertEquals("line 3", kept.get(0).message());
    }

    @Test
    void levelsAreTheLogServicesOnceBoundAndLinesWaitAgainWhenItGoes() {
        forwarder.bind(logService);
        assertTrue(forwarder.isEnabled("a", LogLevel.INFO));
        assertFalse(forwarder.isEnabled("b", LogLevel.INFO));
        forwarder.log("", LogLevel.WARN, "no name {} stays literal", null);
        assertEquals(new Kept(LogLevel.WARN, "ROOT", "no name {} stays literal", null), kept.get(0));

        forwarder.unbind(logService);
        forwarder.log("a", LogLevel.WARN, "while away", null);
        assertEquals(1, kept.size());
        forwarder.bind(logService);
        assertEquals("while away", kept.get(1).message());
    }
}
