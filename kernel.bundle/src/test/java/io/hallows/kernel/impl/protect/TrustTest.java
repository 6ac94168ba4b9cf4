package io.hallows.kernel.impl.protect;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallows.kernel.api.Right;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;

/** Who the kernel trusts as infrastructure, and how a later bundle gets the same through a capability. */
class TrustTest {
    private static KernelFixture kernel;

    @BeforeAll
    static void launch() throws Exception {
        kernel = new KernelFixture();
    }

    @AfterAll
    static void shutDown() throws Exception {
        kernel.close();
    }

    @Test
    void theStackInstalledBeforeTheKernelIsInfrastructureAndLaterBundlesAreNot() throws Exception {
        Bundle later = kernel.felix.install("test.vendor.plugin");
        assertTrue(kernel.trust.isInfrastructure(kernel.felix.system().getBundle()), "the system bundle");
        assertTrue(kernel.trust.isInfrastructure(kernel.kernel));
        assertTrue(kernel.trust.isInfrastructure(kernel.stackBundle));
        assertFalse(kernel.trust.isInfrastructure(later));
        assertFalse(kernel.trust.isInfrastructure(null));
        assertTrue(kernel.trust.isKernel(kernel.kernel));
        assertFalse(kernel.trust.isKernel(kernel.stackBundle));
    }

    @Test
    void aLaterBundleIsPermittedTheShellOnlyWithACapability() throws Exception {
        Bundle later = kernel.felix.install("test.vendor.shelluser");
        assertFalse(kernel.trust.permits(later, Trust.SHELL));
        assertTrue(kernel.trust.permits(kernel.stackBundle, Trust.SHELL), "infrastructure needs no capability");
        assertFalse(kernel.trust.holds(kernel.stackBundle, Trust.SHELL), "but does not hold one");

        kernel.grant(later, Trust.SHELL, Right.CALL).revoke();
        assertFalse(kernel.trust.permits(later, Trust.SHELL), "a revoked capability permits nothing");
        kernel.grant(later, Trust.SHELL, Right.READ);
        assertFalse(kernel.trust.permits(later, Trust.SHELL), "only CALL opens the shell");
        kernel.grant(later, Trust.SHELL, Right.CALL);
        assertTrue(kernel.trust.permits(later, Trust.SHELL));
        assertTrue(kernel.trust.holds(later, Trust.SHELL));
        assertFalse(kernel.trust.permits(later, Trust.CONFIG), "the shell's capability does not open ConfigAdmin");
    }

    @Test
    void aLaterStartOfTheKernelKeepsTheStackItRecordedFirst() throws Exception {
        Bundle later = kernel.felix.install("test.vendor.meanwhile");
        Trust again = Trust.ofStackInstalledBefore(kernel.kernelContext(), kernel.table);
        assertFalse(again.isInfrastructure(later), "installed after the kernel first started: still not the stack's");
        assertTrue(again.isInfrastructure(kernel.stackBundle));
    }

    @Test
    void itRemembersWhichLaterBundlesTheStackInstalledAcrossARestartOfTheKernel() throws Exception {
        kernel.felix.system().addBundleListener(kernel.trust);
        try {
            Bundle byLauncher = kernel.felix.install("test.installed.by.system");
            Bundle vendor = kernel.felix.start("test.vendor.installer");
            Bundle byVendor = kernel.felix.installAt(vendor.getBundleContext(), "mem:by-vendor", "test.installed.by.vendor");
            Bundle byStack = kernel.felix.installAt(kernel.stackBundle.getBundleContext(), "mem:by-stack", "test.installed.by.stack");
            assertTrue(kernel.trust.installedByStack(byLauncher));
            assertTrue(kernel.trust.installedByStack(byStack));
            assertFalse(kernel.trust.installedByStack(byVendor), "a vendor bundle chose its location");
            assertFalse(kernel.trust.isStackBundle(byLauncher), "installed by the stack, but not with it");
            assertTrue(kernel.trust.isStackBundle(kernel.stackBundle));

            Trust again = Trust.ofStackInstalledBefore(kernel.kernelContext(), kernel.table);
            assertTrue(again.installedByStack(byStack), "read back from the kernel's data area");
            assertFalse(again.installedByStack(byVendor));
        } finally {
            kernel.felix.system().removeBundleListener(kernel.trust);
        }
    }
}
