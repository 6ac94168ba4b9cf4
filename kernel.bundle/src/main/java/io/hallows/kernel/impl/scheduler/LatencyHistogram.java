package io.hallows.kernel.impl.scheduler;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A lock-free log-linear histogram of nanosecond durations: each power of two is split in
 * {@value #SUB} buckets, so a percentile is within 1/{@value #SUB} (12.5%) of the true value.
 */
final class LatencyHistogram {
    private static final int SUB_BITS = 3;
    private static final int SUB = 1 << SUB_BITS;
    private final AtomicLongArray counts = new AtomicLongArray(64 * SUB);

    void record(long nanos) {
        counts.incrementAndGet(bucket(Math.max(1, nanos)));
    }

    static int bucket(long v) {
        int exp = 63 - Long.numberOfLeadingZeros(v);
        if (exp < SUB_BITS) {
            return (int) v;
        }
        int sub = (int) (v >>> (exp - SUB_BITS)) & (SUB - 1);
        return exp * SUB + sub;
    }

    /** The smallest value the bucket holds. */
    static long lowest(int bucket) {
        int exp = bucket / SUB;
        int sub = bucket % SUB;
        if (exp < SUB_BITS) {
            return bucket;
        }
        return (1L << exp) | ((long) sub << (exp - SUB_BITS));
    }

    /** The value at quantile {@code q} (0..1), in nanoseconds; 0 when empty. Reads race with writers harmlessly. */
    long quantile(double q) {
        long total = 0;
        long[] snapshot = new long[counts.length()];
        for (int i = 0; i < snapshot.length; i++) {
            snapshot[i] = counts.get(i);
            total += snapshot[i];
        }
        if (total == 0) {
            return 0;
        }
        long rank = (long) Math.ceil(q * total);
        long seen = 0;
        for (int i = 0; i < snapshot.length; i++) {
            seen += snapshot[i];
            if (seen >= rank) {
                return lowest(i);
            }
        }
        return lowest(snapshot.length - 1);
    }
}
