package io.hallows.logging.impl.slf4j;

import io.hallows.logging.impl.LogForwarder;
import org.osgi.service.log.LogLevel;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.FormattingTuple;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/**
 * An SLF4J logger writing to the OSGi Log Service's logger of the same name. Its levels are the
 * Log Service's effective levels, asked on every call, so a configuration change applies at once.
 * While the logging bundle is stopped, nothing is enabled.
 */
final class Slf4jLogger extends LegacyAbstractLogger {
    private static final long serialVersionUID = 1L;

    Slf4jLogger(String name) {
        this.name = name;
    }

    @Override
    public boolean isTraceEnabled() {
        return enabled(LogLevel.TRACE);
    }

    @Override
    public boolean isDebugEnabled() {
        return enabled(LogLevel.DEBUG);
    }

    @Override
    public boolean isInfoEnabled() {
        return enabled(LogLevel.INFO);
    }

    @Override
    public boolean isWarnEnabled() {
        return enabled(LogLevel.WARN);
    }

    @Override
    public boolean isErrorEnabled() {
        return enabled(LogLevel.ERROR);
    }

    private boolean enabled(LogLevel level) {
        LogForwarder target = LogForwarder.current();
        return target != null && target.isEnabled(name, level);
    }

    @Override
    protected String getFullyQualifiedCallerName() {
        return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] arguments,
            Throwable throwable) {
        LogForwarder target = LogForwarder.current();
        if (target == null) {
            return;
        }
        String message = pattern;
        Throwable failure = throwable;
        if (arguments != null && arguments.length > 0) {
            // A trailing Throwable argument that no {} consumes is the line's exception, as in SLF4J.
            FormattingTuple formatted = throwable == null
                    ? MessageFormatter.arrayFormat(pattern, arguments)
                    : MessageFormatter.arrayFormat(pattern, arguments, throwable);
            message = formatted.getMessage();
            failure = formatted.getThrowable();
        }
        target.log(name, LogLevel.valueOf(level.name()), message, failure);
    }
}
