package io.hallows.kernel.impl.protect;

import io.hallows.kernel.api.Resource;
import io.hallows.kernel.api.Right;
import io.hallows.kernel.impl.capability.CapabilityTable;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * Who is infrastructure. The bundles the stack itself installed — those present when the kernel
 * starts, as the launcher installs every bundle of the bndrun before starting any — are trusted
 * with the shell and ConfigAdmin. Bundles installed later (vendor plugins, generated bundles) get
 * them only through capabilities: {@code service:kernel.shell} and {@code service:kernel.config}
 * with CALL.
 */
public final class Trust {
    /** The capability that opens the operator shell to a bundle installed after the stack. */
    public static final Resource SHELL = Resource.service("kernel.shell");
    /** The capability that opens ConfigAdmin to a bundle installed after the stack. */
    public static final Resource CONFIG = Resource.service("kernel.config");

    private final long kernel;
    private final Set<Long> stack;
    private final CapabilityTable table;

    private Trust(long kernel, Set<Long> stack, CapabilityTable table) {
        this.kernel = kernel;
        this.stack = stack;
        this.table = table;
    }

    /** Records the bundles installed now as the stack's own. */
    public static Trust ofStackInstalledBefore(BundleContext kernel, CapabilityTable table) {
        return new Trust(kernel.getBundle().getBundleId(),
                Arrays.stream(kernel.getBundles()).map(Bundle::getBundleId).collect(Collectors.toUnmodifiableSet()), table);
    }

    public long kernelId() {
        return kernel;
    }

    public boolean isKernel(Bundle bundle) {
        return bundle != null && bundle.getBundleId() == kernel;
    }

    /** The system bundle, the kernel, and the bundles the stack installed. */
    public boolean isInfrastructure(Bundle bundle) {
        return bundle != null && (bundle.getBundleId() == 0 || stack.contains(bundle.getBundleId()));
    }

    /** Infrastructure, or a holder of a valid capability on {@code resource} with CALL. */
    public boolean permits(Bundle bundle, Resource resource) {
        return isInfrastructure(bundle) || (bundle != null && table.find(bundle.getBundleId(), resource, Right.CALL).isPresent());
    }
}
