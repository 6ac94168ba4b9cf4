package io.hallows.kernel.impl.scheduler;

import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Where a partition's submissions go, and the state of its switches between scheduler instances:
 * the one owner of the active lane, the submission target and the choice to roll back to.
 * {@link SwapProtocol} drives it, one switch at a time (it holds {@link #hold()} for a whole
 * switch); everyone else only reads it.
 *
 * <pre>
 *   EMPTY --install--> SERVING --switchTo--> SWITCHING --finish--> SERVING
 *     any state --close--> CLOSED (final)
 * </pre>
 *
 * SWITCHING: the new lane is already active and takes new submissions; the old one is being
 * emptied into it.
 */
final class Switchboard {
    /** The legal moves are declared here, once; {@link #move} enforces them. */
    enum State {
        EMPTY, SERVING, SWITCHING, CLOSED;

        Set<State> next() {
            return switch (this) {
                case EMPTY -> EnumSet.of(SERVING, CLOSED);
                case SERVING -> EnumSet.of(SWITCHING, CLOSED);
                case SWITCHING -> EnumSet.of(SERVING, CLOSED);
                case CLOSED -> EnumSet.noneOf(State.class);
            };
        }
    }

    /** A hold on the switchboard for one switch; closing it lets the next one in. */
    interface Held extends AutoCloseable {
        @Override
        void close();
    }

    private final ReentrantLock lock = new ReentrantLock();
    private volatile State state = State.EMPTY;
    private volatile Sink target;
    private volatile Lane active;
    private volatile SchedulerChoice previous;

    /** Where a submission goes now: the active lane, or a refusal once closed. */
    Sink target() {
        return target;
    }

    /** The lane serving the partition, or null before the first is installed. */
    Lane active() {
        return active;
    }

    /** The choice before the latest switch, for rollback; null if none was made. */
    SchedulerChoice previous() {
        return previous;
    }

    State state() {
        return state;
    }

    /** Waits for any switch under way to end, and keeps others out until the hold is closed. */
    Held hold() {
        lock.lock();
        return lock::unlock;
    }

    /** The partition's first lane. */
    void install(Lane first) {
        move(State.EMPTY, State.SERVING);
        active = first;
        target = first;
    }

    /**
     * The fence of a switch: from now on new submissions go to {@code fresh}, and it is the active
     * lane; the old one still owns what it was given, until the protocol moves it and calls {@link #finish}.
     */
    void switchTo(Lane fresh) {
        move(State.SERVING, State.SWITCHING);
        previous = active.choice;
        active = fresh;
        target = fresh;
    }

    /** The old lane has been emptied into the active one. */
    void finish() {
        move(State.SWITCHING, State.SERVING);
    }

    /** Refuses submissions from now on with {@code refusal}; returns the lane that was serving, or null. */
    Lane close(Sink refusal) {
        try (Held held = hold()) {
            if (state != State.CLOSED) {
                move(state, State.CLOSED);
            }
            target = refusal;
            return active;
        }
    }

    private void move(State from, State to) {
        if (!lock.isHeldByCurrentThread()) {
            throw new IllegalStateException("switchboard: " + from + " -> " + to + " outside a hold");
        }
        if (state != from || !from.next().contains(to)) {
            throw new IllegalStateException("switchboard: cannot go " + state + " -> " + to);
        }
        state = to;
    }
}
