package io.hallows.dsl.runtime.impl;

import io.hallows.dsl.runtime.ModuleContext;
import io.hallows.dsl.runtime.spi.GeneratedBundle;
import io.hallows.dsl.runtime.spi.ServiceEntry;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.log.Logger;

/**
 * The services of one started revision. Reflection is used only here, once per service at start
 * ({@code getConstructor(ModuleContext.class)}); calls then go straight to the generated classes.
 * Services are not protected: any bundle can look them up (see the deployer's {@code package-info}).
 */
final class RevisionServices implements ModuleHost.Running {
    private final BundleModuleContext context;
    private final Logger log;
    private final List<Object> implementations = new ArrayList<>();
    private final List<ServiceRegistration<?>> registrations = new ArrayList<>();

    private RevisionServices(BundleModuleContext context, Logger log) {
        this.context = context;
        this.log = log;
    }

    /** Creates and registers the services the bundle's {@value GeneratedBundle#SERVICES} header lists. */
    static RevisionServices start(BundleContext generated, BundleModuleContext context, Logger log) throws Exception {
        RevisionServices revision = new RevisionServices(context, log);
        Bundle bundle = generated.getBundle();
        try {
            Map<String, Object> byName = new LinkedHashMap<>();
            for (ServiceEntry spec : ServiceEntry.parse(bundle.getHeaders("").get(GeneratedBundle.SERVICES))) {
                Object service = create(bundle.loadClass(spec.implClassName()), context);
                revision.implementations.add(service);
                byName.put(spec.name(), service);
                Hashtable<String, Object> properties = new Hashtable<>();
                properties.put(GeneratedBundle.MODULE_PROPERTY, context.module());
                properties.put(GeneratedBundle.SERVICE_PROPERTY, spec.name());
                revision.registrations.add(generated.registerService(spec.interfaceName(), service, properties));
            }
            String web = bundle.getHeaders("").get(GeneratedBundle.WEB);
            if (web != null) {
                revision.registrations.add(publishWeb(generated, bundle.loadClass(web.trim()), context, byName));
            }
        } catch (Exception | Error failed) {
            revision.stop();
            throw failed;
        }
        return revision;
    }

    /**
     * The revision's routes, registered after its services (a request can only reach a started
     * revision) under the Basilisk API's name: the generated bundle imports that package, the
     * runtime does not, so a module without routes deploys in a stack without Basilisk.
     */
    private static ServiceRegistration<?> publishWeb(BundleContext generated, Class<?> web, BundleModuleContext context,
            Map<String, Object> services) throws Exception {
        Object module = construct(() -> web.getConstructor(ModuleContext.class, Map.class, String.class)
                .newInstance(context, Map.copyOf(services), generated.getBundle().getVersion().toString()));
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(GeneratedBundle.MODULE_PROPERTY, context.module());
        properties.put(GeneratedBundle.WEB_MODULE_PROPERTY, context.module());
        return generated.registerService(GeneratedBundle.WEB_MODULE_SERVICE, module, properties);
    }

    private static Object create(Class<?> implementation, ModuleContext context) throws Exception {
        return construct(() -> implementation.getConstructor(ModuleContext.class).newInstance(context));
    }

    private interface Construction {
        Object run() throws ReflectiveOperationException;
    }

    /** Runs a generated constructor; what it throws comes out as it is, not wrapped. */
    private static Object construct(Construction constructor) throws Exception {
        try {
            return constructor.run();
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    @Override
    public void stop() {
        for (int i = registrations.size() - 1; i >= 0; i--) {
            try {
                registrations.get(i).unregister();
            } catch (IllegalStateException alreadyGone) {
                // unregistered by the framework as the bundle stopped
            }
        }
        registrations.clear();
        for (int i = implementations.size() - 1; i >= 0; i--) {
            if (implementations.get(i) instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception | LinkageError e) {
                    log.warn(context.module() + ": closing " + closeable.getClass().getName() + " failed: " + e);
                }
            }
        }
        implementations.clear();
        context.close();
    }
}
