package io.hallows.messaging.impl.group;

/**
 * When a rebalance's join phase ends at the latest, as Kafka's DelayedJoin and InitialDelayedJoin:
 * after the longest rebalance timeout of the members, or, for the first rebalance of an empty group,
 * after {@code group.initial.rebalance.delay.ms}, extended by as much each time a member joined
 * meanwhile, up to the rebalance timeout. During that initial delay the join phase never ends early.
 * Guarded by the group's lock.
 */
final class JoinDeadline {
    private final ClassicGroup group;
    private final ClassicGroup.Timers timers;
    private final int initialDelayMs;
    private boolean initialDelay;
    private boolean newMemberAdded;
    private long timer = -1;
    /** Counts join phases, so that a timer of an earlier one does nothing. */
    private int phase;

    JoinDeadline(ClassicGroup group, ClassicGroup.Timers timers, int initialDelayMs) {
        this.group = group;
        this.timers = timers;
        this.initialDelayMs = initialDelayMs;
    }

    /** Starts a join phase; {@code expired} runs under the group's lock when it must end. */
    void start(boolean first, int rebalanceTimeoutMs, Runnable expired) {
        timers.cancel(timer);
        int token = ++phase;
        if (first && initialDelayMs > 0) {
            // The first members of a new group usually start together: waiting a little saves a
            // rebalance per member.
            initialDelay = true;
            newMemberAdded = false;
            int delay = Math.min(initialDelayMs, rebalanceTimeoutMs);
            scheduleInitial(token, delay, Math.max(rebalanceTimeoutMs - delay, 0), expired);
        } else {
            initialDelay = false;
            timer = timers.schedule(group, rebalanceTimeoutMs, () -> {
                if (token == phase) {
                    expired.run();
                }
            });
        }
    }

    private void scheduleInitial(int token, int delayMs, int remainingMs, Runnable expired) {
        timer = timers.schedule(group, delayMs, () -> {
            if (token != phase) {
                return;
            }
            if (newMemberAdded && remainingMs > 0) {
                newMemberAdded = false;
                int delay = Math.min(initialDelayMs, remainingMs);
                scheduleInitial(token, delay, Math.max(remainingMs - delay, 0), expired);
            } else {
                expired.run();
            }
        });
    }

    /** A member joined during the phase: the initial delay goes on. */
    void memberAdded() {
        if (initialDelay) {
            newMemberAdded = true;
        }
    }

    /** Whether the phase may end as soon as every member has rejoined. */
    boolean mayEndEarly() {
        return !initialDelay;
    }

    /** The phase ended. */
    void stop() {
        timers.cancel(timer);
        timer = -1;
        initialDelay = false;
        phase++;
    }
}
