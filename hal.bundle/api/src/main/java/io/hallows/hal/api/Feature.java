package io.hallows.hal.api;

/**
 * One HAL capability and how this machine provides it, as {@code hallows:hal} lists it.
 *
 * @param name   the call, e.g. {@code pin}, {@code counters.cycles}
 * @param support how it is answered here
 * @param detail  the mechanism ("sched_setaffinity(2) via JNR-FFI") or, when unsupported, why
 */
public record Feature(String name, Support support, String detail) {
}
