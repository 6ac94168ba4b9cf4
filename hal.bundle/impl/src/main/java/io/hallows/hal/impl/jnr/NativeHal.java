package io.hallows.hal.impl.jnr;

import io.hallows.hal.api.BlockDevice;
import io.hallows.hal.api.CpuSet;
import io.hallows.hal.api.Feature;
import io.hallows.hal.api.Hal;
import io.hallows.hal.api.NetDevice;
import io.hallows.hal.api.Outcome;
import io.hallows.hal.api.Support;
import io.hallows.hal.api.ThreadCounters;
import io.hallows.hal.api.Topology;
import io.hallows.hal.impl.portable.Features;
import io.hallows.hal.impl.portable.PortableHal;
import io.hallows.hal.impl.portable.ProcFiles;
import java.util.List;
import java.util.function.IntSupplier;
import jnr.ffi.LibraryLoader;
import jnr.ffi.Memory;
import jnr.ffi.Pointer;
import jnr.ffi.Runtime;

/**
 * The HAL on 64-bit Linux through JNR-FFI: pinning, the current cpu, memory locking, the raw clock
 * and perf counters call libc; what is read from files (topology, devices, /proc switch counts)
 * comes from the {@link PortableHal} it is given. A failing call answers unsupported with the
 * errno's name and, when there is one, what to do about it.
 */
public final class NativeHal implements Hal {
    private static final int CLOCK_MONOTONIC_RAW = 4;
    private static final int TIMESPEC_BYTES = 16; // struct timespec on 64-bit Linux: tv_sec, tv_nsec as longs
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    /** The tid the sched_* calls take for the calling thread. */
    static final int CALLING_THREAD = 0;

    private final LibC libc;
    private final IntSupplier lastError;
    private final LinuxArch arch;
    private final PortableHal files;
    private final int maskBytes;
    /** One timespec per thread, so the clock's hot path allocates no native memory. */
    private final ThreadLocal<Pointer> timespecs;
    private final Outcome<Long> rawClockProbe;
    private final List<Feature> features;

    /**
     * @param libc      the libc binding (JNR's, or a fake in tests)
     * @param lastError errno after the last call on the calling thread
     * @param files     answers the file-based calls
     */
    public NativeHal(LibC libc, IntSupplier lastError, LinuxArch arch, PortableHal files) {
        this.libc = libc;
        this.lastError = lastError;
        this.arch = arch;
        this.files = files;
        this.maskBytes = maskBytes(files.sysfs().possible().map(CpuSet::last).orElse(CpuSet.MAX_CPU));
        Runtime runtime = Runtime.getSystemRuntime();
        this.timespecs = ThreadLocal.withInitial(() -> Memory.allocateDirect(runtime, TIMESPEC_BYTES));
        this.rawClockProbe = clockResolutionNanos();
        this.features = Features.replace(files.features(), NativeFeatures.probe(this, arch));
    }

    /**
     * Binds libc through JNR-FFI.
     *
     * @throws LinkageError when JNR-FFI or its native library cannot be loaded or bound here
     */
    public static Hal load(PortableHal files) {
        LibC libc;
        try {
            libc = LibraryLoader.create(LibC.class).failImmediately().load("c");
        } catch (RuntimeException e) {
            // JNR wraps what went wrong (in a bundle without its provider imports: "LoadedLibrary ...
            // is not visible from class loader"): to the caller this is a failure to link.
            throw (UnsatisfiedLinkError) new UnsatisfiedLinkError("JNR-FFI could not bind libc: " + e).initCause(e);
        }
        Runtime runtime = Runtime.getRuntime(libc);
        if (runtime.addressSize() != Long.BYTES) {
            throw new UnsatisfiedLinkError("the native path needs 64-bit Linux (struct timespec, syscall arguments); "
                    + "this JVM has " + runtime.addressSize() * 8 + "-bit addresses");
        }
        return new NativeHal(libc, runtime::getLastError, LinuxArch.current(), files);
    }

    /** A cpu_set_t holding cpus 0..lastPossible, in whole longs as the kernel copies it. */
    static int maskBytes(int lastPossible) {
        int longs = (lastPossible + Long.SIZE) / Long.SIZE;
        return longs * Long.BYTES;
    }

    int maskBytes() {
        return maskBytes;
    }

    @Override
    public String platform() {
        return Features.machine() + ", JNR-FFI native path";
    }

    @Override
    public List<Feature> features() {
        return features;
    }

    @Override
    public Topology topology() {
        return files.topology();
    }

    /** gettid through syscall(2); from /proc when the architecture's number is unknown or the call fails. */
    @Override
    public Outcome<Long> threadId() {
        Outcome<Long> tid = nativeThreadId();
        return tid.isSupported() ? tid : files.threadId();
    }

    Outcome<Long> nativeThreadId() {
        if (arch.gettid() < 0) {
            return Outcome.unsupported(arch.unknown("the gettid syscall number"));
        }
        long tid = libc.syscall(arch.gettid());
        return tid > 0 ? Outcome.of(tid, Support.NATIVE)
                : Outcome.unsupported(Errno.failure("syscall(SYS_gettid)", lastError.getAsInt(), null));
    }

    @Override
    public Outcome<CpuSet> pin(CpuSet cpus) {
        files.requirePinnable(cpus);
        return setAffinity(CALLING_THREAD, cpus);
    }

    @Override
    public Outcome<CpuSet> pin(long tid, CpuSet cpus) {
        files.requirePinnable(cpus);
        files.requireThread(tid);
        return setAffinity((int) tid, cpus);
    }

