package io.hallows.kernel.impl.protect;

import io.hallows.kernel.impl.log.KernelLog;
import io.hallows.kernel.impl.log.KernelLogger;
import io.hallows.hal.api.Hal;
import io.hallows.kernel.api.Capability;
import io.hallows.kernel.api.KernelConstants;
import io.hallows.kernel.api.Resource;
import io.hallows.kernel.impl.audit.AuditJournal;
import io.hallows.kernel.impl.capability.CapabilityTable;
import io.hallows.kernel.impl.capability.Holders;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.ServiceListener;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.wiring.BundleWiring;

/**
 * The caretaker of protected services: for each service registered with
 * {@value KernelConstants#PROTECTED}, it publishes a proxy registration (a {@link ProxyFactory})
 * under the same interfaces, and withdraws it with the original. A grant or revoke on
 * {@code service:<name>} re-announces the proxy (a MODIFIED event), so trackers and Declarative
 * Services of a newly granted holder find it without polling.
 *
 * <p>Refused, with the reason audited and logged: names under {@code kernel.} registered by any
 * bundle but the kernel, malformed names, and services registered under a class rather than
 * interfaces (the proxy can only implement interfaces).
 */
public final class ProtectedServices implements ServiceListener, AutoCloseable {
    private static final KernelLogger LOG = KernelLog.of(ProtectedServices.class);
    private static final String FILTER = "(&(" + KernelConstants.PROTECTED + "=*)(!(" + KernelConstants.PROXY_OF + "=*)))";
    private static final Set<String> NOT_COPIED = Set.of(Constants.SERVICE_ID, Constants.SERVICE_BUNDLEID,
            Constants.SERVICE_SCOPE, Constants.OBJECTCLASS);

