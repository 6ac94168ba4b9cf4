package io.hallows.logging.impl.slf4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallows.logging.impl.Fakes;
import io.hallows.logging.impl.Fakes.Kept;
import io.hallows.logging.impl.LogForwarder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.service.log.LogLevel;
import org.slf4j.Logger;

class Slf4jLoggerTest {
    private final List<Kept> kept = new ArrayList<>();
    private final LogServiceSlf4jProvider provider = new LogServiceSlf4jProvider();

    @BeforeEach
    void bind() {
        LogForwarder forwarder = new LogForwarder(null);
        forwarder.bind(Fakes.loggerFactory(Map.of("chatty", LogLevel.DEBUG), kept));
        LogForwarder.setCurrent(forwarder);
        provider.initialize();
    }

    @AfterEach
    void unbind() {
        LogForwarder.setCurrent(null);
    }

    @Test
    void linesAreFormattedAsSlf4jDoesAndKeepTheirException() {
        Logger chatty = provider.getLoggerFactory().getLogger("chatty");
        IllegalStateException failure = new IllegalStateException("boom");
        chatty.debug("debug {} of {}", 1, 2);
        chatty.warn("trailing {} exception", "an", failure);
        chatty.error("explicit", failure);
        assertEquals(List.of(new Kept(LogLevel.DEBUG, "chatty", "debug 1 of 2", null),
                new Kept(LogLevel.WARN, "chatty", "trailing an exception", failure),
                new Kept(LogLevel.ERROR, "chatty", "explicit", failure)), kept);
    }

    @Test
    void levelsAreTheLogServicesAndNothingIsEnabledWithoutIt() {
        Logger quiet = provider.getLoggerFactory().getLogger("quiet");
        assertTrue(provider.getLoggerFactory().getLogger("chatty").isDebugEnabled());
        assertFalse(quiet.isInfoEnabled());
        assertTrue(quiet.isWarnEnabled());
        quiet.info("dropped {}", "here");
        assertTrue(kept.isEmpty());

        LogForwarder.setCurrent(null);
        assertFalse(quiet.isErrorEnabled(), "the logging bundle is stopped");
        quiet.error("nowhere to go");
        assertTrue(kept.isEmpty());
    }
}
