package io.hallows.kernel.api;

import java.time.Instant;

/**
 * One switch of a partition's scheduler.
 *
 * @param at when the switch finished
 * @param from the scheduler switched out, as {@code name/bundle-version}
 * @param to the scheduler switched in, as {@code name/bundle-version}
 * @param reason why {@code from} stopped serving
 * @param detail what happened, in words (the error, the stalled task, who asked)
 * @param pauseNanos how long new submissions waited in the kernel's bypass queue
 * @param handedBack how many queued tasks moved from {@code from} to {@code to}
 */
public record SwapRecord(Instant at, String from, String to, ExitReason reason, String detail, long pauseNanos,
        int handedBack) {
}
