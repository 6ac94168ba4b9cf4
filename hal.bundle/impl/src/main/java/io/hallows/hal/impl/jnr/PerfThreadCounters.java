package io.hallows.hal.impl.jnr;

import io.hallows.hal.api.CounterSample;
import io.hallows.hal.api.ThreadCounters;
import java.util.EnumMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.IntSupplier;

/**
 * A thread's perf counters ({@code perf_event_open} with pid = its tid, any cpu, no group), plus
 * the voluntary and involuntary switches of the portable counters it wraps. An event the kernel
 * refuses stays empty in every sample; why is kept for {@code features()}. Reads and close are
 * synchronized so a read never uses a descriptor number that close has released for reuse.
 */
final class PerfThreadCounters implements ThreadCounters {
    private static final long PERF_FLAG_FD_CLOEXEC = 8;
    private static final long ANY_CPU = -1;
    private static final long NO_GROUP = -1;

    private final LibC libc;
    private final IntSupplier lastError;
    private final ThreadCounters switches;
    private final Map<PerfEvent, Integer> fds = new EnumMap<>(PerfEvent.class);
    private final Map<PerfEvent, String> failures = new EnumMap<>(PerfEvent.class);
    private boolean closed;

    private PerfThreadCounters(LibC libc, IntSupplier lastError, ThreadCounters switches) {
        this.libc = libc;
        this.lastError = lastError;
        this.switches = switches;
    }

    /** Opens every {@link PerfEvent} for the thread {@code switches} follows; never fails as a whole. */
    static PerfThreadCounters open(LibC libc, IntSupplier lastError, LinuxArch arch, ThreadCounters switches) {
        PerfThreadCounters counters = new PerfThreadCounters(libc, lastError, switches);
        for (PerfEvent event : PerfEvent.values()) {
            if (arch.perfEventOpen() < 0) {
                counters.failures.put(event, arch.unknown("the perf_event_open(2) syscall number"));
                continue;
            }
            long fd = libc.syscall(arch.perfEventOpen(), event.attr(), switches.threadId(), ANY_CPU, NO_GROUP,
                    PERF_FLAG_FD_CLOEXEC);
            if (fd < 0) {
                counters.failures.put(event, event.failure(lastError.getAsInt()));
            } else {
                counters.fds.put(event, (int) fd);
            }
        }
        return counters;
    }

    /** Why {@code event} is not counted, or null when it is. */
    String failure(PerfEvent event) {
        return failures.get(event);
    }

    boolean anyOpen() {
        return !fds.isEmpty();
    }

    @Override
    public long threadId() {
        return switches.threadId();
    }

    @Override
    public synchronized CounterSample read() {
        CounterSample base = switches.read(); // throws when closed or when the thread has ended
        return new CounterSample(count(PerfEvent.CYCLES), count(PerfEvent.INSTRUCTIONS),
                count(PerfEvent.CONTEXT_SWITCHES), base.voluntarySwitches(), base.involuntarySwitches());
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            fds.values().forEach(libc::close);
            switches.close();
        }
    }

    private OptionalLong count(PerfEvent event) {
        Integer fd = fds.get(event);
        if (fd == null) {
            return OptionalLong.empty();
        }
        long[] value = new long[1];
        if (libc.read(fd, value, Long.BYTES) != Long.BYTES) {
            throw new IllegalStateException("reading the " + event.feature() + " counter of thread " + threadId()
                    + " failed: " + Errno.describe(lastError.getAsInt()));
        }
        return OptionalLong.of(value[0]);
    }
}
