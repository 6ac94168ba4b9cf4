package io.hallows.bench.olap;

import java.util.Arrays;

/**
 * One query on one side at one thread count: the median of the measured runs in milliseconds and
 * the rows of the answer, or why it could not be measured.
 *
 * @param millis median, or NaN when not measured
 * @param rows rows of the last run, -1 when not measured
 * @param problem why not measured, or null
 */
record Timing(double millis, long rows, String problem) {
    static Timing failed(String problem) {
        return new Timing(Double.NaN, -1, problem);
    }

    boolean measured() {
        return problem == null;
    }

    static double median(double[] samples) {
        double[] s = samples.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }
}
