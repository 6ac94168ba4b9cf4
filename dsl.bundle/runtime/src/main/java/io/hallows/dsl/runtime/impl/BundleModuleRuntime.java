package io.hallows.dsl.runtime.impl;

import io.hallows.dsl.runtime.local.MemoryStateStore;
import io.hallows.dsl.runtime.spi.GeneratedBundle;
import io.hallows.dsl.runtime.spi.ModuleRuntime;
import io.hallows.dsl.runtime.spi.ModuleStates;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/**
 * The runtime in a framework: the one state store (durable in the OLTP database when the stack has
 * one, see {@link StateDatabase}), the implementation bundles the deployer
 * adopted, and the {@link ModuleHost} their activators ask to start a revision. It outlives the
 * deployer: a deployer that is updated or restarted attaches to the same runtime, and the modules
 * it started keep serving with their state. Generated bundles run only while the runtime does.
 */
@Component(service = ModuleRuntime.class, immediate = true)
public final class BundleModuleRuntime implements ModuleRuntime, ModuleHost, AutoCloseable {
    private final BundleContext context;
    private final Logger log;
    private final MemoryStateStore states = new MemoryStateStore();
    private final Set<Long> adopted = ConcurrentHashMap.newKeySet();
    private final ServiceRegistration<ModuleHost> host;
    private final StateDatabase database;

    @Activate
    public BundleModuleRuntime(BundleContext context, @Reference LoggerFactory logs) {
        this(context, logs.getLogger(BundleModuleRuntime.class));
    }

    /**
     * Adopts the implementation bundles already installed (the runtime restarted with the stack,
     * or was updated), then registers the host their activators look for.
     *
     * @param log where module lines and failures go
     */
    public BundleModuleRuntime(BundleContext context, Logger log) {
        this.context = context;
        this.log = log;
        for (Bundle b : context.getBundles()) {
            if (GeneratedBundle.moduleOfImpl(b.getLocation()) != null) {
                adopted.add(b.getBundleId());
            }
        }
        this.database = trackDatabase(context, states, log);
        this.host = context.registerService(ModuleHost.class, this, null);
    }

    /** The database tracker, or null when this bundle is not wired to the database's API (a stack without it). */
    private static StateDatabase trackDatabase(BundleContext context, MemoryStateStore states, Logger log) {
        try {
            return new StateDatabase(context, states, log);
        } catch (NoClassDefFoundError noDatabaseApi) {
            log.warn("no OLTP database API in this stack: Parseltongue state is kept in memory only (it starts over after a restart)");
            return null;
        }
    }

    /** Stops the generated implementation bundles: they run only while the runtime does. */
    @Deactivate
    @Override
    public void close() {
        host.unregister();
        try {
            stopModules();
        } finally {
            if (database != null) {
                database.close(); // after the modules stopped: their last writes are persisted
            }
        }
    }

    private void stopModules() {
        for (Bundle b : context.getBundles()) {
            if (adopted(b)) {
                try {
                    b.stop(Bundle.STOP_TRANSIENT);
                } catch (BundleException | IllegalStateException e) {
                    log.warn(b.getSymbolicName() + " [" + b.getBundleId() + "] did not stop with the runtime: " + e.getMessage());
                }
            }
        }
    }

    @Override
    public void adopt(Bundle implementation) {
        if (GeneratedBundle.moduleOfImpl(implementation.getLocation()) == null) {
            throw new IllegalArgumentException(implementation.getSymbolicName() + " [" + implementation.getBundleId()
                    + "] is not a module's implementation bundle: its location is " + implementation.getLocation());
        }
        adopted.add(implementation.getBundleId());
    }

    @Override
    public boolean adopted(Bundle bundle) {
        return adopted.contains(bundle.getBundleId()) && bundle.getState() != Bundle.UNINSTALLED
                && GeneratedBundle.moduleOfImpl(bundle.getLocation()) != null;
    }

    @Override
    public ModuleStates states() {
        return states;
    }

    @Override
    public Running start(BundleContext generated) throws Exception {
        Bundle b = generated.getBundle();
        String module = GeneratedBundle.moduleOfImpl(b.getLocation());
        if (module == null || !adopted(b)) {
            throw new IllegalStateException(b.getSymbolicName() + " [" + b.getBundleId() + "] was not installed by the Parseltongue deployer");
        }
        if (database != null) {
            database.beforeModuleStart();
        }
        ClassLoader classes = b.adapt(org.osgi.framework.wiring.BundleWiring.class).getClassLoader();
        return RevisionServices.start(generated, new BundleModuleContext(module, generated, states.scopedTo(module, classes), log), log);
    }
}
