package io.hallows.kernel.impl.protect;

import io.hallows.kernel.api.KernelConstants;
import io.hallows.kernel.api.Resource;
import io.hallows.kernel.api.Right;
import io.hallows.kernel.impl.audit.AuditJournal;
import io.hallows.kernel.impl.capability.CapabilityTable;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.hooks.service.EventListenerHook;
import org.osgi.framework.hooks.service.FindHook;
import org.osgi.framework.hooks.service.ListenerHook.ListenerInfo;

/**
 * Hides protected services. The original registration of a protected service is visible only to
 * the kernel, the system bundle and the bundle that registered it; the kernel's proxy of it only to
 * bundles holding a valid {@code service:<name>} capability with CALL. Both lookups
 * ({@link FindHook}) and service events ({@link EventListenerHook}) are filtered, so trackers and
 * Declarative Services see the same thing as direct lookups.
 */
public final class ServiceVisibility implements FindHook, EventListenerHook {
    private final long kernelBundle;
    private final CapabilityTable table;
    private final AuditJournal audit;
    private final Set<String> deniedOnce = ConcurrentHashMap.newKeySet();

    public ServiceVisibility(long kernelBundle, CapabilityTable table, AuditJournal audit) {
        this.kernelBundle = kernelBundle;
        this.table = table;
        this.audit = audit;
    }

    @Override
    public void find(BundleContext context, String name, String filter, boolean allServices,
            Collection<ServiceReference<?>> references) {
        Bundle viewer = context.getBundle();
        // Only a lookup by interface name is a request for the service; listing all services is not.
        references.removeIf(ref -> !visible(viewer, ref, name != null));
    }

    @Override
    public void event(ServiceEvent event, Map<BundleContext, Collection<ListenerInfo>> listeners) {
        ServiceReference<?> ref = event.getServiceReference();
        if (ref.getProperty(KernelConstants.PROTECTED) == null) {
            return;
        }
        listeners.keySet().removeIf(context -> !visible(context.getBundle(), ref, false));
    }

    boolean visible(Bundle viewer, ServiceReference<?> ref, boolean auditDenial) {
        Object name = ref.getProperty(KernelConstants.PROTECTED);
        if (name == null) {
            return true;
        }
        long id = viewer.getBundleId();
        boolean proxy = ref.getProperty(KernelConstants.PROXY_OF) != null;
        if (!proxy) {
            Bundle owner = ref.getBundle();
            return id == 0 || id == kernelBundle || (owner != null && owner.getBundleId() == id);
        }
        if (id == kernelBundle) {
            return false;
        }
        Resource resource = Resource.service(name.toString());
        if (id == 0 || table.find(id, resource, Right.CALL).isPresent()) {
            return true;
        }
        if (auditDenial && deniedOnce.add(id + "/" + resource)) {
            audit.record("kernel", "deny", viewer.getSymbolicName(), "hid " + resource + ": no capability with CALL");
        }
        return false;
    }

    /** Forget remembered denials for a bundle, e.g. once it has been granted something. */
    public void forget(long bundleId) {
        deniedOnce.removeIf(key -> key.startsWith(bundleId + "/"));
    }
}
