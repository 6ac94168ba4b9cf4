package io.hallows.logging.impl.jul;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.hallows.logging.impl.Fakes;
import io.hallows.logging.impl.Fakes.Kept;
import io.hallows.logging.impl.LogForwarder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.osgi.service.log.LogLevel;

class JulBridgeTest {
    private final Logger root = Logger.getLogger("");

    @Test
    void recordsReachTheLogServiceUnderTheirLoggerAndTheRootIsGivenBack() {
        List<Kept> kept = new ArrayList<>();
        LogForwarder forwarder = new LogForwarder(null);
        forwarder.bind(Fakes.loggerFactory(Map.of("t.jul", LogLevel.DEBUG), kept));
        Handler[] before = root.getHandlers();
        Level levelBefore = root.getLevel();
        JulBridge bridge = JulBridge.install(new LogServiceHandler(forwarder), Level.WARNING);
        IllegalStateException failure = new IllegalStateException("boom");
        try {
            Logger jul = Logger.getLogger("t.jul");
            jul.setLevel(Level.FINE);
            jul.log(Level.WARNING, "parameter {0}", "value");
            jul.log(Level.SEVERE, "failed", failure);
            jul.fine("fine is DEBUG");
            jul.finer("finer is TRACE: below t.jul's level");
            Logger.getLogger("t.other").info("below the root level");
            jul.setLevel(null);
        } finally {
            bridge.restore();
        }
        assertEquals(List.of(new Kept(LogLevel.WARN, "t.jul", "parameter value", null),
                new Kept(LogLevel.ERROR, "t.jul", "failed", failure),
                new Kept(LogLevel.DEBUG, "t.jul", "fine is DEBUG", null)), kept);
        assertArrayEquals(before, root.getHandlers());
        assertEquals(levelBefore, root.getLevel());
    }

    @Test
    void levelsFollowTheLogServiceConfigurationAndAreUnsetWhenItGoes() {
        Level levelBefore = root.getLevel();
        JulLevelSync sync = new JulLevelSync(LogLevel.WARN);
        try {
            sync.apply(Map.of("ROOT", "info", "t.sync", "DEBUG", "t.trace", "TRACE", "service.pid", "org.osgi.service.log.admin"));
            assertEquals(Level.INFO, root.getLevel());
            assertEquals(Level.FINE, Logger.getLogger("t.sync").getLevel());
            assertEquals(Level.ALL, Logger.getLogger("t.trace").getLevel());

            sync.apply(Map.of("t.trace", "ERROR"));
            assertEquals(Level.WARNING, root.getLevel(), "no ROOT: the Log Service's default");
            assertNull(Logger.getLogger("t.sync").getLevel());
            assertEquals(Level.SEVERE, Logger.getLogger("t.trace").getLevel());

            sync.deactivate();
            assertNull(Logger.getLogger("t.trace").getLevel());
        } finally {
            root.setLevel(levelBefore);
        }
    }

    @Test
    void levelsMapBothWays() {
        assertEquals(LogLevel.ERROR, JulLevels.toOsgi(Level.SEVERE));
        assertEquals(LogLevel.WARN, JulLevels.toOsgi(Level.WARNING));
        assertEquals(LogLevel.INFO, JulLevels.toOsgi(Level.INFO));
        assertEquals(LogLevel.DEBUG, JulLevels.toOsgi(Level.CONFIG));
        assertEquals(LogLevel.DEBUG, JulLevels.toOsgi(Level.FINE));
        assertEquals(LogLevel.TRACE, JulLevels.toOsgi(Level.FINER));
        for (LogLevel level : List.of(LogLevel.ERROR, LogLevel.WARN, LogLevel.INFO, LogLevel.DEBUG, LogLevel.TRACE)) {
            Level jul = JulLevels.toJul(level);
            assertEquals(level, JulLevels.toOsgi(jul.intValue() == Level.ALL.intValue() ? Level.FINEST : jul), level.name());
        }
    }
}
