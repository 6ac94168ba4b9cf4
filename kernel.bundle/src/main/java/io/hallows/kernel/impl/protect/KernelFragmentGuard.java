package io.hallows.kernel.impl.protect;

import io.hallows.kernel.impl.audit.AuditJournal;
import java.util.Collection;
import org.osgi.framework.hooks.resolver.ResolverHook;
import org.osgi.framework.hooks.resolver.ResolverHookFactory;
import org.osgi.framework.namespace.HostNamespace;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRequirement;
import org.osgi.framework.wiring.BundleRevision;

/**
 * Refuses fragments that try to attach to the kernel bundle: a fragment shares its host's class
 * loader, so it would pass the kernel's minting check.
 */
public final class KernelFragmentGuard implements ResolverHookFactory {
    private final long kernel;
    private final AuditJournal audit;

    public KernelFragmentGuard(long kernel, AuditJournal audit) {
        this.kernel = kernel;
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
                if (!HostNamespace.HOST_NAMESPACE.equals(requirement.getNamespace())) {
                    return;
                }
                if (candidates.removeIf(c -> c.getRevision().getBundle().getBundleId() == kernel)) {
                    audit.record("kernel", "deny", requirement.getRevision().getSymbolicName(),
                            "fragments cannot attach to the kernel");
                }
            }

            @Override
            public void end() {
            }
        };
    }
}
