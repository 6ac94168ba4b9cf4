package io.hallows.kernel.api;

/**
 * The lifecycle of a partition:
 * {@code DECLARED → STARTING → RUNNING → RESTARTING | QUARANTINED → STOPPED}.
 */
public enum PartitionState {
    /** Configured and accepted; its bundles have not been started yet. */
    DECLARED,
    /** Its bundles are being started. */
    STARTING,
    /** All its bundles are active. */
    RUNNING,
    /** A fault stopped its bundles; they start again after the backoff delay. */
    RESTARTING,
    /** Too many restarts within the window: stopped until an operator releases it. */
    QUARANTINED,
    /** Stopped by an operator or because its configuration was deleted. */
    STOPPED;

    /** The lower case name used in the shell and the admin API. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
