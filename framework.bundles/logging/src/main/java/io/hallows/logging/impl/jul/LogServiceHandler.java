package io.hallows.logging.impl.jul;

import io.hallows.logging.impl.LogForwarder;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;
import org.osgi.service.log.LogLevel;

/** A java.util.logging handler that hands every record to the OSGi Log Service, under its logger's name. */
public final class LogServiceHandler extends Handler {
    private final LogForwarder target;
    // Only formatMessage is used: parameters ({0}) and resource bundles, no layout.
    private final SimpleFormatter messages = new SimpleFormatter();

    public LogServiceHandler(LogForwarder target) {
        this.target = target;
    }

    @Override
    public void publish(LogRecord record) {
        if (record == null || !isLoggable(record)) {
            return;
        }
        LogLevel level = JulLevels.toOsgi(record.getLevel());
        String name = record.getLoggerName();
        if (!target.isEnabled(name, level)) {
            return;
        }
        target.log(name, level, messages.formatMessage(record), record.getThrown());
    }

    @Override
    public void flush() {
        // Nothing is buffered here.
    }

    @Override
    public void close() {
        // Nothing to release: the Log Service is the bundle's, not the handler's.
    }
}
