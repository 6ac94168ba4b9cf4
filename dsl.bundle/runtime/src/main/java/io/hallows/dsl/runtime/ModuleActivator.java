package io.hallows.dsl.runtime;

import io.hallows.dsl.runtime.impl.ModuleHost;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.ServiceReference;

/**
 * The {@code Bundle-Activator} of every generated implementation bundle (the bundle imports this
 * package, so the class comes from the Parseltongue runtime bundle). On start it asks the runtime to
 * start the revision: a {@link ModuleContext} for it, and each service implementation created with that
 * context and registered under its API interface. On stop the services are unregistered and
 * closed, then the context.
 *
 * <p>Not for use by other code: the runtime only starts bundles the deployer installed.
 */
public final class ModuleActivator implements BundleActivator {
    private ModuleHost.Running running;

    @Override
    public void start(BundleContext context) throws Exception {
        ServiceReference<ModuleHost> ref = context.getServiceReference(ModuleHost.class);
        ModuleHost host = ref == null ? null : context.getService(ref);
        if (host == null) {
            throw new BundleException(context.getBundle().getSymbolicName()
                    + ": the Parseltongue runtime is not running; the deployer starts this bundle when it is");
        }
        try {
            running = host.start(context);
        } finally {
            context.ungetService(ref);
        }
    }

    @Override
    public void stop(BundleContext context) {
        ModuleHost.Running stopping = running;
        running = null;
        if (stopping != null) {
            stopping.stop();
        }
    }
}
