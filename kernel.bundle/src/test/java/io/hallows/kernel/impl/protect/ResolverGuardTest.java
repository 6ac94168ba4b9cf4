package io.hallows.kernel.impl.protect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallows.kernel.api.Right;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.hooks.resolver.ResolverHookFactory;
import org.osgi.framework.namespace.HostNamespace;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;

/** The resolver hook refuses wirings that would hand a bundle the kernel's authority, and only those. */
class ResolverGuardTest {
    private static KernelFixture kernel;

    @BeforeAll
    static void launch() throws Exception {
        kernel = new KernelFixture("Export-Package", "io.hallows.kernel.api;version=\"0.3.0\"");
        // Registered by the system bundle, so that it stays in place while the test refreshes the kernel.
        kernel.felix.system().registerService(ResolverHookFactory.class, new ResolverGuard(kernel.trust, kernel.audit), null);
    }

    @AfterAll
    static void shutDown() throws Exception {
        kernel.close();
    }

    @Test
    void aFragmentCannotAttachToTheKernelButMayToAnyOtherHost() throws Exception {
        Bundle host = kernel.felix.start("test.ordinary.host");
        kernel.felix.install("test.kernel.fragment", "Fragment-Host", "test.kernel");
        kernel.felix.install("test.ordinary.fragment", "Fragment-Host", "test.ordinary.host");
        kernel.felix.refresh(kernel.kernel, host);

        assertEquals(List.of(), fragmentsOf(kernel.kernel));
        assertTrue(kernel.audited("deny", "fragments cannot attach to the kernel"));
        assertEquals(List.of("test.ordinary.fragment"), fragmentsOf(host), "the guard refuses the kernel only");
    }

    @Test
    void aBundleWiresToTheKernelsApiNeverToACopy() throws Exception {
        kernel.felix.install("test.api.impostor", "Export-Package", "io.hallows.kernel.api;version=\"0.3.0\"");
        Bundle fooled = kernel.felix.install("test.api.fooled", "Import-Package", "io.hallows.kernel.api;bundle-symbolic-name=test.api.impostor");
        Bundle client = kernel.felix.install("test.api.client", "Import-Package", "io.hallows.kernel.api");

        assertFalse(kernel.felix.resolve(fooled), "only the impostor would do, and the guard removed it");
        assertTrue(kernel.audited("deny", "wire to a copy of io.hallows.kernel.api not exported by the kernel"));
        assertTrue(kernel.felix.resolve(client));
        BundleWire wire = client.adapt(BundleWiring.class).getRequiredWires(PackageNamespace.PACKAGE_NAMESPACE).get(0);
        assertEquals(kernel.kernel, wire.getProvider().getBundle());
    }

    @Test
    void onlyTheStackAndHoldersOfKernelConfigWireToTheConfigurator() throws Exception {
        kernel.felix.install("test.configurator", "Provide-Capability", "osgi.extender;osgi.extender=osgi.configurator;version:Version=1.0");
        String requirement = "osgi.extender;filter:=\"(osgi.extender=osgi.configurator)\"";
        Bundle vendor = kernel.felix.install("test.vendor.config", "Require-Capability", requirement);
        Bundle trusted = kernel.felix.install("test.vendor.granted", "Require-Capability", requirement);
        kernel.grant(trusted, Trust.CONFIG, Right.CALL);

        assertFalse(kernel.felix.resolve(vendor));
        assertTrue(kernel.audited("deny", "wire to the Configurator: configuration resources need service:kernel.config"));
        assertTrue(kernel.felix.resolve(trusted));
        assertTrue(kernel.felix.resolve(kernel.stackConfigurationUser), "the stack's own bundles need no capability");
    }

    private static List<String> fragmentsOf(Bundle host) {
        return host.adapt(BundleWiring.class).getProvidedWires(HostNamespace.HOST_NAMESPACE).stream()
                .map(w -> w.getRequirer().getSymbolicName()).toList();
    }
}
