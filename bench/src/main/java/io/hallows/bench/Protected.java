package io.hallows.bench;

import io.hallows.kernel.api.Capability;
import io.hallows.kernel.api.PartitionExecutor;
import io.hallows.kernel.api.Resource;
import io.hallows.kernel.api.Right;
import io.hallows.kernel.impl.audit.AuditJournal;
import io.hallows.kernel.impl.capability.CapabilityTable;
import io.hallows.kernel.impl.protect.PerHolder;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Set;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.Version;

/**
 * A partition's executor as another bundle gets it: the kernel's protected-service proxy (a
 * {@code java.lang.reflect.Proxy} whose handler checks the holder's capability on every call)
 * in front of the executor's per-holder view, which marks each task with the holder. Outside a
 * framework the proxy's classes are package-private, so they are built by reflection here, the
 * way {@code ProxyFactory.getService} builds them for a holder in the stack.
 */
final class Protected {
    private static final long HOLDER_ID = 42;

    private Protected() {
    }

    /** {@code executor} behind the kernel's revocable proxy, held by a made-up bundle with CALL on it. */
    @SuppressWarnings("unchecked")
    static PartitionExecutor proxied(PartitionExecutor executor) {
        Bundle holder = holder();
        Object view = executor instanceof PerHolder<?> perHolder ? ((PerHolder<PartitionExecutor>) perHolder).forHolder(holder)
                : executor;
        AuditJournal audit = AuditJournal.inMemory();
        CapabilityTable table = new CapabilityTable(audit);
        Resource resource = Resource.service("hallows.partition." + executor.partition());
        Capability cap = table.grant(resource, Set.of(Right.CALL), HOLDER_ID, "bench holder", "bench");
        try {
            Class<?> factoryType = Class.forName("io.hallows.kernel.impl.protect.ProxyFactory");
            Constructor<?> factory = factoryType.getDeclaredConstructor(BundleContext.class, CapabilityTable.class, AuditJournal.class,
                    ServiceReference.class, Resource.class, List.class);
            factory.setAccessible(true);
            Object origin = factory.newInstance(null, table, audit, null, resource, List.of(PartitionExecutor.class));
            Constructor<?> handler = Class.forName("io.hallows.kernel.impl.protect.RevocableProxy").getDeclaredConstructor(
                    CapabilityTable.class, AuditJournal.class, Capability.class, factoryType, Object.class, Object.class);
            handler.setAccessible(true);
            InvocationHandler h = (InvocationHandler) handler.newInstance(table, audit, cap, origin, view, executor);
            return (PartitionExecutor) Proxy.newProxyInstance(PartitionExecutor.class.getClassLoader(),
                    new Class<?>[] {PartitionExecutor.class}, h);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build the kernel's protected-service proxy outside a framework: " + e, e);
        }
    }

    /** A bundle that answers what the kernel asks of a holder (its id, location, name, version). */
    private static Bundle holder() {
        return (Bundle) Proxy.newProxyInstance(Bundle.class.getClassLoader(), new Class<?>[] {Bundle.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getBundleId" -> HOLDER_ID;
                    case "getLocation" -> "bench:holder";
                    case "getSymbolicName" -> "bench.holder";
                    case "getVersion" -> Version.parseVersion("1.0.0");
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    case "toString" -> "bench holder";
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
