package io.hallows.kernel.impl.protect;

import io.hallows.kernel.impl.audit.AuditJournal;
import io.hallows.kernel.impl.capability.Holders;
import java.util.function.Predicate;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceFactory;
import org.osgi.framework.ServiceRegistration;

/**
 * Registers one of the kernel's own service objects so that only the bundles it is meant for
 * receive it, however they reached the reference ({@code Bundle.getRegisteredServices()} is not
 * filtered by find hooks). Everyone else gets null, and the attempt is audited.
 */
public final class GatedService<T> implements ServiceFactory<T> {
    private final T service;
    private final Predicate<Bundle> allowed;
    private final String name;
    private final AuditJournal audit;

    public GatedService(T service, Predicate<Bundle> allowed, String name, AuditJournal audit) {
        this.service = service;
        this.allowed = allowed;
        this.name = name;
        this.audit = audit;
    }

    @Override
    public T getService(Bundle bundle, ServiceRegistration<T> registration) {
        if (allowed.test(bundle)) {
            return service;
        }
        audit.record("kernel", "deny", Holders.describe(bundle), "get kernel service " + name + ": not for this bundle");
        return null;
    }

    @Override
    public void ungetService(Bundle bundle, ServiceRegistration<T> registration, T service) {
        // Nothing is held per bundle.
    }
}
