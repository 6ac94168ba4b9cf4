package io.hallows.kernel.impl.protect;

import io.hallows.kernel.api.Resource;
import io.hallows.kernel.api.Right;
import io.hallows.kernel.impl.capability.CapabilityTable;
import io.hallows.kernel.impl.log.KernelLog;
import io.hallows.kernel.impl.log.KernelLogger;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.SynchronousBundleListener;

/**
 * Who is infrastructure. The bundles the stack itself installed — those present when the kernel
 * starts, as the launcher installs every bundle of the bndrun before starting any — are trusted
 * with the shell and ConfigAdmin. Bundles installed later (vendor plugins, generated bundles) get
 * them only through capabilities: {@code service:kernel.shell} and {@code service:kernel.config}
 * with CALL.
 *
 * <p>It also remembers which later bundles the stack itself installed — through the operator's
 * shell, the Parseltongue deployer, the launcher's system bundle — as opposed to bundles installed
 * by a vendor bundle through its own context: only for the former is the location the one the
 * integrator chose, so only they may join a partition by location (see {@code Membership}). The
 * record is kept in the kernel's data area beside the stack's list. Register it as a bundle listener
 * before any listener that acts on installations, so it has recorded a bundle before they look.
 */
public final class Trust implements SynchronousBundleListener {
    private static final KernelLogger LOG = KernelLog.of(Trust.class);
    /** The capability that opens the operator shell to a bundle installed after the stack. */
    public static final Resource SHELL = Resource.service("kernel.shell");
    /** The capability that opens ConfigAdmin to a bundle installed after the stack. */
    public static final Resource CONFIG = Resource.service("kernel.config");

    private final long kernel;
    private final Set<Long> stack;
    private final CapabilityTable table;
    private final Set<Long> installedByStack = ConcurrentHashMap.newKeySet();
    private final File installedByStackFile;

    private Trust(long kernel, Set<Long> stack, CapabilityTable table, File installedByStackFile) throws IOException {
        this.kernel = kernel;
        this.stack = stack;
        this.table = table;
        this.installedByStackFile = installedByStackFile;
        if (installedByStackFile != null && installedByStackFile.exists()) {
            installedByStack.addAll(readIds(installedByStackFile));
        }
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
            stack = readIds(file);
        } else {
            stack = Arrays.stream(kernel.getBundles()).map(Bundle::getBundleId).collect(Collectors.toUnmodifiableSet());
            if (file != null) {
                Files.write(file.toPath(), stack.stream().map(String::valueOf).toList());
            }
        }
        return new Trust(kernel.getBundle().getBundleId(), stack, table, kernel.getDataFile("installed-by-stack"));
    }

    /** Records who installed each new bundle: the framework names the installer only in this event. */
    @Override
    public void bundleChanged(BundleEvent event) {
        if (event.getType() == BundleEvent.INSTALLED && isInfrastructure(event.getOrigin())
                && installedByStack.add(event.getBundle().getBundleId()) && installedByStackFile != null) {
            try {
                Files.writeString(installedByStackFile.toPath(), event.getBundle().getBundleId() + "\n",
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                // Kept in memory for this run; after a restart of the kernel the bundle would lose its place.
                LOG.warn("cannot record that the stack installed bundle " + event.getBundle().getBundleId() + ": " + e.getMessage());
            }
        }
    }

    /** One of the bundles installed with the stack, before the kernel first started. */
    public boolean isStackBundle(Bundle bundle) {
        return bundle != null && stack.contains(bundle.getBundleId());
    }

    /**
     * Installed after the kernel started by the stack's own bundles (not by a vendor bundle through
     * its own context), so its location is the one the integrator's tools chose.
     */
    public boolean installedByStack(Bundle bundle) {
        return bundle != null && installedByStack.contains(bundle.getBundleId());
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
        return isInfrastructure(bundle) || holds(bundle, resource);
    }

    /** The bundle ids in a file this class wrote, one a line. */
    private static Set<Long> readIds(File file) throws IOException {
        return Files.readAllLines(file.toPath()).stream().filter(l -> !l.isBlank()).map(String::strip).map(Long::valueOf)
                .collect(Collectors.toUnmodifiableSet());
    }
}
