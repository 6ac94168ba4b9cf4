package io.hallows.kernel.impl.protect;

import io.hallows.kernel.impl.audit.AuditJournal;
import java.util.Collection;
import org.osgi.framework.hooks.resolver.ResolverHook;
import org.osgi.framework.hooks.resolver.ResolverHookFactory;
import org.osgi.framework.namespace.HostNamespace;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRequirement;
import org.osgi.framework.wiring.BundleRevision;

/**
 * Refuses two wirings that would hand a bundle the kernel's authority:
 * <ul>
 * <li>a fragment attaching to the kernel bundle: it would share the kernel's class loader and so
 *     pass the minting check (the kernel also refuses to start with a fragment attached, since
 *     this hook is not registered while the kernel itself is being resolved);</li>
 * <li>any bundle wiring to a package {@code io.hallows.kernel.api} exported by a bundle other than
 *     the kernel: a copy of the API could carry its own {@code Capability} class;</li>
 * <li>a bundle installed after the stack wiring to the OSGi Configurator extender without
 *     {@code service:kernel.config}: the Configurator would apply its configuration resources,
 *     partitions and grants included, with ConfigAdmin's authority.</li>
 * </ul>
 */
public final class ResolverGuard implements ResolverHookFactory {
    private static final String EXTENDER = "osgi.extender";
    private static final String CONFIGURATOR = "osgi.configurator";
    private static final String API = "io.hallows.kernel.api";

    private final Trust trust;
    private final AuditJournal audit;

    public ResolverGuard(Trust trust, AuditJournal audit) {
        this.trust = trust;
        this.audit = audit;
    }

    @Override
    public ResolverHook begin(Collection<BundleRevision> triggers) {
        return new ResolverHook() {
            @Override
            public void filterResolvable(Collection<BundleRevision> candidates) {
            }

            @Override
            public void filterSingletonCollisions(BundleCapability singleton, Collection<BundleCapability> collisionCandidates) {
            }

            @Override
            public void filterMatches(BundleRequirement requirement, Collection<BundleCapability> candidates) {
                BundleRevision requirer = requirement.getRevision();
                if (HostNamespace.HOST_NAMESPACE.equals(requirement.getNamespace())) {
                    if (candidates.removeIf(c -> trust.isKernel(c.getRevision().getBundle()))) {
                        audit.record("kernel", "deny", requirer.getSymbolicName(), "fragments cannot attach to the kernel");
                    }
                } else if (PackageNamespace.PACKAGE_NAMESPACE.equals(requirement.getNamespace())) {
                    if (candidates.removeIf(c -> API.equals(c.getAttributes().get(PackageNamespace.PACKAGE_NAMESPACE))
                            && !trust.isKernel(c.getRevision().getBundle()))) {
                        audit.record("kernel", "deny", requirer.getSymbolicName(), "wire to a copy of " + API + " not exported by the kernel");
                    }
                } else if (EXTENDER.equals(requirement.getNamespace())
                        && !trust.permits(requirer.getBundle(), Trust.CONFIG)
                        && candidates.removeIf(c -> CONFIGURATOR.equals(c.getAttributes().get(EXTENDER)))) {
                    audit.record("kernel", "deny", requirer.getSymbolicName(),
                            "wire to the Configurator: configuration resources need " + Trust.CONFIG);
                }
            }

            @Override
            public void end() {
            }
        };
    }
}
