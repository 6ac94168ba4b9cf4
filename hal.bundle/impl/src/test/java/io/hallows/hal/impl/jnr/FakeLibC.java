package io.hallows.hal.impl.jnr;

import java.util.Set;
import jnr.ffi.LibraryLoader;
import jnr.ffi.Pointer;

/**
 * A libc whose functions named in {@code failing} return -1 with {@code errno}, as a kernel or a
 * container policy that refuses them would; the others go to the real libc. Both syscall(2)
 * bindings are named by what they call: {@code gettid} and {@code perf_event_open}.
 */
final class FakeLibC implements LibC {
    static final Set<String> EVERYTHING = Set.of("gettid", "perf_event_open", "sched_setaffinity", "sched_getaffinity",
            "sched_getcpu", "mlockall", "munlockall", "clock_gettime", "clock_getres", "read", "close");
    private static final LibC REAL = LibraryLoader.create(LibC.class).failImmediately().load("c");

    private final int errno;
    private final Set<String> failing;

    FakeLibC(int errno, Set<String> failing) {
        this.errno = errno;
        this.failing = failing;
    }

    /** errno after a faked failure (the HAL only asks after a call failed). */
    int errno() {
        return errno;
    }

    private boolean fails(String function) {
        return failing.contains(function);
    }

    @Override
    public long syscall(long number) {
        return fails("gettid") ? -1 : REAL.syscall(number);
    }

    @Override
    public long syscall(long number, byte[] attr, long pid, long cpu, long groupFd, long flags) {
        return fails("perf_event_open") ? -1 : REAL.syscall(number, attr, pid, cpu, groupFd, flags);
    }

    @Override
    public int sched_setaffinity(int tid, long size, byte[] mask) {
        return fails("sched_setaffinity") ? -1 : REAL.sched_setaffinity(tid, size, mask);
    }

    @Override
    public int sched_getaffinity(int tid, long size, byte[] mask) {
        return fails("sched_getaffinity") ? -1 : REAL.sched_getaffinity(tid, size, mask);
    }

    @Override
    public int sched_getcpu() {
        return fails("sched_getcpu") ? -1 : REAL.sched_getcpu();
    }

    @Override
    public int mlockall(int flags) {
        return fails("mlockall") ? -1 : REAL.mlockall(flags);
    }

    @Override
    public int munlockall() {
        return fails("munlockall") ? -1 : REAL.munlockall();
    }

    @Override
    public int clock_gettime(int clock, Pointer timespec) {
        return fails("clock_gettime") ? -1 : REAL.clock_gettime(clock, timespec);
    }

    @Override
    public int clock_getres(int clock, Pointer timespec) {
        return fails("clock_getres") ? -1 : REAL.clock_getres(clock, timespec);
    }

    @Override
    public long read(int fd, long[] value, long count) {
        return fails("read") ? -1 : REAL.read(fd, value, count);
    }

    @Override
    public int close(int fd) {
        return fails("close") ? -1 : REAL.close(fd);
    }
}
