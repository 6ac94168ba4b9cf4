package io.hallows.kernel.impl.protect;

import io.hallows.kernel.api.AuditEntry;
import io.hallows.kernel.api.Capability;
import io.hallows.kernel.api.Resource;
import io.hallows.kernel.api.Right;
import io.hallows.kernel.impl.EmbeddedFelix;
import io.hallows.kernel.impl.audit.AuditJournal;
import io.hallows.kernel.impl.capability.CapabilityTable;
import java.util.Set;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * A framework with a stand-in kernel bundle, bundles the stack installed before it (so
 * infrastructure: one started, one that needs the Configurator) and the kernel's capability table and trust, as the activator builds them.
 */
final class KernelFixture implements AutoCloseable {
    final EmbeddedFelix felix;
    final Bundle stackBundle;
    final Bundle stackConfigurationUser;
    final Bundle kernel;
    final AuditJournal audit = AuditJournal.inMemory();
    final CapabilityTable table = new CapabilityTable(audit);
    final Trust trust;

    /** @param kernelHeaders manifest headers of the stand-in kernel (name, value…) */
    KernelFixture(String... kernelHeaders) throws Exception {
        felix = EmbeddedFelix.launch();
        stackBundle = felix.start("test.stack.lib");
        stackConfigurationUser = felix.install("test.stack.configured",
                "Require-Capability", "osgi.extender;filter:=\"(osgi.extender=osgi.configurator)\"");
        kernel = felix.start("test.kernel", kernelHeaders);
        trust = Trust.ofStackInstalledBefore(kernel.getBundleContext(), table);
    }

    BundleContext kernelContext() {
        return kernel.getBundleContext();
    }

    Capability grant(Bundle holder, Resource resource, Right... rights) {
        return table.grant(resource, Set.of(rights), holder.getBundleId(), holder.getSymbolicName(), "test");
    }

    /**
     * A service object that hands out nothing: as a service factory, the framework checks it against
     * the registered types only when it hands it out, so a test can register it under any type name.
     */
    static org.osgi.framework.ServiceFactory<Object> anyType() {
        return new org.osgi.framework.ServiceFactory<>() {
            @Override
            public Object getService(Bundle bundle, org.osgi.framework.ServiceRegistration<Object> registration) {
                return null;
            }

            @Override
            public void ungetService(Bundle bundle, org.osgi.framework.ServiceRegistration<Object> registration, Object service) {
            }
        };
    }

    /** Whether the audit log has an entry whose detail contains {@code text}. */
    boolean audited(String action, String text) {
        return audit.recent(1000).stream().map(AuditEntry.class::cast)
                .anyMatch(e -> e.action().equals(action) && e.detail().contains(text));
    }

    @Override
    public void close() throws Exception {
        felix.close();
    }
}
