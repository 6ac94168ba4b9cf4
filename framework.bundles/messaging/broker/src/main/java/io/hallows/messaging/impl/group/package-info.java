/**
 * Consumer groups with Kafka's classic protocol: the coordinator's state machine (join, sync,
 * heartbeat, leave, rebalance and session timeouts), committed offsets kept durably in the data
 * area, and the groups' description for the shell and the AdminClient.
 *
 * <h2>Shape</h2>
 * <ul>
 * <li>{@link io.hallows.messaging.impl.group.GroupManager} implements the contract
 * {@link io.hallows.messaging.impl.group.GroupCoordinator}: it finds the group of a request, takes
 * that group's lock (never a global one), and completes the answers the operation made ready once
 * the lock is released. Vert.x timers run their work as keyed tasks ({@code group:<name>}) of the
 * log partition, under the same lock.</li>
 * <li>{@code ClassicGroup} is one group's state machine; {@code GroupState} declares the states
 * with Kafka's names and the legal transitions (Empty → PreparingRebalance → CompletingRebalance →
 * Stable, back to PreparingRebalance on any change; Dead once removed); {@code Membership} holds
 * who is in the group; {@code JoinDeadline} ends a join phase (Kafka's DelayedJoin and
 * InitialDelayedJoin).</li>
 * <li>{@code OffsetStore} keeps committed offsets in {@code offsets.log}: records framed as
 * {@code length, crc32c, payload}, appended, forced before a commit is answered (one force for
 * every commit written meanwhile), applied to memory in file order after the force; at open a torn
 * tail is cut (WARN) and a file mostly made of superseded records is rewritten.</li>
 * </ul>
 *
 * <h2>Protocol versions handled</h2>
 * JoinGroup v0–9, SyncGroup v0–5, Heartbeat v0–4, LeaveGroup v0–5, OffsetCommit v2–9 and
 * OffsetFetch v1–9 (their v10 names topics by id), ListGroups v0–5, DescribeGroups v0–6.
 *
 * <h2>Differences from Kafka</h2>
 * Group membership is not persisted: after a restart members get UNKNOWN_MEMBER_ID (or, committing,
 * ILLEGAL_GENERATION) and rejoin, as after a coordinator move. A static member that restarts takes a
 * new member id and fences the old one; if it led the group, the group rebalances (Kafka skips that
 * rebalance with JoinGroup v9's SkipAssignment). Committed offsets do not expire ({@code offsets.retention.minutes}); they go with their
 * topic. A group without members or offsets is removed at once (Kafka keeps it Empty until its
 * periodic cleanup).
 */
package io.hallows.messaging.impl.group;
