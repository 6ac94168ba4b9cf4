package io.hallows.kernel.api;

/**
 * A right carried by a {@link Capability}. A capability's rights only ever shrink along a
 * derivation chain.
 */
public enum Right {
    /** Observe the object: read its state, list it. */
    READ,
    /** Change the object's state. */
    WRITE,
    /** Invoke the object: call a protected service through its revocable proxy. */
    CALL,
    /** Pass a derived capability to another holder. */
    GRANT,
    /** Administer the object: restart, quarantine, reconfigure. */
    ADMIN,
    /**
     * Provide the object to the kernel: on {@code scheduler:<policy>}, register the
     * {@code SchedulerFactory} service of the scheduling policy called {@code <policy>}.
     *
     * @since 0.4.0
     */
    PROVIDE
}
