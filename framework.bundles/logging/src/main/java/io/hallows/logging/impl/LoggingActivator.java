package io.hallows.logging.impl;

import io.hallows.logging.impl.jul.JulBridge;
import io.hallows.logging.impl.jul.JulLevels;
import io.hallows.logging.impl.jul.LogServiceHandler;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.log.LoggerFactory;
import org.osgi.util.tracker.ServiceTracker;
import org.osgi.util.tracker.ServiceTrackerCustomizer;

/**
 * Installs the bridges when the bundle starts and removes them when it stops: the forwarder
 * follows the Log Service as it comes and goes, SLF4J's loggers find it as the current one, and
 * java.util.logging's root handlers are replaced. Why an activator: see the package description.
 */
public final class LoggingActivator implements BundleActivator {
    private LogForwarder forwarder;
    private ServiceTracker<LoggerFactory, LoggerFactory> logService;
    private JulBridge jul;

    @Override
    public void start(BundleContext context) {
        forwarder = new LogForwarder(context.getBundle());
        logService = new ServiceTracker<>(context, LoggerFactory.class, new Binder(context, forwarder));
        logService.open();
        LogForwarder.setCurrent(forwarder);
        jul = JulBridge.install(new LogServiceHandler(forwarder),
                JulLevels.toJul(Levels.defaultLevel(context.getProperty(Levels.DEFAULT_LEVEL_PROPERTY))));
    }

    @Override
    public void stop(BundleContext context) {
        jul.restore();
        LogForwarder.setCurrent(null);
        logService.close();
    }

    /** Binds the forwarder to the Log Service it finds, and to the next one if that goes. */
    private record Binder(BundleContext context, LogForwarder forwarder)
            implements ServiceTrackerCustomizer<LoggerFactory, LoggerFactory> {
        @Override
        public LoggerFactory addingService(ServiceReference<LoggerFactory> reference) {
            LoggerFactory factory = context.getService(reference);
            if (factory != null) {
                forwarder.bind(factory);
            }
            return factory;
        }

        @Override
        public void modifiedService(ServiceReference<LoggerFactory> reference, LoggerFactory factory) {
            // Service properties do not matter here.
        }

        @Override
        public void removedService(ServiceReference<LoggerFactory> reference, LoggerFactory factory) {
            forwarder.unbind(factory);
            context.ungetService(reference);
        }
    }
}
