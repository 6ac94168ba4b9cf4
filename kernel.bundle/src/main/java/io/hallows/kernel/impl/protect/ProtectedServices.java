package io.hallows.kernel.impl.protect;

import io.hallows.kernel.api.Capability;
import io.hallows.kernel.api.KernelConstants;
import io.hallows.kernel.api.Resource;
import io.hallows.kernel.api.Right;
import io.hallows.kernel.impl.audit.AuditJournal;
import io.hallows.kernel.impl.capability.CapabilityTable;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.ServiceFactory;
import org.osgi.framework.ServiceListener;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.wiring.BundleWiring;

/**
 * The caretaker of protected services: for each service registered with
 * {@value KernelConstants#PROTECTED}, it publishes a proxy registration (a {@link ServiceFactory})
 * under the same interfaces. Each holder that gets the proxy receives its own
 * {@link RevocableProxy}; bundles without the capability get nothing. When the original goes away,
 * so does the proxy.
 */
public final class ProtectedServices implements ServiceListener, AutoCloseable {
    private static final String FILTER = "(&(" + KernelConstants.PROTECTED + "=*)(!(" + KernelConstants.PROXY_OF + "=*)))";
    private static final Set<String> NOT_COPIED = Set.of(Constants.SERVICE_ID, Constants.SERVICE_BUNDLEID,
            Constants.SERVICE_SCOPE, Constants.OBJECTCLASS);

    private final BundleContext kernel;
    private final CapabilityTable table;
    private final AuditJournal audit;
    private final Map<ServiceReference<?>, ServiceRegistration<?>> proxies = new ConcurrentHashMap<>();

    public ProtectedServices(BundleContext kernel, CapabilityTable table, AuditJournal audit) {
        this.kernel = kernel;
        this.table = table;
        this.audit = audit;
    }

    /** Starts watching; proxies services already registered. */
    public void open() throws InvalidSyntaxException {
        kernel.addServiceListener(this, FILTER);
        ServiceReference<?>[] existing = kernel.getAllServiceReferences(null, FILTER);
        if (existing != null) {
            for (ServiceReference<?> ref : existing) {
                publish(ref);
            }
        }
    }

    @Override
    public void serviceChanged(ServiceEvent event) {
        ServiceReference<?> ref = event.getServiceReference();
        switch (event.getType()) {
            case ServiceEvent.REGISTERED -> publish(ref);
            case ServiceEvent.MODIFIED -> {
                ServiceRegistration<?> reg = proxies.get(ref);
                if (reg != null) {
                    reg.setProperties(proxyProperties(ref));
                }
            }
            default -> withdraw(ref);
        }
    }

    private void publish(ServiceReference<?> ref) {
        String[] interfaces = (String[]) ref.getProperty(Constants.OBJECTCLASS);
        ServiceRegistration<?> reg = kernel.registerService(interfaces, new ProxyFactory(ref), proxyProperties(ref));
        if (proxies.putIfAbsent(ref, reg) != null) {
            reg.unregister();
            return;
        }
        audit.record("kernel", "protect", "service:" + ref.getProperty(KernelConstants.PROTECTED),
                "proxied " + String.join(", ", interfaces) + " of " + ref.getBundle().getSymbolicName());
    }

    private void withdraw(ServiceReference<?> ref) {
        ServiceRegistration<?> reg = proxies.remove(ref);
        if (reg != null) {
            try {
                reg.unregister();
            } catch (IllegalStateException alreadyGone) {
                // The kernel is stopping and the framework has unregistered it already.
            }
            kernel.ungetService(ref);
        }
    }

    private static Dictionary<String, Object> proxyProperties(ServiceReference<?> ref) {
        Hashtable<String, Object> props = new Hashtable<>();
        for (String key : ref.getPropertyKeys()) {
            if (!NOT_COPIED.contains(key)) {
                props.put(key, ref.getProperty(key));
            }
        }
        props.put(KernelConstants.PROXY_OF, ref.getProperty(Constants.SERVICE_ID));
        return props;
    }

    @Override
    public void close() {
        kernel.removeServiceListener(this);
        new ArrayList<>(proxies.keySet()).forEach(this::withdraw);
    }

    /** Makes one revocable proxy per holder bundle. */
    private final class ProxyFactory implements ServiceFactory<Object> {
        private final ServiceReference<?> original;
        private final Resource resource;

        ProxyFactory(ServiceReference<?> original) {
            this.original = original;
            this.resource = Resource.service(original.getProperty(KernelConstants.PROTECTED).toString());
        }

        private Object target;

        /** The original service, acquired once by the kernel and released when it is withdrawn. */
        private synchronized Object target() {
            if (target == null) {
                target = kernel.getService(original);
            }
            return target;
        }

        @Override
        public Object getService(Bundle holder, ServiceRegistration<Object> registration) {
            Capability cap = table.find(holder.getBundleId(), resource, Right.CALL).orElse(null);
            if (cap == null) {
                audit.record("kernel", "deny", holder.getSymbolicName(), "get " + resource + ": no capability with CALL");
                return null;
            }
            Object target = target();
            if (target == null) {
                return null;
            }
            List<Class<?>> types = new ArrayList<>();
            ClassLoader loader = holder.adapt(BundleWiring.class).getClassLoader();
            for (String name : (String[]) original.getProperty(Constants.OBJECTCLASS)) {
                try {
                    Class<?> type = loader.loadClass(name);
                    if (!type.isInterface()) {
                        audit.record("kernel", "deny", holder.getSymbolicName(), resource + ": " + name
                                + " is a class; only interfaces can be protected");
                        return null;
                    }
                    types.add(type);
                } catch (ClassNotFoundException e) {
                    // The holder does not import this interface; the framework only hands the
                    // proxy out for the interfaces the holder asked for, which it can load.
                }
            }
            audit.record("kernel", "use", holder.getSymbolicName(), resource + " through cap #" + cap.id());
            return Proxy.newProxyInstance(loader, types.toArray(Class<?>[]::new),
                    new RevocableProxy(table, audit, cap, resource, target));
        }

        @Override
        public void ungetService(Bundle holder, ServiceRegistration<Object> registration, Object service) {
            // The original stays acquired by the kernel until it is unregistered.
        }
    }
}
