package io.hallows.kernel.api;

import java.util.List;
import java.util.Set;
import org.osgi.annotation.versioning.ProviderType;
import org.osgi.framework.Bundle;

/**
 * What a bundle uses to see and pass on its own capabilities. Each bundle gets its own instance
 * (a service factory): {@link #held()} never shows another bundle's capabilities.
 */
@ProviderType
public interface CapabilityRegistry {
    /** The valid capabilities the calling bundle holds. */
    List<Capability> held();

    /**
     * Passes a capability derived from {@code from}, with {@code rights}, to {@code to}.
     *
     * @throws SecurityException if {@code from} is not held by the calling bundle or lacks {@link Right#GRANT}
     * @throws IllegalArgumentException if {@code rights} would widen {@code from}
     * @throws CapabilityRevokedException if {@code from} was revoked
     */
    Capability grant(Capability from, Bundle to, Set<Right> rights);
}
