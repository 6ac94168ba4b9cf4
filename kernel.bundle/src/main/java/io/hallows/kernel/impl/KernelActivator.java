package io.hallows.kernel.impl;

import io.hallows.kernel.api.AuditLog;
import io.hallows.kernel.api.CapabilityRegistry;
import io.hallows.kernel.api.DataArea;
import io.hallows.kernel.api.KernelConstants;
import io.hallows.kernel.api.Partitions;
import io.hallows.kernel.api.Schedulers;
import io.hallows.kernel.impl.audit.AuditJournal;
import io.hallows.kernel.impl.capability.BundleCapabilities;
import io.hallows.kernel.impl.capability.CapabilityTable;
import io.hallows.kernel.impl.capability.RequestGrants;
import io.hallows.kernel.impl.data.DataFolder;
import io.hallows.kernel.impl.data.DataHealth;
import io.hallows.kernel.impl.hal.HalBinding;
import io.hallows.kernel.impl.log.KernelLog;
import io.hallows.kernel.impl.log.KernelLogger;
import io.hallows.kernel.impl.partition.PartitionManager;
import io.hallows.kernel.impl.protect.GatedService;
import io.hallows.kernel.impl.protect.KernelTypes;
import io.hallows.kernel.impl.protect.ResolverGuard;
import io.hallows.kernel.impl.protect.ProtectedServices;
import io.hallows.kernel.impl.protect.Trust;
import io.hallows.kernel.impl.protect.ServiceVisibility;
import io.hallows.kernel.impl.scheduler.SchedulerManager;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.function.Predicate;
import org.osgi.framework.Bundle;
import org.osgi.annotation.bundle.Header;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.namespace.HostNamespace;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.hooks.resolver.ResolverHookFactory;
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
    private static final KernelLogger LOG = KernelLog.of(KernelActivator.class);
    /** The process's exit status when run/hallows started a stack whose kernel refused to start. */
    static final int REFUSED_EXIT_STATUS = 3;
    private final List<ServiceRegistration<?>> registrations = new ArrayList<>();
    private AuditJournal audit;
    private CapabilityTable table;
    private ProtectedServices protectedServices;
    private Trust trust;
    private KernelTypes kernelTypes;
    private PartitionManager partitions;
    private SchedulerManager schedulers;
    private HalBinding hal;
    private RequestGrants requests;
    private DataFolder dataFolder;
    private DataHealth dataHealth;

    @Override
    public void start(BundleContext context) throws Exception {
        try {
            startParts(context);
        } catch (Exception | Error e) {
            // Felix does not call stop() after a failed start: at least free the data area for the next try.
            closeDataArea();
            throw e;
        }
    }

    /** The data area goes last, whatever failed before: its lock must never outlive this kernel. */
    private void closeDataArea() {
        try {
            if (dataHealth != null) {
                dataHealth.close();
            }
            if (audit != null) {
                audit.close();
            }
        } catch (java.io.IOException | RuntimeException e) {
            LOG.error("closing the audit log failed: " + e.getMessage());
        } finally {
            if (dataFolder != null) {
                dataFolder.close();
            }
        }
    }

    private void startParts(BundleContext context) throws Exception {
        KernelLog.open(context);
        refuseAttachedFragments(context);
        dataFolder = openDataArea(context);
        audit = AuditJournal.appendingTo(dataFolder.root().resolve("audit").resolve("audit.log"));
        audit.record("kernel", "start", "kernel", "Hallows kernel " + context.getBundle().getVersion() + " starting; data area "
                + dataFolder.root());
        dataHealth = new DataHealth(dataFolder, audit);
        dataHealth.start();
        table = new CapabilityTable(audit);
        trust = Trust.ofStackInstalledBefore(context, table);
        context.addBundleListener(trust); // first: the listeners below rely on what it records of each installation
        ServiceVisibility visibility = new ServiceVisibility(trust, audit);
        register(context, new String[] {FindHook.class.getName(), EventListenerHook.class.getName()}, visibility, props());
        register(context, new String[] {ResolverHookFactory.class.getName()}, new ResolverGuard(trust, audit), props());

        protectedServices = new ProtectedServices(context, table, audit, trust::isInfrastructure);
        table.onChange(c -> {
            visibility.forget(c.holderId());
            protectedServices.capabilityChanged(c);
            if (schedulers != null) {
                schedulers.capabilityChanged(c); // scheduler:<policy> PROVIDE decides which factories may serve
            }
        });
        protectedServices.open();
        kernelTypes = new KernelTypes(context, trust, audit);
        kernelTypes.open();

        requests = new RequestGrants(context, table, audit, b -> trust.isStackBundle(b) || trust.installedByStack(b));
        context.addBundleListener(requests);
        Predicate<Bundle> kernelOnly = trust::isKernel;
        register(context, new String[] {ManagedService.class.getName()},
                new GatedService<>(requests, trust::isInfrastructure, "policy", audit), props(Constants.SERVICE_PID, KernelConstants.POLICY_PID));

        hal = new HalBinding(context, audit, trust::isInfrastructure);
        schedulers = new SchedulerManager(context, audit, table, kernelOnly, trust::isInfrastructure, hal,
                (p, reason) -> partitions.reportFault(p, reason));
        schedulers.open();
        hal.open();
        partitions = new PartitionManager(context, audit, table, trust, hal::online, hal::allowed, schedulers);
        context.addBundleListener(partitions.bundleListener());
        register(context, new String[] {ManagedServiceFactory.class.getName()},
                new GatedService<>(partitions.configurations(), trust::isInfrastructure, "partitions", audit),
                props(Constants.SERVICE_PID, KernelConstants.PARTITION_PID));
        // Other bundles reach these two through the kernel's revocable proxies only.
        register(context, new String[] {Partitions.class.getName()}, new GatedService<>(partitions, kernelOnly, "partitions", audit),
                props(KernelConstants.PROTECTED, "kernel.partitions"));
        register(context, new String[] {AuditLog.class.getName()}, new GatedService<>(audit, kernelOnly, "audit", audit),
                props(KernelConstants.PROTECTED, "kernel.audit"));
        register(context, new String[] {Schedulers.class.getName()}, new GatedService<>(schedulers, kernelOnly, "schedulers", audit),
                props(KernelConstants.PROTECTED, KernelConstants.SCHEDULERS));
        register(context, new String[] {DataArea.class.getName()}, new GatedService<>(dataFolder, kernelOnly, "data", audit),
                props(KernelConstants.PROTECTED, "kernel.data"));
        register(context, new String[] {CapabilityRegistry.class.getName()}, new BundleCapabilities(table), props());
        Kernel kernel = new Kernel(audit, table, requests, partitions, schedulers, hal, trust, dataHealth);
        register(context, new String[] {Kernel.class.getName()}, new GatedService<>(kernel, kernelOnly, "internal", audit),
                props(Kernel.INTERNAL, Boolean.TRUE));
    }

    @Override
    public void stop(BundleContext context) throws Exception {
        try {
            // Supervision and every grant end first; the hooks go last, so nothing is exposed meanwhile.
            context.removeBundleListener(partitions.bundleListener());
            context.removeBundleListener(requests);
            context.removeBundleListener(trust);
            partitions.close();
            schedulers.close();
            hal.close();
            kernelTypes.close();
            protectedServices.close();
            table.onChange(c -> { });
            table.revokeAll(); // a proxy still held somewhere fails on its next call
            for (int i = registrations.size() - 1; i >= 0; i--) {
                registrations.get(i).unregister();
            }
            registrations.clear();
            audit.record("kernel", "stop", "kernel", "Hallows kernel stopped");
        } finally {
            closeDataArea();
            KernelLog.close();
        }
    }

    /**
     * The stack's data area: the folder {@code hallows.data} names, locked for this kernel. Without
     * the property (a framework started by hand or by a test), a folder in the kernel bundle's
     * storage, which lasts only as long as that storage does.
     */
    private static DataFolder openDataArea(BundleContext context) throws BundleException {
        String configured = context.getProperty(DataArea.PROPERTY);
        java.nio.file.Path root;
        if (configured != null && !configured.isBlank()) {
            root = java.nio.file.Path.of(configured.strip());
        } else {
            root = context.getDataFile("data").toPath();
            LOG.warn("no " + DataArea.PROPERTY + " is set: the data area is " + root + ", inside the framework's storage,"
                    + " and is lost when that storage is cleaned; run/hallows sets it (HALLOWS_DATA)");
        }
        try {
            return DataFolder.open(root);
        } catch (java.io.IOException e) {
            LOG.error("the kernel refuses to start: " + e.getMessage());
            if (context.getProperty("hallows.console") != null) {
                // Started by run/hallows, where nothing else would end the process: without a kernel the
                // stack would wait forever. Exit status 3 says "refused to start" (see run/hallows help).
                Thread exit = new Thread(() -> System.exit(REFUSED_EXIT_STATUS), "hallows-refused");
                exit.start();
            }
            throw new BundleException("the Hallows kernel refuses to start: " + e.getMessage(), BundleException.ACTIVATOR_ERROR, e);
        }
    }

    /** A fragment shares the kernel's class loader, and could mint: the kernel will not run with one. */
    private static void refuseAttachedFragments(BundleContext context) throws BundleException {
        BundleWiring wiring = context.getBundle().adapt(BundleWiring.class);
        List<BundleWire> fragments = wiring == null ? List.of() : wiring.getProvidedWires(HostNamespace.HOST_NAMESPACE);
        if (!fragments.isEmpty()) {
            String names = String.join(", ", fragments.stream().map(w -> w.getRequirer().getSymbolicName()).toList());
            LOG.error("the kernel refuses to start: fragment(s) attached to it: " + names);
            throw new BundleException("the Hallows kernel refuses to start with fragments attached: " + names,
                    BundleException.ACTIVATOR_ERROR);
        }
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
