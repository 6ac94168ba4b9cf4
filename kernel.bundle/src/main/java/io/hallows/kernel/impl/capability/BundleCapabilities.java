package io.hallows.kernel.impl.capability;

import io.hallows.kernel.api.Capability;
import io.hallows.kernel.api.CapabilityRegistry;
import io.hallows.kernel.api.Right;
import java.util.List;
import java.util.Set;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceFactory;
import org.osgi.framework.ServiceRegistration;

/** Hands each bundle a {@link CapabilityRegistry} bound to that bundle. */
public final class BundleCapabilities implements ServiceFactory<CapabilityRegistry> {
    private final CapabilityTable table;

    public BundleCapabilities(CapabilityTable table) {
        this.table = table;
    }

    @Override
    public CapabilityRegistry getService(Bundle bundle, ServiceRegistration<CapabilityRegistry> registration) {
        return new Holder(bundle);
    }

    @Override
    public void ungetService(Bundle bundle, ServiceRegistration<CapabilityRegistry> registration, CapabilityRegistry service) {
        // Holders keep no resources.
    }

    private final class Holder implements CapabilityRegistry {
        private final Bundle bundle;

        Holder(Bundle bundle) {
            this.bundle = bundle;
        }

        @Override
        public List<Capability> held() {
            return table.heldBy(bundle.getBundleId());
        }

        @Override
        public Capability grant(Capability from, Bundle to, Set<Right> rights) {
            if (from == null || from.holderId() != bundle.getBundleId()) {
                throw new SecurityException(bundle.getSymbolicName() + " does not hold capability "
                        + (from == null ? "null" : "#" + from.id()));
            }
            from.checkValid();
            if (!table.isLive(from)) {
                throw new SecurityException("capability #" + from.id() + " was not issued by this kernel");
            }
            if (!from.permits(Right.GRANT)) {
                throw new SecurityException("capability #" + from.id() + " (" + from.resource() + " " + from.rights()
                        + ") does not carry GRANT");
            }
            return table.grantFrom(from, rights, to.getBundleId(), to.getSymbolicName(), bundle.getSymbolicName());
        }
    }
}
