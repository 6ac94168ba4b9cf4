package io.hallows.bench;

import io.hallows.hal.api.Hal;
import io.hallows.hal.api.Support;
import io.hallows.hal.impl.HalSelection;
import io.hallows.hal.impl.jnr.LibC;
import io.hallows.hal.impl.portable.PortableHal;
import java.util.concurrent.TimeUnit;
import jnr.ffi.LibraryLoader;
import jnr.ffi.Memory;
import jnr.ffi.Pointer;
import jnr.ffi.Runtime;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What a HAL call costs, as partition code calls it ({@code hal.currentCpu().orElse(-1)}): the
 * native HAL (JNR-FFI into libc) against the portable one (files under {@code /proc}), and the raw
 * clock against {@code System.nanoTime()}. Two cases call the JNR binding directly, without the
 * HAL's {@code Outcome}, to split the binding's cost from the wrapper's. Scores are ns per call.
 *
 * <p>The portable {@code currentCpu} is the cpu the thread last ran on (field 39 of
 * {@code /proc/thread-self/stat}); the native one is {@code sched_getcpu}. The portable HAL has no
 * raw clock (it will not pass CLOCK_MONOTONIC off as CLOCK_MONOTONIC_RAW), so the clock's peer is
 * the JDK's own clock, which reads CLOCK_MONOTONIC through the vDSO without JNI.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class HalCallBenchmark {
    private static final int CLOCK_MONOTONIC_RAW = 4;

    private Hal hal;
    private Hal portable;
    private LibC libc;
    private Pointer timespec;

    @Setup(Level.Trial)
    public void open() {
        hal = HalSelection.select(System::getProperty);
        if (hal.currentCpu().support() != Support.NATIVE) {
            throw new IllegalStateException("no native HAL to measure here: " + hal.platform());
        }
        portable = PortableHal.onThisMachine("benchmark peer");
        libc = LibraryLoader.create(LibC.class).failImmediately().load("c");
        timespec = Memory.allocateDirect(Runtime.getRuntime(libc), 16);
    }

    @Benchmark
    public int nativeCurrentCpu() {
        return hal.currentCpu().orElse(-1);
    }

    @Benchmark
    public int portableCurrentCpu() {
        return portable.currentCpu().orElse(-1);
    }

    @Benchmark
    public int jnrSchedGetcpu() {
        return libc.sched_getcpu();
    }

    @Benchmark
    public long nativeThreadId() {
        return hal.threadId().orElse(-1L);
    }

    @Benchmark
    public long portableThreadId() {
        return portable.threadId().orElse(-1L);
    }

    @Benchmark
    public long nativeMonotonicRaw() {
        return hal.monotonicRawNanos().orElse(-1L);
    }

    @Benchmark
    public long jnrClockGettime() {
        libc.clock_gettime(CLOCK_MONOTONIC_RAW, timespec);
        return timespec.getLong(0) * 1_000_000_000L + timespec.getLong(Long.BYTES);
    }

    @Benchmark
    public long systemNanoTime() {
        return System.nanoTime();
    }
}
