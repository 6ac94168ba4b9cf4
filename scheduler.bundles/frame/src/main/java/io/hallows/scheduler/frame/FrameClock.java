package io.hallows.scheduler.frame;

/**
 * The grid of ticks, in {@link System#nanoTime()} units: tick {@code n} is {@code n / rate} seconds
 * after the origin. Each tick is computed from its index, exactly and without overflow, so that
 * errors never accumulate however long the instance runs.
 */
final class FrameClock {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final long origin;
    private final int rate;

    FrameClock(long origin, int rate) {
        this.origin = origin;
        this.rate = rate;
    }

    /** The time of tick {@code n}: origin + floor(n * 1e9 / rate). */
    long tick(long n) {
        return origin + n / rate * NANOS_PER_SECOND + n % rate * NANOS_PER_SECOND / rate;
    }

    /** The index of the first tick at or after {@code time}, which must not precede the origin. */
    long firstTickFrom(long time) {
        long elapsed = time - origin;
        long last = elapsed / NANOS_PER_SECOND * rate + elapsed % NANOS_PER_SECOND * rate / NANOS_PER_SECOND;
        return tick(last) == time ? last : last + 1;
    }

    int rate() {
        return rate;
    }
}
