package io.hallows.kernel.impl.scheduler;

import io.hallows.kernel.spi.SchedulerFactory;
import java.lang.reflect.Proxy;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleListener;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.ServiceListener;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.Version;

/**
 * Just enough of an OSGi framework for the kernel's scheduling service, as seen through its
 * BundleContext: scheduler factory services that come and go (with their events), and the
 * executor services the kernel registers. Not a framework: no bundles run, no filters on listeners.
 */
final class FakeFramework {
    private final AtomicLong ids = new AtomicLong();
    private final List<ServiceListener> listeners = new CopyOnWriteArrayList<>();
    private final List<BundleListener> bundleListeners = new CopyOnWriteArrayList<>();
    /** The bundles installed, by id; a bundle leaves when {@link #uninstallBundle} is called. */
    private final Map<Long, Bundle> bundles = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<ServiceReference<?>, Object> policies = new HashMap<>();
    /** Executor services registered and not unregistered, by their hallows.partition property. */
    final Map<Object, Object> executors = new java.util.concurrent.ConcurrentHashMap<>();
    final BundleContext context = (BundleContext) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {BundleContext.class}, (proxy, method, args) -> switch (method.getName()) {
                case "getBundle" -> args == null ? bundle("io.hallows.kernel", "1.0.0") : bundles.get((Long) args[0]);
                case "addBundleListener" -> bundleListeners.add((BundleListener) args[0]);
                case "removeBundleListener" -> bundleListeners.remove((BundleListener) args[0]);
                case "addServiceListener" -> listeners.add((ServiceListener) args[0]);
                case "removeServiceListener" -> listeners.remove((ServiceListener) args[0]);
                case "getAllServiceReferences", "getServiceReferences" -> references();
                case "getService" -> policies.get(args[0]);
                case "ungetService" -> true;
                case "registerService" -> register(args[1], (Dictionary<?, ?>) args[2]);
                case "createFilter" -> FrameworkUtil.createFilter((String) args[0]);
                case "hashCode" -> System.identityHashCode(proxy);
                case "equals" -> proxy == args[0];
                default -> throw new UnsupportedOperationException("BundleContext." + method.getName());
            });

    private synchronized ServiceReference<?>[] references() {
        return policies.isEmpty() ? null : policies.keySet().toArray(new ServiceReference<?>[0]);
    }

    /** Registers a scheduler factory service called {@code name}, from a bundle of {@code version}. */
    ServiceReference<SchedulerFactory> install(String name, String version, SchedulerFactory factory) {
        return install(name, bundle("test.policy." + name, version), factory);
    }

    /** Registers a scheduler factory service called {@code name} from {@code from}, which counts as installed from now. */
    ServiceReference<SchedulerFactory> install(String name, Bundle from, SchedulerFactory factory) {
        bundles.put(from.getBundleId(), from);
        Map<String, Object> props = Map.of(SchedulerFactory.NAME, name, "service.id", ids.incrementAndGet(),
                "objectClass", new String[] {SchedulerFactory.class.getName()});
        ServiceReference<SchedulerFactory> ref = reference(props, from);
        synchronized (this) {
            policies.put(ref, factory);
        }
        fire(ServiceEvent.REGISTERED, ref);
        return ref;
    }

    /** Unregisters it: listeners hear UNREGISTERING while it is still there, as in a framework. */
    void uninstall(ServiceReference<SchedulerFactory> ref) {
        fire(ServiceEvent.UNREGISTERING, ref);
        synchronized (this) {
            policies.remove(ref);
        }
    }

    /** Uninstalls {@code bundle} (its services must be gone already): bundle listeners hear UNINSTALLED. */
    void uninstallBundle(Bundle bundle) {
        bundles.remove(bundle.getBundleId());
        BundleEvent event = new BundleEvent(BundleEvent.UNINSTALLED, bundle);
        bundleListeners.forEach(l -> l.bundleChanged(event));
    }

    private void fire(int type, ServiceReference<?> ref) {
        ServiceEvent event = new ServiceEvent(type, ref);
        listeners.forEach(l -> l.serviceChanged(event));
    }

    private ServiceRegistration<?> register(Object service, Dictionary<?, ?> props) {
        Object partition = props.get("hallows.partition");
        executors.put(partition, service);
        return (ServiceRegistration<?>) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {ServiceRegistration.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("unregister")) {
                        executors.remove(partition, service);
                        return null;
                    }
                    throw new UnsupportedOperationException("ServiceRegistration." + method.getName());
                });
    }

    @SuppressWarnings("unchecked")
    private static ServiceReference<SchedulerFactory> reference(Map<String, Object> props, Bundle bundle) {
        return (ServiceReference<SchedulerFactory>) Proxy.newProxyInstance(FakeFramework.class.getClassLoader(),
                new Class<?>[] {ServiceReference.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getProperty" -> props.get((String) args[0]);
                    case "getPropertyKeys" -> props.keySet().toArray(new String[0]);
                    case "getBundle" -> bundle;
                    case "compareTo" -> Long.compare((Long) ((ServiceReference<?>) args[0]).getProperty("service.id"),
                            (Long) props.get("service.id")); // lower id ranks higher, as in a framework
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    case "toString" -> "reference " + props;
                    default -> throw new UnsupportedOperationException("ServiceReference." + method.getName());
                });
    }

    static Bundle bundle(String symbolicName, String version) {
        return bundle(symbolicName.hashCode(), "test:" + symbolicName, symbolicName, version);
    }

    /** A bundle installed from {@code location} with id {@code id}: two bundles may share a symbolic name, never an id. */
    static Bundle bundle(long id, String location, String symbolicName, String version) {
        return (Bundle) Proxy.newProxyInstance(FakeFramework.class.getClassLoader(), new Class<?>[] {Bundle.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getSymbolicName" -> symbolicName;
                    case "getVersion" -> Version.parseVersion(version);
                    case "getBundleId" -> id;
                    case "getLocation" -> location;
                    case "getState" -> Bundle.ACTIVE;
                    case "hashCode" -> Long.hashCode(id);
                    case "equals" -> proxy == args[0];
                    case "toString" -> symbolicName + " " + version;
                    default -> throw new UnsupportedOperationException("Bundle." + method.getName());
                });
    }
}