    private final BundleContext kernel;
    private final CapabilityTable table;
    private final AuditJournal audit;
    /** The stack's own bundles: only they may offer the services the kernel itself relies on (the HAL). */
    private final Predicate<Bundle> infrastructure;
    private final Map<ServiceReference<?>, Published> proxies = new ConcurrentHashMap<>();
    private final AtomicLong announcements = new AtomicLong();
    private final Set<Resource> pendingAnnouncements = ConcurrentHashMap.newKeySet();
    private final ExecutorService announcer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "hallows-announcer");
        t.setDaemon(true);
        return t;
    });

    private record Published(ProxyFactory factory, ServiceRegistration<?> registration) {
    }

    public ProtectedServices(BundleContext kernel, CapabilityTable table, AuditJournal audit, Predicate<Bundle> infrastructure) {
        this.infrastructure = infrastructure;
        this.kernel = kernel;
        this.table = table;
        this.audit = audit;
    }

    /** Starts watching; proxies services already registered. */
    public void open() throws InvalidSyntaxException {
        kernel.addServiceListener(this, FILTER);
        ServiceReference<?>[] existing = kernel.getAllServiceReferences(null, FILTER);
        for (ServiceReference<?> ref : existing == null ? new ServiceReference<?>[0] : existing) {
            Bundle[] users = ref.getUsingBundles();
            if (users != null && users.length > 0) {
                audit.record("kernel", "warn", "service:" + ref.getProperty(KernelConstants.PROTECTED),
                        "registered before the kernel started; bundles already using the original keep it");
            }
            publish(ref);
        }
    }

    @Override
    public void serviceChanged(ServiceEvent event) {
        ServiceReference<?> ref = event.getServiceReference();
        switch (event.getType()) {
            case ServiceEvent.REGISTERED -> publish(ref);
            case ServiceEvent.MODIFIED -> {
                Published p = proxies.get(ref);
                if (p != null && p.factory().resource().name().equals(String.valueOf(ref.getProperty(KernelConstants.PROTECTED)))) {
                    p.registration().setProperties(proxyProperties(ref));
                } else {
                    withdraw(ref);
                    publish(ref);
                }
            }
            default -> withdraw(ref);
        }
    }

    /**
     * Re-announces the proxies of {@code changed}'s service so that holders' trackers re-evaluate.
     * The MODIFIED events run other bundles' listeners, so they are sent from the announcer thread,
     * never from the thread that granted or revoked (which may hold locks); repeated changes of one
     * resource are announced once.
     */
    public void capabilityChanged(Capability changed) {
        if (Resource.SERVICE.equals(changed.resource().kind()) && pendingAnnouncements.add(changed.resource())) {
            try {
                announcer.execute(() -> announce(changed.resource()));
            } catch (java.util.concurrent.RejectedExecutionException closed) {
                pendingAnnouncements.remove(changed.resource());
            }
        }
    }

    private void announce(Resource resource) {
        pendingAnnouncements.remove(resource);
        proxies.forEach((ref, p) -> {
            if (p.factory().resource().equals(resource)) {
                try {
                    p.registration().setProperties(proxyProperties(ref));
                } catch (IllegalStateException unregistered) {
                    // Withdrawn concurrently.
                }
            }
        });
    }

    private void publish(ServiceReference<?> ref) {
        Bundle provider = ref.getBundle();
        if (provider == null) {
            return;
        }
        String name = String.valueOf(ref.getProperty(KernelConstants.PROTECTED));
        String[] interfaces = (String[]) ref.getProperty(Constants.OBJECTCLASS);
        Resource resource;
        List<Class<?>> types;
        try {
            resource = Resource.service(name);
            if (name.startsWith("kernel.") && provider.getBundleId() != kernel.getBundle().getBundleId()) {
                throw new IllegalArgumentException("names under 'kernel.' are reserved for the kernel");
            }
            List<String> reservedTypes = KernelTypes.reserved(interfaces);
            if (!reservedTypes.isEmpty() && provider.getBundleId() != kernel.getBundle().getBundleId()) {
                throw new IllegalArgumentException("the kernel API's types " + reservedTypes + " are reserved for the kernel");
            }
            if (name.equals(Hal.SERVICE_NAME) && !infrastructure.test(provider)) {
                throw new IllegalArgumentException("the name '" + Hal.SERVICE_NAME + "' is reserved for the stack's HAL bundle");
            }
            types = interfaceTypes(provider, interfaces);
        } catch (IllegalArgumentException e) {
            audit.record("kernel", "deny", Holders.describe(provider), "protect " + name + ": " + e.getMessage());
            LOG.warn(Holders.describe(provider) + ": cannot protect '"
                    + name + "': " + e.getMessage() + "; the service stays hidden from every other bundle");
            return;
        }
        ProxyFactory factory = new ProxyFactory(kernel, table, audit, ref, resource, types);
        ServiceRegistration<?> reg = kernel.registerService(interfaces, factory, proxyProperties(ref));
        if (proxies.putIfAbsent(ref, new Published(factory, reg)) != null) {
            reg.unregister();
            return;
        }
        audit.record("kernel", "protect", resource.toString(), "proxied " + String.join(", ", interfaces) + " of "
                + provider.getSymbolicName());
    }

    private static List<Class<?>> interfaceTypes(Bundle provider, String[] names) {
        ClassLoader loader = Objects.requireNonNull(provider.adapt(BundleWiring.class), "provider is not resolved").getClassLoader();
        List<Class<?>> types = new ArrayList<>();
        for (String name : names) {
            try {
                Class<?> type = loader.loadClass(name);
                if (!type.isInterface()) {
                    throw new IllegalArgumentException(name + " is a class; only interfaces can be protected");
                }
                types.add(type);
            } catch (ClassNotFoundException e) {
                throw new IllegalArgumentException(name + " cannot be loaded by its provider");
            }
        }
        return types;
    }

    private void withdraw(ServiceReference<?> ref) {
        Published p = proxies.remove(ref);
        if (p != null) {
            p.factory().withdraw();
            try {
                p.registration().unregister();
            } catch (IllegalStateException alreadyGone) {
                // The kernel is stopping and the framework has unregistered it already.
            }
        }
    }

    private Dictionary<String, Object> proxyProperties(ServiceReference<?> ref) {
        Hashtable<String, Object> props = new Hashtable<>();
        for (String key : ref.getPropertyKeys()) {
            if (!NOT_COPIED.contains(key)) {
                props.put(key, ref.getProperty(key));
            }
        }
        props.put(KernelConstants.PROXY_OF, ref.getProperty(Constants.SERVICE_ID));
        props.put("hallows.announcement", announcements.incrementAndGet());
        return props;
    }

    @Override
    public void close() {
        announcer.shutdownNow();
        kernel.removeServiceListener(this);
        new ArrayList<>(proxies.keySet()).forEach(this::withdraw);
    }
}
