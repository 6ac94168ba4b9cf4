package io.hallows.kernel.impl.partition;

import io.hallows.kernel.api.PartitionState;
import java.util.EnumSet;
import java.util.Set;

/**
 * The partition lifecycle, declared once: each constant names the {@link PartitionState} it
 * stands for and the states it may go to. {@link Partition#setState} refuses any other change.
 * The table is drawn in docs/kernel.md ("Partition lifecycle").
 */
enum Lifecycle {
    /** Accepted, not started yet: the supervisor starts it, or an operator holds it first. */
    DECLARED(PartitionState.DECLARED, PartitionState.STARTING, PartitionState.QUARANTINED, PartitionState.STOPPED),
    /**
     * Its bundles are starting: all started, a bundle failed (a fault), or an activator or
     * operator acted on the partition meanwhile.
     */
    STARTING(PartitionState.STARTING, PartitionState.RUNNING, PartitionState.RESTARTING, PartitionState.QUARANTINED,
            PartitionState.STOPPED),
    RUNNING(PartitionState.RUNNING, PartitionState.RESTARTING, PartitionState.QUARANTINED, PartitionState.STOPPED),
    /** Waiting out its backoff; an operator's restart replaces the pending one (a restart again). */
    RESTARTING(PartitionState.RESTARTING, PartitionState.STARTING, PartitionState.RESTARTING, PartitionState.QUARANTINED,
            PartitionState.STOPPED),
    /** Held until released; only a release starts it again. */
    QUARANTINED(PartitionState.QUARANTINED, PartitionState.STARTING, PartitionState.STOPPED),
    /** Held until released; an operator may still quarantine it. */
    STOPPED(PartitionState.STOPPED, PartitionState.STARTING, PartitionState.QUARANTINED);

    private final PartitionState state;
    private final Set<PartitionState> successors;

    Lifecycle(PartitionState state, PartitionState first, PartitionState... rest) {
        this.state = state;
        this.successors = EnumSet.of(first, rest);
    }

    static Lifecycle of(PartitionState state) {
        return valueOf(state.name());
    }

    PartitionState state() {
        return state;
    }

    boolean mayGoTo(PartitionState next) {
        return successors.contains(next);
    }

    /** The states this one may go to, in declaration order. */
    Set<PartitionState> successors() {
        return EnumSet.copyOf(successors);
    }

    /** Its bundles are (being) run or about to be restarted: a fault counts against its budget. */
    boolean supervised() {
        return this == STARTING || this == RUNNING || this == RESTARTING;
    }

    /** Held by a decision (quarantine, stop) that only a release undoes. */
    boolean held() {
        return this == QUARANTINED || this == STOPPED;
    }

    /** Refuses {@code next} unless this state may go to it. */
    void require(String partition, PartitionState next) {
        if (!mayGoTo(next)) {
            throw new IllegalStateException("partition '" + partition + "' is " + state.label() + " and cannot become "
                    + next.label() + " (from " + state.label() + " it may become " + String.join(", ",
                            successors.stream().map(PartitionState::label).toList()) + ")");
        }
    }
}
