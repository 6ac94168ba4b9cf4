package io.hallows.hal.impl.jnr;

import jnr.ffi.Pointer;
import jnr.ffi.annotations.IgnoreError;
import jnr.ffi.annotations.In;
import jnr.ffi.annotations.Out;
import jnr.ffi.types.size_t;
import jnr.ffi.types.ssize_t;

/**
 * The libc functions the native HAL calls, bound by JNR-FFI (method names are the symbols). Calls
 * return -1 on failure and leave errno, which the HAL reads through {@code Runtime.getLastError()}
 * (JNR saves it after each call unless the method says {@link IgnoreError}). Tests implement this
 * interface with fakes that fail.
 *
 * <p>{@code syscall} is variadic in C; binding it with fixed integer parameters is sound on the
 * 64-bit Linux ABIs the HAL supports (x86-64, AArch64, RISC-V pass variadic integers like fixed
 * ones), and every argument is passed as a 64-bit {@code long} so no register keeps stale upper bits.
 */
public interface LibC {
    /** {@code syscall(SYS_gettid)}: the calling thread's id (glibc only wraps gettid since 2.30). */
    long syscall(long number);

    /** {@code syscall(SYS_perf_event_open, attr, pid, cpu, group_fd, flags)}: a counter's fd, or -1. */
    long syscall(long number, @In byte[] attr, long pid, long cpu, long groupFd, long flags);

    int sched_setaffinity(int tid, @size_t long size, @In byte[] mask);

    int sched_getaffinity(int tid, @size_t long size, @Out byte[] mask);

    int sched_getcpu();

    int mlockall(int flags);

    int munlockall();

    /**
     * The hot path of {@code monotonicRawNanos}: errno is not saved (about 8 ns of a 40 ns call
     * here); the clock is probed at activation with {@link #clock_getres}, which does save it.
     */
    @IgnoreError
    int clock_gettime(int clock, Pointer timespec);

    int clock_getres(int clock, Pointer timespec);

    @ssize_t
    long read(int fd, @Out long[] value, @size_t long count);

    int close(int fd);
}
