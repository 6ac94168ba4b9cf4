package io.hallows.hal.api;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The HAL service. Every call answers whatever the machine can do: with a value and how it was
 * obtained, or {@link Support#UNSUPPORTED} and the reason. Only a caller's mistake throws (an
 * empty cpu set, a cpu that is not online, a thread that is not in this process), with an
 * {@link IllegalArgumentException} saying which. Calls about "the calling thread" act on the
 * operating-system thread that runs the Java thread making the call. Thread-safe.
 */
@ProviderType
public interface Hal {
    /** The name under which the kernel protects this service: bundles need {@code service:hal} CALL. */
    String SERVICE_NAME = "hal";

    /** One line about the platform and the native path, e.g. "Linux amd64, JNR-FFI 2.3.4". */
    String platform();

    /** Every call of this interface and how this machine supports it, for {@code hallows:hal}. */
    List<Feature> features();

    /** The cpu layout; always answers (see {@link Topology#source()}). */
    Topology topology();

    /** The calling thread's kernel thread id ({@code gettid}). */
    Outcome<Long> threadId();

    /**
     * Pins the calling thread to {@code cpus}; the value is the affinity read back afterwards,
     * which can be narrower than asked when a cgroup cpuset limits the process.
     *
     * @throws IllegalArgumentException when {@code cpus} is empty or holds a cpu that is not online
     */
    Outcome<CpuSet> pin(CpuSet cpus);

    /**
     * Pins thread {@code tid} of this process to {@code cpus}; the value is the affinity read back.
     *
     * @throws IllegalArgumentException as {@link #pin(CpuSet)}, or when no thread {@code tid} is in this process
     */
    Outcome<CpuSet> pin(long tid, CpuSet cpus);

    /** The cpus the calling thread may run on. */
    Outcome<CpuSet> affinity();

    /**
     * The cpus thread {@code tid} of this process may run on.
     *
     * @throws IllegalArgumentException when no thread {@code tid} is in this process
     */
    Outcome<CpuSet> affinity(long tid);

    /** The cpu the calling thread is running on now ({@code sched_getcpu}). */
    Outcome<Integer> currentCpu();

    /** Locks the process's current and future pages in memory ({@code mlockall}). */
    Outcome<Void> lockMemory();

    /** Undoes {@link #lockMemory()} ({@code munlockall}). */
    Outcome<Void> unlockMemory();

    /** {@code CLOCK_MONOTONIC_RAW} in nanoseconds: not slewed by NTP. */
    Outcome<Long> monotonicRawNanos();

    /** The resolution of {@link #monotonicRawNanos()} in nanoseconds ({@code clock_getres}). */
    Outcome<Long> clockResolutionNanos();

    /** Opens counters for the calling thread; close them when done. */
    Outcome<ThreadCounters> openCounters();

    /** Block devices with their NUMA node and queue counts. */
    Outcome<List<BlockDevice>> blockDevices();

    /** Network interfaces with their NUMA node and queue counts. */
    Outcome<List<NetDevice>> netDevices();
}
