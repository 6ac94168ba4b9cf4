package io.hallows.kernel.api;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One switch of a partition's scheduler.
 *
 * @param at when the switch finished
 * @param from the scheduler switched out, as {@code name/bundle-version}
 * @param to the scheduler switched in, as {@code name/bundle-version}
 * @param reason why {@code from} stopped serving
 * @param detail what happened, in words (the error, the stalled task, who asked)
 * @param pauseNanos how long new submissions were held back from every scheduler
 * @param handedBack how many queued tasks moved from {@code from} to {@code to}
 * @param handoverNanos from the start of the switch until every task moved from {@code from} was
 *        with {@code to}: how long a moved task waited at most because of the switch
 * @param stepNanos the time of each step of the switch, in the order they ran (for example
 *        {@code quiesce}, {@code transfer}, {@code handBack}, {@code deactivate}, {@code preload}); empty if not recorded
 */
public record SwapRecord(Instant at, String from, String to, ExitReason reason, String detail, long pauseNanos,
        int handedBack, long handoverNanos, Map<String, Long> stepNanos) {

    /** Keeps the steps in their order, unmodifiable. */
    public SwapRecord {
        stepNanos = stepNanos == null || stepNanos.isEmpty() ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(stepNanos));
    }

    /** A switch whose steps were not recorded: the handover is the pause. */
    public SwapRecord(Instant at, String from, String to, ExitReason reason, String detail, long pauseNanos, int handedBack) {
        this(at, from, to, reason, detail, pauseNanos, handedBack, pauseNanos, Map.of());
    }
}
