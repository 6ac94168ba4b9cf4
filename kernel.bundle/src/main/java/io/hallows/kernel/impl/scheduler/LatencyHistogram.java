package io.hallows.kernel.impl.scheduler;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A log-linear histogram of nanosecond durations with one writer: each power of two is split in
 * {@value #SUB} buckets, so a percentile is within 1/{@value #SUB} (12.5%) of the true value.
 *
 * <p>One histogram per worker thread, written only by that thread with plain increments published
 * by a release store (no atomic read-modify-write on the task path: two workers sharing one
 * histogram bounced its cache lines on every completion). Readers {@link #addTo add} the counts of
 * every worker's histogram into one array and take quantiles of that; a read races harmlessly
 * with the writer (a count seen one short).
 */
final class LatencyHistogram {
    private static final int SUB_BITS = 3;
    private static final int SUB = 1 << SUB_BITS;
    static final int BUCKETS = 64 * SUB;
    private static final VarHandle COUNT = MethodHandles.arrayElementVarHandle(long[].class);
    private final long[] counts = new long[BUCKETS];

    /** On the owning thread only. */
    void record(long nanos) {
        int b = bucket(Math.max(1, nanos));
        COUNT.setRelease(counts, b, counts[b] + 1);
    }

    /** Adds this histogram's counts, as published, into {@code sum} (of {@link #BUCKETS} entries). */
    void addTo(long[] sum) {
        for (int i = 0; i < BUCKETS; i++) {
            sum[i] += (long) COUNT.getAcquire(counts, i);
        }
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

    /** The value at quantile {@code q} (0..1) of this histogram alone, in nanoseconds; 0 when empty. */
    long quantile(double q) {
        long[] snapshot = new long[BUCKETS];
        addTo(snapshot);
        return quantile(snapshot, q);
    }

    /** The value at quantile {@code q} (0..1) of bucket counts {@code counts}, in nanoseconds; 0 when empty. */
    static long quantile(long[] counts, double q) {
        long total = 0;
        for (long c : counts) {
            total += c;
        }
        if (total == 0) {
            return 0;
        }
        long rank = (long) Math.ceil(q * total);
        long seen = 0;
        for (int i = 0; i < counts.length; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return lowest(i);
            }
        }
        return lowest(counts.length - 1);
    }
}
