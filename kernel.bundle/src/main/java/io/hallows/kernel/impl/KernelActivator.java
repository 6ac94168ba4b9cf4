package io.hallows.kernel.impl;

import io.hallows.kernel.api.AuditLog;
import io.hallows.kernel.api.CapabilityRegistry;
import io.hallows.kernel.api.KernelConstants;
import io.hallows.kernel.api.Partitions;
import io.hallows.kernel.impl.audit.AuditJournal;
import io.hallows.kernel.impl.capability.BundleCapabilities;
import io.hallows.kernel.impl.capability.CapabilityTable;
import io.hallows.kernel.impl.capability.RequestGrants;
import io.hallows.kernel.impl.partition.CpuList;
import io.hallows.kernel.impl.partition.PartitionManager;
import io.hallows.kernel.impl.protect.ProtectedServices;
import io.hallows.kernel.impl.protect.ServiceVisibility;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import org.osgi.annotation.bundle.Header;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.hooks.service.EventListenerHook;
import org.osgi.framework.hooks.service.FindHook;
import org.osgi.service.cm.ManagedService;
import org.osgi.service.cm.ManagedServiceFactory;

/**
 * Starts the kernel. It is an activator, not a component, because the kernel is an extender:
 * its service hooks must be in place before other bundles look services up, and it decides the
 * requests of every bundle as it is installed.
 */
@Header(name = Constants.BUNDLE_ACTIVATOR, value = "${@class}")
public final class KernelActivator implements BundleActivator {
    private final List<ServiceRegistration<?>> registrations = new ArrayList<>();
    private AuditJournal audit;
    private ProtectedServices protectedServices;
    private PartitionManager partitions;
    private RequestGrants requests;

    @Override
    public void start(BundleContext context) throws Exception {
        java.io.File file = context.getDataFile("audit.log");
        audit = file == null ? AuditJournal.inMemory() : AuditJournal.appendingTo(file.toPath());
        audit.record("kernel", "start", "kernel", "Hallows kernel " + context.getBundle().getVersion() + " starting");
        CapabilityTable table = new CapabilityTable(audit);
        ServiceVisibility visibility = new ServiceVisibility(context.getBundle().getBundleId(), table, audit);
        register(context, new String[] {FindHook.class.getName(), EventListenerHook.class.getName()}, visibility, props());

        protectedServices = new ProtectedServices(context, table, audit);
        protectedServices.open();

        requests = new RequestGrants(context, table, audit);
        context.addBundleListener(requests);
        register(context, new String[] {ManagedService.class.getName()}, requests,
                props(Constants.SERVICE_PID, KernelConstants.POLICY_PID));

        partitions = new PartitionManager(context, audit, table, CpuList.online());
        context.addBundleListener(partitions);
        register(context, new String[] {ManagedServiceFactory.class.getName()}, partitions,
                props(Constants.SERVICE_PID, KernelConstants.PARTITION_PID));
        register(context, new String[] {Partitions.class.getName()}, partitions,
                props(KernelConstants.PROTECTED, "kernel.partitions"));
        register(context, new String[] {AuditLog.class.getName()}, audit, props(KernelConstants.PROTECTED, "kernel.audit"));
        register(context, new String[] {CapabilityRegistry.class.getName()}, new BundleCapabilities(table), props());
        register(context, new String[] {Kernel.class.getName()}, new Kernel(audit, table, requests, partitions, Instant.now()),
                props(KernelConstants.PROTECTED, Kernel.PROTECTED_NAME));
    }

    @Override
    public void stop(BundleContext context) throws Exception {
        context.removeBundleListener(partitions);
        context.removeBundleListener(requests);
        for (int i = registrations.size() - 1; i >= 0; i--) {
            registrations.get(i).unregister();
        }
        registrations.clear();
        protectedServices.close();
        partitions.close();
        audit.record("kernel", "stop", "kernel", "Hallows kernel stopped");
        audit.close();
    }

    private void register(BundleContext context, String[] names, Object service, Dictionary<String, Object> props) {
        registrations.add(context.registerService(names, service, props));
    }

    private static Dictionary<String, Object> props(Object... keysAndValues) {
        Hashtable<String, Object> props = new Hashtable<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            props.put(keysAndValues[i].toString(), keysAndValues[i + 1]);
        }
        return props;
    }
}
