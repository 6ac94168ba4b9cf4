package io.hallows.kernel.impl.protect;

import io.hallows.kernel.api.Capability;
import io.hallows.kernel.api.Resource;
import io.hallows.kernel.api.Right;
import io.hallows.kernel.impl.audit.AuditJournal;
import io.hallows.kernel.impl.capability.Holders;
import io.hallows.kernel.impl.capability.CapabilityTable;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceFactory;
import org.osgi.framework.ServiceObjects;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.wiring.BundleWiring;

/**
 * The kernel's registration of one protected service: hands each holder bundle its own
 * {@link RevocableProxy}. Bundles without the capability get nothing. The kernel is the consumer
 * of the original (so no holder ever has the original in use): it takes an instance per holder
 * through {@link ServiceObjects}, which gives every holder its own instance of a prototype-scoped
 * original and the kernel's single instance of a bundle-scoped one. Once the original is
 * withdrawn, every proxy of it fails on its next call.
 */
final class ProxyFactory implements ServiceFactory<Object> {
    private final BundleContext kernel;
    private final CapabilityTable table;
    private final AuditJournal audit;
    private final ServiceReference<?> original;
    private final Resource resource;
    private final List<Class<?>> providerTypes;
    private volatile boolean withdrawn;

    ProxyFactory(BundleContext kernel, CapabilityTable table, AuditJournal audit, ServiceReference<?> original,
            Resource resource, List<Class<?>> providerTypes) {
        this.kernel = kernel;
        this.table = table;
        this.audit = audit;
        this.original = original;
        this.resource = resource;
        this.providerTypes = providerTypes;
    }

    Resource resource() {
        return resource;
    }

    boolean isWithdrawn() {
        return withdrawn;
    }

    void withdraw() {
        withdrawn = true;
    }

    @Override
    public Object getService(Bundle holder, ServiceRegistration<Object> registration) {
        Capability cap = table.find(holder.getBundleId(), resource, Right.CALL).orElse(null);
        if (cap == null) {
            audit.record("kernel", "deny", Holders.describe(holder), "get " + resource + ": no capability with CALL");
            return null;
        }
        ServiceObjects<?> objects = kernel.getServiceObjects(original);
        Object target = objects == null ? null : objects.getService();
        if (target == null) {
            return null;
        }
        audit.record("kernel", "use", Holders.describe(holder), resource + " through cap #" + cap.id());
        Object view = target instanceof PerHolder<?> perHolder ? perHolder.forHolder(holder) : target;
        HolderFirst loader = new HolderFirst(holder.adapt(BundleWiring.class).getClassLoader(), providerTypes);
        List<Class<?>> types = new ArrayList<>();
        for (Class<?> type : providerTypes) {
            types.add(loader.resolve(type));
        }
        return Proxy.newProxyInstance(loader, types.toArray(Class<?>[]::new), new RevocableProxy(table, audit, cap, this, view, target));
    }

    /**
     * Sees each interface as the holder does where the holder imports it, and as the provider does
     * otherwise, so that the proxy implements every interface it is registered under.
     */
    private static final class HolderFirst extends ClassLoader {
        private final ClassLoader holder;
        private final List<Class<?>> providerTypes;

        HolderFirst(ClassLoader holder, List<Class<?>> providerTypes) {
            super(null);
            this.holder = holder;
            this.providerTypes = providerTypes;
        }

        Class<?> resolve(Class<?> providerType) {
            try {
                return holder.loadClass(providerType.getName());
            } catch (ClassNotFoundException notImported) {
                return providerType;
            }
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            try {
                return holder.loadClass(name);
            } catch (ClassNotFoundException notImported) {
                for (Class<?> type : providerTypes) {
                    if (type.getName().equals(name)) {
                        return type;
                    }
                }
                // A type the interfaces' methods use (a parameter's class, such as TaskHints) that
                // the holder does not import: the proxy must still see it, as the provider does.
                for (Class<?> type : providerTypes) {
                    try {
                        return Class.forName(name, false, type.getClassLoader());
                    } catch (ClassNotFoundException notThere) {
                        // try the next interface's loader
                    }
                }
                throw notImported;
            }
        }
    }

    @Override
    public void ungetService(Bundle holder, ServiceRegistration<Object> registration, Object service) {
        if (Proxy.isProxyClass(service.getClass()) && Proxy.getInvocationHandler(service) instanceof RevocableProxy handler) {
            release(handler.target());
        }
    }

    @SuppressWarnings("unchecked")
    private void release(Object target) {
        ServiceObjects<Object> objects = (ServiceObjects<Object>) kernel.getServiceObjects(original);
        if (objects != null) {
            try {
                objects.ungetService(target);
            } catch (IllegalStateException | IllegalArgumentException alreadyReleased) {
                // The original was unregistered; the framework released it.
            }
        }
    }
}
