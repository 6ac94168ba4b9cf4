package io.hallows.kernel.impl.log;

import java.util.logging.Level;
import org.osgi.service.log.Logger;

/**
 * One named logger of the kernel (see {@link KernelLog}). Levels follow the OSGi Log Service's
 * configuration ({@code org.osgi.service.log.admin}) when it runs.
 */
public final class KernelLogger {
    private final String name;
    private final java.util.logging.Logger fallback;

    KernelLogger(String name) {
        this.name = name;
        this.fallback = java.util.logging.Logger.getLogger(name);
    }

    public void error(String message, Throwable failure) {
        Logger log = KernelLog.osgiLogger(name);
        if (log != null) {
            log.error(message, failure);
        } else {
            fallback.log(Level.SEVERE, message, failure);
        }
    }

    public void error(String message) {
        error(message, null);
    }

    public void warn(String message, Throwable failure) {
        Logger log = KernelLog.osgiLogger(name);
        if (log != null) {
            log.warn(message, failure);
        } else {
            fallback.log(Level.WARNING, message, failure);
        }
    }

    public void warn(String message) {
        warn(message, null);
    }

    public void info(String message) {
        Logger log = KernelLog.osgiLogger(name);
        if (log != null) {
            log.info(message);
        } else {
            fallback.info(message);
        }
    }

    public void debug(String message) {
        Logger log = KernelLog.osgiLogger(name);
        if (log != null) {
            log.debug(message);
        } else {
            fallback.fine(message);
        }
    }

    public boolean isDebugEnabled() {
        Logger log = KernelLog.osgiLogger(name);
        return log != null ? log.isDebugEnabled() : fallback.isLoggable(Level.FINE);
    }
}
