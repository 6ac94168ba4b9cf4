package io.hallows.logging.impl;

import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.framework.Bundle;
import org.osgi.service.log.LogLevel;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/**
 * Where the bridges send a line: the OSGi Log Service's logger of the line's name, on behalf of
 * this bundle. The Log Service decides from its configured levels whether the line is kept.
 *
 * <p>Until a Log Service is bound, lines at INFO and above wait in a bounded queue (the oldest are
 * dropped beyond {@value #PENDING_LIMIT}) and are replayed, through the same levels, when it comes.
 * Thread-safe.
 */
public final class LogForwarder {
    private static final Object[] NO_ARGUMENTS = {};
    static final int PENDING_LIMIT = 512;
    private static volatile LogForwarder current;

    private final Bundle bundle;
    private final ArrayDeque<Line> pending = new ArrayDeque<>();
    private final Map<String, Logger> loggers = new ConcurrentHashMap<>();
    private volatile LoggerFactory factory;

    private record Line(String name, LogLevel level, String message, Throwable failure) {
    }

    /** @param bundle the bundle the Log Service's entries are attributed to (this one in a stack) */
    public LogForwarder(Bundle bundle) {
        this.bundle = bundle;
    }

    /** The forwarder of the running logging bundle, or null while it is stopped. */
    public static LogForwarder current() {
        return current;
    }

    /** Makes {@code forwarder} the one the SLF4J provider uses (null: none). */
    public static void setCurrent(LogForwarder forwarder) {
        current = forwarder;
    }

    /** Forwards to {@code logFactory} from now on, after replaying the lines that waited for it. */
    public void bind(LoggerFactory logFactory) {
        synchronized (pending) {
            loggers.clear();
            for (Line line; (line = pending.poll()) != null;) {
                write(logFactory, line.name(), line.level(), line.message(), line.failure());
            }
            factory = logFactory;
        }
    }

    /** No Log Service any more: lines wait again. */
    public void unbind(LoggerFactory logFactory) {
        synchronized (pending) {
            if (factory == logFactory) {
                factory = null;
                loggers.clear();
            }
        }
    }

    /** Whether a line of {@code level} from logger {@code name} would be kept now. */
    public boolean isEnabled(String name, LogLevel level) {
        LoggerFactory f = factory;
        if (f == null) {
            return LogLevel.INFO.implies(level);
        }
        Logger logger = logger(f, name);
        return logger != null && enabled(logger, level);
    }

    /** Logs one line (its message already formatted); {@code failure} may be null. */
    public void log(String name, LogLevel level, String message, Throwable failure) {
        LoggerFactory f = factory;
        if (f == null) {
            synchronized (pending) {
                f = factory;
                if (f == null) {
                    if (LogLevel.INFO.implies(level)) {
                        if (pending.size() == PENDING_LIMIT) {
                            pending.poll();
                        }
                        pending.add(new Line(name, level, message, failure));
                    }
                    return;
                }
            }
        }
        write(f, name, level, message, failure);
    }

    private void write(LoggerFactory f, String name, LogLevel level, String message, Throwable failure) {
        Logger logger = logger(f, name);
        if (logger == null) {
            return;
        }
        // With the throwable as the only argument the Log Service takes it as the entry's exception
        // and leaves the message as it is ({} in it stays literal).
        Object[] args = failure == null ? NO_ARGUMENTS : new Object[] {failure};
        switch (level) {
            case TRACE -> logger.trace(message, args);
            case DEBUG -> logger.debug(message, args);
            case INFO -> logger.info(message, args);
            case WARN -> logger.warn(message, args);
            case ERROR -> logger.error(message, args);
            case AUDIT -> logger.audit(message, args);
        }
    }

    private Logger logger(LoggerFactory f, String name) {
        String key = name == null || name.isEmpty() ? Logger.ROOT_LOGGER_NAME : name;
        Logger logger = loggers.get(key);
        if (logger == null) {
            try {
                logger = f.getLogger(bundle, key, Logger.class);
            } catch (IllegalArgumentException | IllegalStateException e) {
                return null; // this bundle is stopping: its lines have nowhere to go
            }
            loggers.put(key, logger);
        }
        return logger;
    }

    private static boolean enabled(Logger logger, LogLevel level) {
        return switch (level) {
            case TRACE -> logger.isTraceEnabled();
            case DEBUG -> logger.isDebugEnabled();
            case INFO -> logger.isInfoEnabled();
            case WARN -> logger.isWarnEnabled();
            case ERROR -> logger.isErrorEnabled();
            case AUDIT -> true;
        };
    }
}
