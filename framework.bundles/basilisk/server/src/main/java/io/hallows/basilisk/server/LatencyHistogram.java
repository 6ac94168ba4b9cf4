package io.hallows.basilisk.server;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Latencies in microseconds, in log-scale buckets: eight per power of two, so a percentile is
 * off by at most about 9 %. Lock-free; a percentile read while others record is approximate.
 * (HdrHistogram is not in the build; this is all {@code basilisk:routes} needs.)
 */
final class LatencyHistogram {
    private static final int SUB = 8;
    private static final int SUB_BITS = 3;
    /** Powers of two up to 2^40 µs (12 days): anything longer lands in the last bucket. */
    private static final int BUCKETS = 41 * SUB;
    private final AtomicLongArray counts = new AtomicLongArray(BUCKETS);

    void record(long micros) {
        counts.incrementAndGet(bucket(Math.max(0, micros)));
    }

    static int bucket(long v) {
        if (v < SUB) {
            return (int) v;
        }
        int power = 63 - Long.numberOfLeadingZeros(v); // >= SUB_BITS
        int sub = (int) (v >>> (power - SUB_BITS)) & (SUB - 1);
        return Math.min(BUCKETS - 1, (power - SUB_BITS + 1) * SUB + sub);
    }

    /** The largest value bucket {@code b} holds. */
    static long upperBound(int b) {
        if (b < SUB) {
            return b;
        }
        int power = b / SUB + SUB_BITS - 1;
        int sub = b % SUB;
        long low = (long) (SUB + sub) << (power - SUB_BITS);
        return low + (1L << (power - SUB_BITS)) - 1;
    }

    /** The value under which {@code fraction} of the recorded ones fall (0 when none). */
    long percentile(double fraction) {
        long total = 0;
        long[] snapshot = new long[BUCKETS];
        for (int i = 0; i < BUCKETS; i++) {
            snapshot[i] = counts.get(i);
            total += snapshot[i];
        }
        if (total == 0) {
            return 0;
        }
        long rank = Math.max(1, (long) Math.ceil(fraction * total));
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += snapshot[i];
            if (seen >= rank) {
                return upperBound(i);
            }
        }
        return upperBound(BUCKETS - 1);
    }
}
