package io.hallows.scheduler.frame;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What the frame policy reports. Frame times are kept for the last {@value #WINDOW} frames, so the
 * percentiles describe how the partition behaves now rather than since it started.
 */
final class FrameStats {
    private static final int WINDOW = 1024;

    private final long[] recentFrameNanos = new long[WINDOW];
    private long frames;
    private long maxFrameNanos;
    private long overruns;
    private long skippedTicks;
    private long missedDeadlines;

    synchronized void frameDone(long frameNanos, boolean overran) {
        recentFrameNanos[(int) (frames++ % WINDOW)] = frameNanos;
        maxFrameNanos = Math.max(maxFrameNanos, frameNanos);
        if (overran) {
            overruns++;
        }
    }

    synchronized void ticksSkipped(long ticks) {
        skippedTicks += ticks;
    }

    synchronized void deadlineMissed() {
        missedDeadlines++;
    }

    Map<String, Object> report(int frameRate) {
        long[] window;
        long frames, max, overruns, skipped, missed;
        synchronized (this) {
            window = Arrays.copyOf(recentFrameNanos, (int) Math.min(this.frames, WINDOW));
            frames = this.frames;
            max = maxFrameNanos;
            overruns = this.overruns;
            skipped = skippedTicks;
            missed = missedDeadlines;
        }
        Arrays.sort(window); // outside the monitor: workers record frames meanwhile
        return Map.of(
                "frameRate", frameRate,
                "frames", frames,
                "frameTime.p50Micros", micros(percentile(window, 50)),
                "frameTime.p99Micros", micros(percentile(window, 99)),
                "frameTime.maxMicros", micros(max),
                "overruns", overruns,
                "skippedTicks", skipped,
                "missedDeadlines", missed);
    }

    private static long percentile(long[] sorted, int percent) {
        return sorted.length == 0 ? 0 : sorted[(sorted.length - 1) * percent / 100];
    }

    private static long micros(long nanos) {
        return TimeUnit.NANOSECONDS.toMicros(nanos);
    }
}
