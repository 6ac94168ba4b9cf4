package io.hallows.kernel.api;

import java.time.Instant;
import java.util.List;

/**
 * What an operator sees of a partition at one moment.
 *
 * @param name the partition's name
 * @param state its lifecycle state
 * @param cpus the cpus it owns, as a cpu list ({@code 0-1}, {@code 3,5})
 * @param exclusive whether no other exclusive partition may own the same cpus
 * @param scheduler the service filter choosing its scheduler
 * @param restartPolicy its restart policy
 * @param bundlePatterns the symbolic name patterns of the bundles it supervises
 * @param bundles the installed bundles it supervises, as {@code name[id] state}
 * @param grants the capabilities the stack grants to its bundles
 * @param restarts restarts within the current window
 * @param totalRestarts restarts since the kernel started
 * @param lastFault the most recent fault, or null
 * @param lastFaultTime when it happened, or null
 * @param since when it entered its current state
 * @param rejected the error of the last rejected configuration change, or null if the last change was accepted
 */
public record PartitionStatus(String name, PartitionState state, String cpus, boolean exclusive, String scheduler,
        RestartPolicy restartPolicy, List<String> bundlePatterns, List<String> bundles, List<String> grants,
        int restarts, int totalRestarts, String lastFault, Instant lastFaultTime, Instant since, String rejected) {
}
