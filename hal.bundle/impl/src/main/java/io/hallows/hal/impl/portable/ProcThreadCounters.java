package io.hallows.hal.impl.portable;

import io.hallows.hal.api.CounterSample;
import io.hallows.hal.api.ThreadCounters;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * A thread's voluntary and involuntary context switches from {@code /proc/self/task/<tid>/status},
 * as deltas since opening. The perf counters stay empty: the native path adds them.
 */
public final class ProcThreadCounters implements ThreadCounters {
    private final long tid;
    private final Path status;
    private final long voluntaryAtOpen;
    private final long involuntaryAtOpen;
    private boolean closed;

    private ProcThreadCounters(long tid, Path status, long[] switches) {
        this.tid = tid;
        this.status = status;
        this.voluntaryAtOpen = switches[0];
        this.involuntaryAtOpen = switches[1];
    }

    /** @throws IOException when the thread's status file cannot be read or lacks the switch counts */
    public static ProcThreadCounters open(long tid) throws IOException {
        Path status = ProcFiles.task(tid).resolve("status");
        return new ProcThreadCounters(tid, status, switches(status));
    }

    @Override
    public long threadId() {
        return tid;
    }

    @Override
    public synchronized CounterSample read() {
        if (closed) {
            throw new IllegalStateException("the counters of thread " + tid + " are closed");
        }
        long[] now;
        try {
            now = switches(status);
        } catch (NoSuchFileException e) {
            throw new IllegalStateException("thread " + tid + " has ended (" + status + " is gone)");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + status, e);
        }
        return new CounterSample(OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty(),
                now[0] - voluntaryAtOpen, now[1] - involuntaryAtOpen);
    }

    @Override
    public synchronized void close() {
        closed = true;
    }

    private static long[] switches(Path status) throws IOException {
        String text = Files.readString(status); // one read: both counts from the same moment
        return new long[] {field(status, text, "voluntary_ctxt_switches"), field(status, text, "nonvoluntary_ctxt_switches")};
    }

    private static long field(Path status, String text, String key) throws IOException {
        String value = ProcFiles.statusField(text, key)
                .orElseThrow(() -> new IOException("no " + key + " in " + status));
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IOException(key + " in " + status + " is '" + value + "', not a count");
        }
    }
}
