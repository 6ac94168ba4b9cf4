package io.hallows.logging.impl;

import java.util.Locale;
import java.util.Optional;
import org.osgi.service.log.LogLevel;

/** Level names as operators and configurations write them. */
public final class Levels {
    /** The framework property with the Log Service's default level (OSGi Log Service 1.4). */
    public static final String DEFAULT_LEVEL_PROPERTY = "org.osgi.service.log.admin.loglevel";

    private Levels() {
    }

    /** The level named {@code name} (any case, surrounding blanks ignored), if it names one. */
    public static Optional<LogLevel> parse(String name) {
        try {
            return Optional.of(LogLevel.valueOf(name.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The Log Service's default level: {@code property} if it names a level, else WARN (as org.apache.felix.log). */
    public static LogLevel defaultLevel(String property) {
        return property == null ? LogLevel.WARN : parse(property).orElse(LogLevel.WARN);
    }
}
