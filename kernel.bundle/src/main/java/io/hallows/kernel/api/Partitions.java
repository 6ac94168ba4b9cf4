package io.hallows.kernel.api;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Partitions and their supervisor, as operators and partition code see them. Partitions are
 * declared through ConfigAdmin (factory PID {@value KernelConstants#PARTITION_PID}); this service
 * reports on them and drives their lifecycle.
 *
 * <p>This service is itself protected: bundles need {@code service:kernel.partitions} with
 * {@link Right#CALL} to see it, and then a capability on each partition they act on:
 * {@code partition:<name>} with {@link Right#READ} to list it, see its status or wait for it,
 * {@link Right#WRITE} to report a fault, {@link Right#ADMIN} to restart, stop, quarantine or
 * release it. Partitions a bundle may not read are left out of {@link #list()}; other operations
 * without the right throw {@link SecurityException}.
 */
@ProviderType
public interface Partitions {
    /** Every configured partition, ordered by name. */
    List<PartitionStatus> list();

    /** The partition called {@code name}, if there is one (through the proxy: if it may be read). */
    Optional<PartitionStatus> status(String name);

    /**
     * Reports a fault in a partition (repeated task failures, a stalled worker…). The supervisor
     * restarts the partition with backoff, or quarantines it when its restart budget is spent.
     *
     * @throws IllegalArgumentException if there is no such partition
     */
    void reportFault(String name, String reason);

    /**
     * Stops and starts the partition's bundles now.
     *
     * @throws IllegalArgumentException if there is no such partition
     * @throws IllegalStateException if it is quarantined or stopped: release it instead
     */
    void restart(String name);

    /** Stops the partition's bundles and holds it quarantined. @throws IllegalArgumentException if unknown */
    void quarantine(String name);

    /** Stops the partition's bundles and holds it stopped until released. @throws IllegalArgumentException if unknown */
    void stop(String name);

    /**
     * Takes a partition out of quarantine (or stopped) and starts it, with a fresh restart budget.
     *
     * @throws IllegalArgumentException if there is no such partition
     * @throws IllegalStateException if it is neither quarantined nor stopped
     */
    void release(String name);

    /**
     * Waits until the partition is in {@code state}.
     *
     * @return true if it reached the state, false on timeout
     * @throws InterruptedException if the waiting thread is interrupted
     */
    boolean await(String name, PartitionState state, Duration timeout) throws InterruptedException;
}
