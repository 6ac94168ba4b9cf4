package io.hallows.messaging.impl.group;

import java.util.List;

/**
 * A group now.
 *
 * @param state Kafka's name of the group state (Empty, PreparingRebalance, CompletingRebalance, Stable, Dead)
 * @param protocolType {@code consumer} for Kafka consumers, or empty
 * @param protocol the chosen assignor (range, cooperative-sticky, ...), or empty
 * @param members the members: id, client id, host, assigned partitions
 * @param offsets the committed offsets, by topic and partition
 */
public record GroupSummary(String group, String state, String protocolType, String protocol, int generation,
        List<Member> members, List<Committed> offsets) {
    public GroupSummary {
        members = List.copyOf(members);
        offsets = List.copyOf(offsets);
    }

    /** A member and the partitions assigned to it ("topic-partition"). */
    public record Member(String memberId, String clientId, String host, List<String> assignment) {
    }

    /** A committed offset. */
    public record Committed(String topic, int partition, long offset) {
    }
}
