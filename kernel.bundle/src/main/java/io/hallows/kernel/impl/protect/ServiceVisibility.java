package io.hallows.kernel.impl.protect;

import io.hallows.kernel.api.KernelConstants;
import io.hallows.kernel.api.Resource;
import io.hallows.kernel.impl.Kernel;
import io.hallows.kernel.impl.audit.AuditJournal;
import io.hallows.kernel.impl.capability.Holders;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.hooks.service.EventListenerHook;
import org.osgi.framework.hooks.service.FindHook;
import org.osgi.framework.hooks.service.ListenerHook.ListenerInfo;

/**
 * Hides what a bundle may not use, in lookups ({@link FindHook}) and in service events
 * ({@link EventListenerHook}), so trackers and Declarative Services see the same as direct lookups:
 * <ul>
 * <li>the kernel's internal services: seen only by the kernel;</li>
 * <li>a service of one of the kernel API's types registered by another bundle (an impostor of a
 *     kernel service, see {@link KernelTypes}): seen only by its registrant and the kernel;</li>
 * <li>the original registration of a protected service: seen only by the kernel, the system
 *     bundle and the bundle that registered it;</li>
 * <li>the kernel's proxy of it: seen only by holders of {@code service:<name>} with CALL. A
 *     registration that claims to be a proxy but was not made by the kernel is seen by no one;</li>
 * <li>the operator shell (Gogo's CommandProcessor and the {@code hallows} commands) and ConfigAdmin
 *     (ConfigurationAdmin, ManagedService, ManagedServiceFactory): seen by the stack's own
 *     bundles ({@link Trust}) and holders of {@code service:kernel.shell} / {@code service:kernel.config};</li>
 * <li>services that plug into them (commands, converters, session listeners, configuration
 *     plugins and listeners) registered by a bundle that may not use them: seen by no one else.</li>
 * </ul>
 * Any error while deciding hides the service: the hooks fail closed.
 */
public final class ServiceVisibility implements FindHook, EventListenerHook {
    private static final List<String> SHELL_TYPES = List.of("org.apache.felix.service.command.CommandProcessor");
    private static final List<String> CONFIG_TYPES = List.of("org.osgi.service.cm.ConfigurationAdmin",
            "org.osgi.service.cm.ManagedService", "org.osgi.service.cm.ManagedServiceFactory");
    private static final List<String> SHELL_PLUGINS = List.of("org.apache.felix.service.command.CommandSessionListener",
            "org.apache.felix.service.command.Converter", "org.apache.felix.service.command.Function");
    private static final List<String> CONFIG_PLUGINS = List.of("org.osgi.service.cm.ConfigurationPlugin",
            "org.osgi.service.cm.ConfigurationListener", "org.osgi.service.cm.SynchronousConfigurationListener");

    private final Trust trust;
    private final AuditJournal audit;
    private final Set<String> deniedOnce = ConcurrentHashMap.newKeySet();

    public ServiceVisibility(Trust trust, AuditJournal audit) {
        this.trust = trust;
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
        listeners.keySet().removeIf(context -> !visible(context.getBundle(), ref, false));
    }

    boolean visible(Bundle viewer, ServiceReference<?> ref, boolean auditDenial) {
        try {
            if (viewer.getBundleId() == 0) {
                return true;
            }
            Bundle owner = ref.getBundle();
            boolean own = owner != null && owner.getBundleId() == viewer.getBundleId();
            if (ref.getProperty(Kernel.INTERNAL) != null) {
                return trust.isKernel(viewer);
            }
            if (KernelTypes.isImpostor(ref, trust)) {
                return own || trust.isKernel(viewer);
            }
            Object name = ref.getProperty(KernelConstants.PROTECTED);
            if (ref.getProperty(KernelConstants.PROXY_OF) != null) {
                // Only a capability opens a protected service, whoever the viewer is.
                if (!trust.isKernel(owner) || trust.isKernel(viewer) || name == null) {
                    return false;
                }
                Resource service = Resource.service(name.toString());
                return allowed(viewer, service, trust.holds(viewer, service), auditDenial);
            }
            if (name != null) {
                return own || trust.isKernel(viewer);
            }
            List<String> types = Arrays.asList((String[]) ref.getProperty(Constants.OBJECTCLASS));
            Resource contributed = contributing(ref, types);
            if (contributed != null && !own && !trust.isKernel(viewer) && !trust.permits(owner, contributed)) {
                return false; // a plug-in into the shell or ConfigAdmin from a bundle not allowed to use them
            }
            Resource governing = governing(ref, types);
            return governing == null || own || allowed(viewer, governing, trust.permits(viewer, governing), auditDenial);
        } catch (RuntimeException e) {
            return false;
        }
    }

    private boolean allowed(Bundle viewer, Resource resource, boolean allowed, boolean auditDenial) {
        if (allowed) {
            return true;
        }
        if (auditDenial && deniedOnce.add(viewer.getBundleId() + "/" + resource)) {
            audit.record("kernel", "deny", Holders.describe(viewer), "hid " + resource + ": no capability with CALL");
        }
        return false;
    }

    /** The shell and ConfigAdmin themselves. */
    private static Resource governing(ServiceReference<?> ref, List<String> types) {
        if ("hallows".equals(ref.getProperty("osgi.command.scope")) || types.stream().anyMatch(SHELL_TYPES::contains)) {
            return Trust.SHELL;
        }
        return types.stream().anyMatch(CONFIG_TYPES::contains) ? Trust.CONFIG : null;
    }

    /** Services that plug into the shell or ConfigAdmin and so act with their authority. */
    private static Resource contributing(ServiceReference<?> ref, List<String> types) {
        if (ref.getProperty("osgi.command.scope") != null || types.stream().anyMatch(SHELL_PLUGINS::contains)) {
            return Trust.SHELL;
        }
        return types.stream().anyMatch(CONFIG_PLUGINS::contains) ? Trust.CONFIG : null;
    }

    /** Forgets remembered denials of a bundle, so that a later denial is audited again. */
    public void forget(long bundleId) {
        deniedOnce.removeIf(key -> key.startsWith(bundleId + "/"));
    }
}
