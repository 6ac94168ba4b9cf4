package io.hallows.kernel.impl.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LatencyHistogramTest {
    @Test
    void quantilesAreWithinOneBucketOfTheTruth() {
        LatencyHistogram h = new LatencyHistogram();
        for (long v = 1; v <= 100_000; v++) {
            h.record(v * 1000);
        }
        assertWithin(50_000_000, h.quantile(0.5));
        assertWithin(99_000_000, h.quantile(0.99));
        assertWithin(99_900_000, h.quantile(0.999));
    }

    @Test
    void emptyAndTinyValues() {
        LatencyHistogram h = new LatencyHistogram();
        assertEquals(0, h.quantile(0.5));
        h.record(0);
        h.record(3);
        assertEquals(3, h.quantile(1.0));
    }

    private static void assertWithin(long expected, long actual) {
        assertTrue(actual <= expected && actual >= expected * 7 / 8, "expected about " + expected + " but was " + actual);
    }
}
