package io.hallows.kernel.impl.protect;

import io.hallows.kernel.api.Resource;
import io.hallows.kernel.api.Right;
import io.hallows.kernel.impl.capability.CapabilityTable;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
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

    /**
     * Records the bundles installed now as the stack's own, on the kernel's first start in this
     * framework storage; a later start of the kernel (an update or refresh) reads the same set back
     * from its data area, so bundles installed meanwhile do not become infrastructure.
     */
    public static Trust ofStackInstalledBefore(BundleContext kernel, CapabilityTable table) throws IOException {
        File file = kernel.getDataFile("stack-bundles");
        Set<Long> stack;
        if (file != null && file.exists()) {
            stack = Files.readAllLines(file.toPath()).stream().filter(l -> !l.isBlank()).map(Long::valueOf)
                    .collect(Collectors.toUnmodifiableSet());
        } else {
            stack = Arrays.stream(kernel.getBundles()).map(Bundle::getBundleId).collect(Collectors.toUnmodifiableSet());
            if (file != null) {
                Files.write(file.toPath(), stack.stream().map(String::valueOf).toList());
            }
        }
        return new Trust(kernel.getBundle().getBundleId(), stack, table);
    }

    public boolean isKernel(Bundle bundle) {
        return bundle != null && bundle.getBundleId() == kernel;
    }

    /** The system bundle, the kernel, and the bundles the stack installed. */
    public boolean isInfrastructure(Bundle bundle) {
        return bundle != null && (bundle.getBundleId() == 0 || stack.contains(bundle.getBundleId()));
    }

    /** A holder of a valid capability on {@code resource} with CALL. */
    public boolean holds(Bundle bundle, Resource resource) {
        return bundle != null && table.find(bundle.getBundleId(), resource, Right.CALL).isPresent();
    }

    /** Infrastructure, or a holder of a valid capability on {@code resource} with CALL. */
    public boolean permits(Bundle bundle, Resource resource) {
        return isInfrastructure(bundle) || (bundle != null && table.find(bundle.getBundleId(), resource, Right.CALL).isPresent());
    }
}
