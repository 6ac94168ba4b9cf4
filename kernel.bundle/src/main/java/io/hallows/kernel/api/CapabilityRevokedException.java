package io.hallows.kernel.api;

/**
 * Thrown when a revoked capability is used, for example by the next call on a protected
 * service's proxy after the holder's capability was revoked.
 */
public final class CapabilityRevokedException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    private final long capabilityId;

    /** @param capability the capability that was used after revocation */
    public CapabilityRevokedException(Capability capability) {
        super("capability #" + capability.id() + " (" + capability.resource() + " " + capability.rights()
                + ") held by '" + capability.holderName() + "' was revoked");
        this.capabilityId = capability.id();
    }

    /** The id of the revoked capability. */
    public long capabilityId() {
        return capabilityId;
    }
}
