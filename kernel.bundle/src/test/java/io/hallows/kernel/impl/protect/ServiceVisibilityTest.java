package io.hallows.kernel.impl.protect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallows.kernel.api.KernelConstants;
import io.hallows.kernel.api.Resource;
import io.hallows.kernel.api.Right;
import io.hallows.kernel.impl.Kernel;
import java.util.Hashtable;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.hooks.service.EventListenerHook;
import org.osgi.framework.hooks.service.FindHook;

/** What each bundle may see of the service registry, through the hooks as bundles look services up. */
class ServiceVisibilityTest {
    private static KernelFixture kernel;

    @BeforeAll
    static void launch() throws Exception {
        kernel = new KernelFixture();
        kernel.kernelContext().registerService(new String[] {FindHook.class.getName(), EventListenerHook.class.getName()},
                new ServiceVisibility(kernel.trust, kernel.audit), null);
    }

    @AfterAll
    static void shutDown() throws Exception {
        kernel.close();
    }

    private static void register(Bundle owner, Object... keysAndValues) {
        Hashtable<String, Object> props = new Hashtable<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            props.put(keysAndValues[i].toString(), keysAndValues[i + 1]);
        }
        Supplier<String> service = () -> "from " + owner.getSymbolicName();
        owner.getBundleContext().registerService(Supplier.class.getName(), service, props);
    }

    /** How many services with {@code marker} the viewer finds when it asks by interface name. */
    private static int seen(Bundle viewer, String marker) throws Exception {
        BundleContext context = viewer.getBundleContext();
        ServiceReference<?>[] refs = context.getServiceReferences(Supplier.class.getName(), "(test.marker=" + marker + ")");
        return refs == null ? 0 : refs.length;
    }

    @Test
    void theKernelsInternalServicesAreSeenByTheKernelAlone() throws Exception {
        register(kernel.kernel, Kernel.INTERNAL, Boolean.TRUE, "test.marker", "internal");
        assertEquals(1, seen(kernel.kernel, "internal"));
        assertEquals(0, seen(kernel.stackBundle, "internal"), "not even the stack's own bundles");
    }

    @Test
    void anOriginalProtectedServiceIsSeenByItsProviderAndTheKernelOnly() throws Exception {
        Bundle provider = kernel.felix.start("test.vis.provider");
        Bundle holder = kernel.felix.start("test.vis.holder");
        kernel.grant(holder, Resource.service("weather"), Right.CALL);
        register(provider, KernelConstants.PROTECTED, "weather", "test.marker", "original");
        assertEquals(1, seen(provider, "original"));
        assertEquals(1, seen(kernel.kernel, "original"));
        assertEquals(0, seen(holder, "original"), "a holder gets the kernel's proxy, never the original");
    }

    @Test
    void aProxyIsSeenByHoldersOnlyAndOnlyIfTheKernelRegisteredIt() throws Exception {
        Bundle holder = kernel.felix.start("test.vis.proxyholder");
        Bundle stranger = kernel.felix.start("test.vis.stranger");
        Bundle forger = kernel.felix.start("test.vis.forger");
        kernel.grant(holder, Resource.service("mail"), Right.CALL);
        register(kernel.kernel, KernelConstants.PROTECTED, "mail", KernelConstants.PROXY_OF, 1L, "test.marker", "proxy");
        register(forger, KernelConstants.PROTECTED, "mail", KernelConstants.PROXY_OF, 1L, "test.marker", "forged");

        assertEquals(1, seen(holder, "proxy"));
        assertEquals(0, seen(stranger, "proxy"));
        assertTrue(kernel.audited("deny", "hid service:mail: no capability with CALL"), "a denied lookup is audited");
        assertEquals(0, seen(holder, "forged"), "a proxy the kernel did not register is seen by no one");
        assertEquals(0, seen(forger, "forged"));
    }

    @Test
    void theShellIsForTheStackAndHoldersOfKernelShell() throws Exception {
        Bundle later = kernel.felix.start("test.vis.later");
        Bundle granted = kernel.felix.start("test.vis.granted");
        kernel.grant(granted, Trust.SHELL, Right.CALL);
        register(kernel.kernel, "osgi.command.scope", "hallows", "test.marker", "shell");

        assertEquals(1, seen(kernel.stackBundle, "shell"));
        assertEquals(0, seen(later, "shell"));
        assertEquals(1, seen(granted, "shell"));
    }

    @Test
    void aCommandFromABundleWithoutTheShellIsSeenByNoOneElse() throws Exception {
        Bundle plugin = kernel.felix.start("test.vis.plugin");
        register(plugin, "osgi.command.scope", "sneaky", "test.marker", "plugin");
        assertEquals(1, seen(plugin, "plugin"), "its own");
        assertEquals(0, seen(kernel.stackBundle, "plugin"), "the shell would run it with the operator's authority");
        assertFalse(kernel.trust.permits(plugin, Trust.SHELL));
    }
}
