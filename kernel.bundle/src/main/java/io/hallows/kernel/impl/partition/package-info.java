/**
 * Partitions: their validated configuration, their lifecycle and their supervisor.
 * <ul>
 * <li>{@link io.hallows.kernel.impl.partition.Lifecycle} declares which state may follow which;
 *     {@code Partition.setState} is the only way a state changes;</li>
 * <li>{@code Supervisor} starts, stops, restarts (with backoff) and quarantines partitions' bundles,
 *     every action on the one {@code SupervisorThread};</li>
 * <li>{@link io.hallows.kernel.impl.partition.PartitionManager} assembles the parts and is the
 *     {@code Partitions} service; {@code ConfigIntake} takes configurations from ConfigAdmin,
 *     {@code MemberEvents} follows installed bundles, {@code PartitionTable} holds the partitions,
 *     {@code Verdicts} tells waiters what became of a change;</li>
 * <li>{@code Membership} says which partition a bundle belongs to; {@code StackGrants} keeps the
 *     capabilities a stack grants to members in step with membership.</li>
 * </ul>
 * See docs/kernel.md, "Partition lifecycle" and "Supervisor and restart policy".
 */
package io.hallows.kernel.impl.partition;
