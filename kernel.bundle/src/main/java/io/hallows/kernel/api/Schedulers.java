package io.hallows.kernel.api;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Scheduling, as operators see it: installed policies, each partition's figures, swaps and
 * rollbacks. A swap follows the kernel's protocol: new submissions wait in a FIFO bypass, the old
 * instance hands back what it has not started, the new one receives those before any new
 * submission; no task is lost or run twice and per-key order holds.
 *
 * <p>Protected service {@code kernel.schedulers}. Through the kernel's proxy each operation also
 * needs {@code partition:<name>}: READ for {@link #stats}, ADMIN for {@link #swap} and
 * {@link #rollback}; otherwise {@link SecurityException}.
 */
@ProviderType
public interface Schedulers {
    /** The installed policies, by name, the built-in {@code fifo} included. */
    List<SchedulerInfo> installed();

    /**
     * The partition's figures.
     *
     * @throws IllegalArgumentException if there is no such partition
     */
    SchedulerStats stats(String partition);

    /**
     * Switches the partition to the policy called {@code scheduler} (its newest installed
     * revision) and keeps it there until another swap, a rollback or a watchdog revert.
     *
     * @return the switch that was made
     * @throws IllegalArgumentException if there is no such partition or policy; nothing changes
     */
    SwapRecord swap(String partition, String scheduler);

    /**
     * Switches the partition back to the scheduler it had before the latest switch.
     *
     * @return the switch that was made
     * @throws IllegalArgumentException if there is no such partition
     * @throws IllegalStateException if it has not switched yet, or that scheduler is no longer installed; nothing changes
     */
    SwapRecord rollback(String partition);
}
