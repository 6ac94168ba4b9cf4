package io.hallows.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The machine's cpu time so far and the part of it the hypervisor gave to other guests ("steal",
 * the 8th field of the {@code cpu} line of {@code /proc/stat}), in clock ticks. On a shared VM,
 * steal during a measurement says how much of a latency is the host's, not the workload's.
 */
record CpuSteal(long steal, long total) {
    private static final Path STAT = Path.of("/proc/stat");
    private static final int STEAL_FIELD = 8;

    /** Now; null where {@code /proc/stat} cannot be read (not Linux). */
    static CpuSteal now() {
        try (var lines = Files.lines(STAT)) {
            String[] f = lines.filter(l -> l.startsWith("cpu ")).findFirst().orElseThrow().trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < f.length && i <= STEAL_FIELD; i++) { // guest time is already counted in user
                total += Long.parseLong(f[i]);
            }
            return new CpuSteal(f.length > STEAL_FIELD ? Long.parseLong(f[STEAL_FIELD]) : 0, total);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The share of all cpus' time stolen between {@code earlier} and this, in percent; NaN if either is unknown. */
    static double percent(CpuSteal earlier, CpuSteal later) {
        if (earlier == null || later == null || later.total == earlier.total) {
            return Double.NaN;
        }
        return 100.0 * (later.steal - earlier.steal) / (later.total - earlier.total);
    }
}
