package io.hallows.logging.impl.jul;

import java.util.logging.Level;
import org.osgi.service.log.LogLevel;

/** How java.util.logging's levels and the OSGi Log Service's correspond. */
public final class JulLevels {
    private JulLevels() {
    }

    /** SEVERE: ERROR, WARNING: WARN, INFO: INFO, CONFIG and FINE: DEBUG, below: TRACE. */
    public static LogLevel toOsgi(Level level) {
        int value = level.intValue();
        if (value >= Level.SEVERE.intValue()) {
            return LogLevel.ERROR;
        }
        if (value >= Level.WARNING.intValue()) {
            return LogLevel.WARN;
        }
        if (value >= Level.INFO.intValue()) {
            return LogLevel.INFO;
        }
        return value >= Level.FINE.intValue() ? LogLevel.DEBUG : LogLevel.TRACE;
    }

    /** The lowest java.util.logging level that {@link #toOsgi} maps to {@code level} or above. */
    public static Level toJul(LogLevel level) {
        return switch (level) {
            case AUDIT -> Level.OFF;
            case ERROR -> Level.SEVERE;
            case WARN -> Level.WARNING;
            case INFO -> Level.INFO;
            case DEBUG -> Level.FINE;
            case TRACE -> Level.ALL;
        };
    }
}
