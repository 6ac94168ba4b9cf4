package io.hallows.run.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Hashtable;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.util.tracker.ServiceTracker;

/** The ways around the kernel that plain OSGi calls offer, each shown closed in a real framework. */
class KernelBoundaryIT {
    private static final String STACK = """
            { ":configurator:symbolic-name": "it.boundary", ":configurator:version": "1.0.0" }
            """;
    /** Services that carry no authority: a bundle's own registry, the hooks, and whether the stack is ready. */
    private static final Set<String> OPEN_TO_ALL = Set.of("io.hallows.kernel.api.CapabilityRegistry",
            "org.osgi.framework.hooks.service.FindHook", "org.osgi.framework.hooks.resolver.ResolverHookFactory",
            "io.hallows.kernel.impl.console.ReadyAnnouncer");

    @RegisterExtension
    static final StackExtension stack = new StackExtension(STACK);

    private static BundleContext vendor(String name) throws Exception {
        Bundle b = stack.install(TestBundle.named(name));
        b.start();
        return b.getBundleContext();
    }

    private static Hashtable<String, Object> props(Object... keysAndValues) {
        Hashtable<String, Object> props = new Hashtable<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            props.put(keysAndValues[i].toString(), keysAndValues[i + 1]);
        }
        return props;
    }

    @Test
    void aBundleInstalledAfterTheStackSeesNeitherTheShellNorConfigAdmin() throws Exception {
        BundleContext vendor = vendor("it.vendor.curious");
        for (String type : List.of("org.apache.felix.service.command.CommandProcessor", "org.osgi.service.cm.ConfigurationAdmin",
                "org.osgi.service.cm.ManagedServiceFactory", "org.osgi.service.cm.ManagedService")) {
            assertNull(vendor.getAllServiceReferences(type, null), type + " is hidden");
        }
        assertNull(vendor.getAllServiceReferences(null, "(osgi.command.scope=hallows)"));
        assertNotNull(stack.system().getAllServiceReferences("org.apache.felix.service.command.CommandProcessor", null),
                "the stack's own bundles still have the shell");
    }

    @Test
    void kernelServicesReachedThroughGetRegisteredServicesAreUseless() throws Exception {
        BundleContext vendor = vendor("it.vendor.sneaky");
        Bundle kernel = Arrays.stream(stack.system().getBundles())
                .filter(b -> "io.hallows.kernel".equals(b.getSymbolicName())).findFirst().orElseThrow();
        int checked = 0;
        for (ServiceReference<?> ref : kernel.getRegisteredServices()) {
            List<String> types = Arrays.asList((String[]) ref.getProperty(Constants.OBJECTCLASS));
            if (types.stream().noneMatch(OPEN_TO_ALL::contains)) {
                assertNull(vendor.getService(ref), "a vendor bundle must not obtain " + types);
                checked++;
            }
        }
        assertTrue(checked >= 8, "partitions, audit, internal, policy, partition factory, commands, proxies: " + checked);
    }

    @Test
    void aFakeProxyIsSeenByNobodyAndKernelNamesCannotBeSquatted() throws Exception {
        BundleContext rogue = vendor("it.vendor.rogue");
        rogue.registerService(Supplier.class.getName(), (Supplier<String>) () -> "stolen",
                props("hallows.protected", "kernel.partitions", "hallows.proxy.of", 1L, Constants.SERVICE_RANKING, 1000));
        rogue.registerService(Supplier.class.getName(), (Supplier<String>) () -> "squatter",
                props("hallows.protected", "kernel.audit"));
        BundleContext holder = vendor("it.vendor.holder");
        stack.shell("hallows:grant it.vendor.holder service:kernel.partitions CALL");
        stack.shell("hallows:grant it.vendor.holder service:kernel.audit CALL");
        assertNull(holder.getAllServiceReferences(Supplier.class.getName(), null), "neither the fake proxy nor a proxy of the squatter");
        assertTrue(stack.shell("hallows:audit 200").contains("protect kernel.audit: names under 'kernel.' are reserved for the kernel"));
        ServiceReference<?>[] partitions = holder.getAllServiceReferences("io.hallows.kernel.api.Partitions", null);
        assertEquals(1, partitions.length, "the kernel's own proxy of the Partitions service");
    }

    @Test
    void aProxyFailsClearlyOnceItsProviderUnregisters() throws Exception {
        BundleContext provider = vendor("it.vendor.provider");
        ServiceRegistration<?> reg = provider.registerService(Supplier.class.getName(), (Supplier<String>) () -> "on loan",
                props("hallows.protected", "loan"));
        BundleContext holder = vendor("it.vendor.borrower");
        stack.shell("hallows:grant it.vendor.borrower service:loan CALL");
        Supplier<?> loan = (Supplier<?>) holder.getService(holder.getServiceReferences(Supplier.class.getName(), null)[0]);
        assertEquals("on loan", loan.get());
        reg.unregister();
        IllegalStateException e = assertThrows(IllegalStateException.class, loan::get);
        assertEquals("service:loan was unregistered by its provider", e.getMessage());
    }

    @Test
    void aTrackerOpenedBeforeTheGrantFindsTheServiceWhenItIsGranted() throws Exception {
        BundleContext provider = vendor("it.vendor.late.provider");
        provider.registerService(Supplier.class.getName(), (Supplier<String>) () -> "worth the wait", props("hallows.protected", "late"));
        BundleContext holder = vendor("it.vendor.late.holder");
        ServiceTracker<Object, Object> tracker = new ServiceTracker<>(holder, holder.createFilter("(hallows.protected=late)"), null);
        tracker.open();
        try {
            assertNull(tracker.getService());
            stack.shell("hallows:grant it.vendor.late.holder service:late CALL"); // the kernel re-announces the proxy
            Supplier<?> late = (Supplier<?>) tracker.waitForService(30_000);
            assertNotNull(late, "the tracker saw the proxy once the grant was made");
            assertEquals("worth the wait", late.get());
        } finally {
            tracker.close();
        }
    }

    private static Bundle bundle(String symbolicName) {
        return Arrays.stream(stack.system().getBundles()).filter(b -> symbolicName.equals(b.getSymbolicName()))
                .findFirst().orElseThrow();
    }

    @Test
    void evenTheStacksOwnBundlesNeedACapabilityForAProtectedService() throws Exception {
        vendor("it.vendor.guarded").registerService(Supplier.class.getName(), (Supplier<String>) () -> "guarded",
                props("hallows.protected", "guarded"));
        BundleContext gogo = bundle("org.apache.felix.gogo.shell").getBundleContext();
        assertNull(gogo.getAllServiceReferences(Supplier.class.getName(), "(hallows.protected=guarded)"));
    }

    @Test
    void pluginsFromBundlesWithoutTheRightCapabilityReachNeitherTheShellNorConfigAdmin() throws Exception {
        BundleContext vendor = vendor("it.vendor.plugger");
        vendor.registerService(Runnable.class.getName(), (Runnable) () -> { }, props("osgi.command.scope", "evil",
                "osgi.command.function", new String[] {"run"}));
        // A service factory: the framework checks the type only when the object is handed out.
        vendor.registerService("org.osgi.service.cm.ConfigurationPlugin", new org.osgi.framework.ServiceFactory<Object>() {
            @Override
            public Object getService(Bundle bundle, ServiceRegistration<Object> registration) {
                return null;
            }

            @Override
            public void ungetService(Bundle bundle, ServiceRegistration<Object> registration, Object service) {
            }
        }, props());
        Exception e = assertThrows(Exception.class, () -> stack.shell("evil:run"));
        assertTrue(e.getClass().getSimpleName().contains("CommandNotFound"), e.toString());
        BundleContext configAdmin = bundle("org.apache.felix.configadmin").getBundleContext();
        assertNull(configAdmin.getAllServiceReferences("org.osgi.service.cm.ConfigurationPlugin", null));
    }

    @Test
    void aLaterBundleCannotShipConfigurationResourcesButMayUseTheShellWhenGranted() throws Exception {
        Bundle shipper = stack.install(TestBundle.named("it.vendor.shipper")
                .header("Require-Capability", "osgi.extender;filter:=\"(osgi.extender=osgi.configurator)\""));
        assertThrows(org.osgi.framework.BundleException.class, shipper::start, "its Configurator requirement cannot be wired");
        assertTrue(stack.shell("hallows:audit 300").contains("wire to the Configurator: configuration resources need service:kernel.config"));

        BundleContext operator = vendor("it.vendor.operator");
        assertNull(operator.getAllServiceReferences("org.apache.felix.service.command.CommandProcessor", null));
        stack.shell("hallows:grant it.vendor.operator service:kernel.shell CALL");
        assertNotNull(operator.getAllServiceReferences("org.apache.felix.service.command.CommandProcessor", null));
    }

    @Test
    void theKernelStartsFirst() {
        assertEquals(1, bundle("io.hallows.kernel").adapt(org.osgi.framework.startlevel.BundleStartLevel.class).getStartLevel(),
                "the exported stack puts the kernel at start level 1, before any bundle it must govern");
    }
}