    @Override
    public Outcome<CpuSet> affinity() {
        return getAffinity(CALLING_THREAD);
    }

    @Override
    public Outcome<CpuSet> affinity(long tid) {
        files.requireThread(tid);
        return getAffinity((int) tid);
    }

    /** Sets the affinity without checking the set (the probe re-applies the current one); reads it back. */
    Outcome<CpuSet> setAffinity(int tid, CpuSet cpus) {
        if (libc.sched_setaffinity(tid, maskBytes, cpus.toMask(maskBytes)) != 0) {
            int errno = lastError.getAsInt();
            String hint = switch (errno) {
                case Errno.EINVAL -> "no cpu of " + cpus + " is allowed to this process (cpuset cgroup?)";
                case Errno.EPERM -> "forbidden here (another user's thread, or a seccomp policy of the container)";
                case Errno.ESRCH -> "the thread has ended";
                default -> null;
            };
            return Outcome.unsupported(Errno.failure("sched_setaffinity(2)", errno, hint));
        }
        return getAffinity(tid);
    }

    private Outcome<CpuSet> getAffinity(int tid) {
        byte[] mask = new byte[maskBytes];
        if (libc.sched_getaffinity(tid, maskBytes, mask) != 0) {
            int errno = lastError.getAsInt();
            String hint = switch (errno) {
                case Errno.EINVAL -> "a mask of " + maskBytes + " bytes is smaller than the kernel's (cpu/possible)";
                case Errno.ESRCH -> "the thread has ended";
                default -> null;
            };
            return Outcome.unsupported(Errno.failure("sched_getaffinity(2)", errno, hint));
        }
        return Outcome.of(CpuSet.fromMask(mask), Support.NATIVE);
    }

    @Override
    public Outcome<Integer> currentCpu() {
        int cpu = libc.sched_getcpu();
        return cpu >= 0 ? Outcome.of(cpu, Support.NATIVE)
                : Outcome.unsupported(Errno.failure("sched_getcpu(3)", lastError.getAsInt(), null));
    }

    @Override
    public Outcome<Void> lockMemory() {
        if (arch.mlockallFlags() == 0) {
            return Outcome.unsupported(arch.unknown("the MCL_* flags of mlockall(2)"));
        }
        if (libc.mlockall(arch.mlockallFlags()) != 0) {
            int errno = lastError.getAsInt();
            String limit = "RLIMIT_MEMLOCK is " + ProcFiles.lockedMemoryLimit();
            String hint = switch (errno) {
                case Errno.ENOMEM -> limit + ": raise it (ulimit -l, systemd LimitMEMLOCK=) or grant CAP_IPC_LOCK";
                case Errno.EPERM -> "needs CAP_IPC_LOCK (" + limit + ")";
                default -> null;
            };
            return Outcome.unsupported(Errno.failure("mlockall(MCL_CURRENT|MCL_FUTURE)", errno, hint));
        }
        return Outcome.of(null, Support.NATIVE);
    }

    @Override
    public Outcome<Void> unlockMemory() {
        return libc.munlockall() == 0 ? Outcome.of(null, Support.NATIVE)
                : Outcome.unsupported(Errno.failure("munlockall(2)", lastError.getAsInt(), null));
    }

    @Override
    public Outcome<Long> monotonicRawNanos() {
        if (!rawClockProbe.isSupported()) {
            return rawClockProbe;
        }
        Pointer timespec = timespecs.get();
        if (libc.clock_gettime(CLOCK_MONOTONIC_RAW, timespec) != 0) {
            return Outcome.unsupported("clock_gettime(CLOCK_MONOTONIC_RAW) failed although clock_getres worked"
                    + " (errno is not kept on this hot path)");
        }
        return Outcome.of(timespec.getLong(0) * NANOS_PER_SECOND + timespec.getLong(Long.BYTES), Support.NATIVE);
    }

    @Override
    public Outcome<Long> clockResolutionNanos() {
        Pointer timespec = timespecs.get();
        if (libc.clock_getres(CLOCK_MONOTONIC_RAW, timespec) != 0) {
            int errno = lastError.getAsInt();
            return Outcome.unsupported(Errno.failure("clock_getres(CLOCK_MONOTONIC_RAW)", errno,
                    errno == Errno.EINVAL ? "this kernel has no CLOCK_MONOTONIC_RAW" : null));
        }
        return Outcome.of(timespec.getLong(0) * NANOS_PER_SECOND + timespec.getLong(Long.BYTES), Support.NATIVE);
    }

    /**
     * Perf counters plus the /proc switch counts; {@link Support#PORTABLE} when the kernel refused
     * every perf event, since only the /proc counts are then live.
     */
    @Override
    public Outcome<ThreadCounters> openCounters() {
        Outcome<Long> tid = threadId();
        if (!tid.isSupported()) {
            return Outcome.unsupported(tid.reason());
        }
        Outcome<ThreadCounters> switches = files.openCounters(tid.value());
        if (!switches.isSupported()) {
            return switches;
        }
        PerfThreadCounters counters = PerfThreadCounters.open(libc, lastError, arch, switches.value());
        return Outcome.of(counters, counters.anyOpen() ? Support.NATIVE : Support.PORTABLE);
    }

    @Override
    public Outcome<List<BlockDevice>> blockDevices() {
        return files.blockDevices();
    }

    @Override
    public Outcome<List<NetDevice>> netDevices() {
        return files.netDevices();
    }
}
