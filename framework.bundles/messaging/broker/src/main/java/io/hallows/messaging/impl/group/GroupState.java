package io.hallows.messaging.impl.group;

import java.util.EnumSet;
import java.util.Set;

/**
 * The states of a classic group, named as Kafka names them, with the transitions Kafka allows:
 * the state machine is declared here and nowhere else.
 */
enum GroupState {
    /** No members; the group may still have committed offsets. */
    EMPTY("Empty"),
    /** Waiting for the members to (re)join. */
    PREPARING_REBALANCE("PreparingRebalance"),
    /** Joined; waiting for the leader's assignment. */
    COMPLETING_REBALANCE("CompletingRebalance"),
    /** Every member has its assignment. */
    STABLE("Stable"),
    /** Removed: no members, no offsets. */
    DEAD("Dead");

    private final String kafkaName;

    GroupState(String kafkaName) {
        this.kafkaName = kafkaName;
    }

    /** The name Kafka's DescribeGroups and ListGroups use. */
    String kafkaName() {
        return kafkaName;
    }

    /** The states this one may be left for. */
    Set<GroupState> next() {
        return switch (this) {
            case EMPTY -> EnumSet.of(PREPARING_REBALANCE, DEAD);
            case PREPARING_REBALANCE -> EnumSet.of(COMPLETING_REBALANCE, EMPTY, DEAD);
            case COMPLETING_REBALANCE -> EnumSet.of(PREPARING_REBALANCE, STABLE, DEAD);
            case STABLE -> EnumSet.of(PREPARING_REBALANCE, DEAD);
            case DEAD -> EnumSet.noneOf(GroupState.class);
        };
    }

    /** Whether a rebalance may start from this state. */
    boolean canRebalance() {
        return this == EMPTY || this == COMPLETING_REBALANCE || this == STABLE;
    }

    /** The state whose Kafka name is {@code name}, ignoring case, or null. */
    static GroupState byKafkaName(String name) {
        for (GroupState s : values()) {
            if (s.kafkaName.equalsIgnoreCase(name)) {
                return s;
            }
        }
        return null;
    }
}
