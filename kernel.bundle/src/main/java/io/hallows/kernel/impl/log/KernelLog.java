package io.hallows.kernel.impl.log;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.log.LoggerFactory;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Where the kernel's log lines go: the OSGi Log Service of the framework the kernel runs in, found
 * when the kernel starts and followed while it comes and goes. Before that (the kernel logs while
 * the Log Service bundle may still be starting) and in unit tests without a framework, lines go to
 * {@code java.util.logging}, which a stack bridges into the same Log Service.
 *
 * <p>A static holder on purpose: classes deep in the kernel log without having a factory threaded
 * through every constructor, as they would with SLF4J's {@code LoggerFactory}. Only the kernel's
 * activator opens and closes it.
 */
public final class KernelLog {
    private static volatile ServiceTracker<LoggerFactory, LoggerFactory> tracker;
    private static volatile Bundle kernel;

    private KernelLog() {
    }

    /** The logger named after {@code owner}; cheap, keep it in a static field. */
    public static KernelLogger of(Class<?> owner) {
        return new KernelLogger(owner.getName());
    }

    /** Follows {@code context}'s framework's Log Service from now on (the activator, at start). */
    public static void open(BundleContext context) {
        ServiceTracker<LoggerFactory, LoggerFactory> t = new ServiceTracker<>(context, LoggerFactory.class, null);
        t.open();
        kernel = context.getBundle();
        tracker = t;
    }

    /** Stops following it (the activator, at stop): lines go to java.util.logging again. */
    public static void close() {
        ServiceTracker<LoggerFactory, LoggerFactory> t = tracker;
        tracker = null;
        if (t != null) {
            t.close();
        }
    }

    /** The Log Service's logger of that name, as the kernel bundle's, or null if none runs. */
    static org.osgi.service.log.Logger osgiLogger(String name) {
        ServiceTracker<LoggerFactory, LoggerFactory> t = tracker;
        LoggerFactory factory = t == null ? null : t.getService();
        if (factory == null) {
            return null;
        }
        try {
            return factory.getLogger(kernel, name, org.osgi.service.log.Logger.class);
        } catch (IllegalArgumentException | IllegalStateException e) {
            return null; // the kernel bundle is stopping: its context is no longer valid
        }
    }
}
