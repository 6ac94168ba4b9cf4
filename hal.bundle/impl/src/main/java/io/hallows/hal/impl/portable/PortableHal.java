package io.hallows.hal.impl.portable;

import static io.hallows.hal.impl.portable.Features.probed;
import static io.hallows.hal.impl.portable.Features.unsupported;

import io.hallows.hal.api.BlockDevice;
import io.hallows.hal.api.CpuSet;
import io.hallows.hal.api.Feature;
import io.hallows.hal.api.Hal;
import io.hallows.hal.api.NetDevice;
import io.hallows.hal.api.Outcome;
import io.hallows.hal.api.Support;
import io.hallows.hal.api.ThreadCounters;
import io.hallows.hal.api.Topology;
import io.hallows.hal.impl.sysfs.SysfsDevices;
import io.hallows.hal.impl.sysfs.SysfsTopology;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * The HAL in pure Java: what {@code /proc} and sysfs tell, read as files. Calls that need the
 * kernel's own entry points (pinning, memory locking, the raw clock, perf counters) answer
 * unsupported with the reason; nothing is approximated ({@code System.nanoTime} is
 * CLOCK_MONOTONIC, which NTP slews, so it is not passed off as the raw clock). Without /proc or
 * sysfs (not Linux) the file-based calls say so too.
 *
 * <p>The native HAL answers its file-based calls through an instance of this class, and uses
 * {@link #requirePinnable} and {@link #requireThread} for the same caller errors.
 */
public final class PortableHal implements Hal {
    private final SysfsTopology sysfs;
    private final SysfsDevices devices;
    private final String whyNotNative;
    private final String noPin;
    private final String noLock;
    private final String noRawClock;
    private final String noClockResolution;
    private final String noPerf;
    private final List<Feature> features;

    /**
     * @param whyNotNative why the native path does not answer here (shown by {@link #platform()} and
     *                     in the reasons of unsupported calls), or null when this instance only
     *                     serves the native HAL's file-based calls
     */
    public PortableHal(SysfsTopology sysfs, SysfsDevices devices, String whyNotNative) {
        this.sysfs = sysfs;
        this.devices = devices;
        this.whyNotNative = whyNotNative;
        this.noPin = needsNative("sched_setaffinity(2)");
        this.noLock = needsNative("mlockall(2)");
        this.noRawClock = needsNative("clock_gettime(CLOCK_MONOTONIC_RAW)")
                + "; System.nanoTime is CLOCK_MONOTONIC, which NTP slews, so it is not offered instead";
        this.noClockResolution = needsNative("clock_getres(CLOCK_MONOTONIC_RAW)");
        this.noPerf = needsNative("perf_event_open(2)");
        this.features = probe();
    }

    /** The portable HAL over this machine's {@code /sys}. */
    public static PortableHal onThisMachine(String whyNotNative) {
        return new PortableHal(new SysfsTopology(SysfsTopology.DEFAULT_ROOT), new SysfsDevices(SysfsDevices.DEFAULT_ROOT),
                whyNotNative);
    }

    @Override
    public String platform() {
        return Features.machine() + ", portable path" + (whyNotNative == null ? "" : " (" + whyNotNative + ")");
    }

    @Override
    public List<Feature> features() {
        return features;
    }

    @Override
    public Topology topology() {
        return sysfs.read();
    }

    @Override
    public Outcome<Long> threadId() {
        try {
            return Outcome.of(ProcFiles.threadId(), Support.PORTABLE);
        } catch (IOException e) {
            return Outcome.unsupported(unreadable(ProcFiles.THREAD_SELF, e));
        }
    }

    @Override
    public Outcome<CpuSet> pin(CpuSet cpus) {
        requirePinnable(cpus);
        return Outcome.unsupported(noPin);
    }

    @Override
    public Outcome<CpuSet> pin(long tid, CpuSet cpus) {
        requirePinnable(cpus);
        if (Files.isDirectory(ProcFiles.SELF)) {
            requireThread(tid);
        }
        return Outcome.unsupported(noPin);
    }

    @Override
    public Outcome<CpuSet> affinity() {
        return cpusAllowed(ProcFiles.THREAD_SELF.resolve("status"));
    }

    @Override
    public Outcome<CpuSet> affinity(long tid) {
        if (!Files.isDirectory(ProcFiles.SELF)) {
            return Outcome.unsupported(unreadable(ProcFiles.SELF, new NoSuchFileException(ProcFiles.SELF.toString())));
        }
        requireThread(tid);
        return cpusAllowed(ProcFiles.task(tid).resolve("status"));
    }

    @Override
    public Outcome<Integer> currentCpu() {
        try {
            return Outcome.of(ProcFiles.currentCpu(), Support.PORTABLE);
        } catch (IOException e) {
            return Outcome.unsupported(unreadable(ProcFiles.THREAD_SELF.resolve("stat"), e));
        }
    }

    @Override
    public Outcome<Void> lockMemory() {
        return Outcome.unsupported(noLock);
    }

    @Override
    public Outcome<Void> unlockMemory() {
        return Outcome.unsupported(noLock);
    }

    @Override
    public Outcome<Long> monotonicRawNanos() {
        return Outcome.unsupported(noRawClock);
    }

    @Override
    public Outcome<Long> clockResolutionNanos() {
        return Outcome.unsupported(noClockResolution);
    }

    /** Counters with the voluntary and involuntary switches only; the perf counts stay empty. */
    @Override
    public Outcome<ThreadCounters> openCounters() {
        Outcome<Long> tid = threadId();
        return tid.isSupported() ? openCounters(tid.value()) : Outcome.unsupported(tid.reason());
    }

    /** {@link ProcThreadCounters} for thread {@code tid}, or unsupported when its status cannot be read. */
    public Outcome<ThreadCounters> openCounters(long tid) {
        try {
            return Outcome.of(ProcThreadCounters.open(tid), Support.PORTABLE);
        } catch (IOException e) {
            return Outcome.unsupported(unreadable(ProcFiles.task(tid).resolve("status"), e));
        }
    }

    @Override
    public Outcome<List<BlockDevice>> blockDevices() {
        return devices.blockDevices();
    }

    @Override
    public Outcome<List<NetDevice>> netDevices() {
        return devices.netDevices();
    }

    /** The sysfs view of the online cpus, or the first {@code availableProcessors} without sysfs. */
    public CpuSet onlineCpus() {
        return sysfs.onlineOrAvailable();
    }

    /** The topology reader, for the native HAL to size its affinity masks from {@code cpu/possible}. */
    public SysfsTopology sysfs() {
        return sysfs;
    }

    /** @throws IllegalArgumentException when {@code cpus} is empty or names a cpu that is not online */
    public void requirePinnable(CpuSet cpus) {
        CpuSet online = onlineCpus();
        if (cpus.isEmpty()) {
            throw new IllegalArgumentException("cannot pin to an empty cpu set: name at least one online cpu (online: "
                    + online + ")");
        }
        CpuSet offline = online.missing(cpus);
        if (!offline.isEmpty()) {
            throw new IllegalArgumentException((offline.size() == 1 ? "cpu " + offline + " is" : "cpus " + offline + " are")
                    + " not online (online: " + online + ")");
        }
    }

    /** @throws IllegalArgumentException when {@code tid} is not a thread of this process */
    public void requireThread(long tid) {
        if (!ProcFiles.isThreadOfThisProcess(tid)) {
            throw new IllegalArgumentException("no thread " + tid + " in this process (no " + ProcFiles.task(tid) + ")");
        }
    }

    private static Outcome<CpuSet> cpusAllowed(Path status) {
        try {
            String list = ProcFiles.statusField(status, "Cpus_allowed_list")
                    .orElseThrow(() -> new IOException("no Cpus_allowed_list in it"));
            return Outcome.of(CpuSet.parse(list), Support.PORTABLE);
        } catch (IOException | IllegalArgumentException e) {
            return Outcome.unsupported(unreadable(status, e));
        }
    }

    private static String unreadable(Path file, Exception e) {
        return e instanceof NoSuchFileException ? "no " + file + " (not Linux, /proc not mounted, or the thread ended)"
                : "cannot read " + file + ": " + e.getMessage();
    }

    private String needsNative(String call) {
        return call + " needs the native path" + (whyNotNative == null ? "" : " (" + whyNotNative + ")");
    }

    private List<Feature> probe() {
        Outcome<ThreadCounters> counters = openCounters();
        if (counters.isSupported()) {
            counters.value().close();
        }
        boolean layout = sysfs.online().isPresent();
        return List.of(
                new Feature(Features.TOPOLOGY, Support.PORTABLE, layout ? "sysfs under " + sysfs.root()
                        : "Runtime.availableProcessors only: no " + sysfs.root().resolve("cpu/online") + ", no layout"),
                probed(Features.THREAD_ID, threadId(), "readlink " + ProcFiles.THREAD_SELF),
                unsupported(Features.PIN, noPin),
                probed(Features.AFFINITY, affinity(), "Cpus_allowed_list of /proc/self/task/<tid>/status"),
                probed(Features.CURRENT_CPU, currentCpu(), "field 39 of /proc/thread-self/stat (the cpu it last ran on)"),
                unsupported(Features.MEMORY_LOCK, noLock),
                unsupported(Features.CLOCK_RAW, noRawClock),
                unsupported(Features.CLOCK_RESOLUTION, noClockResolution),
                unsupported(Features.CYCLES, noPerf),
                unsupported(Features.INSTRUCTIONS, noPerf),
                unsupported(Features.CONTEXT_SWITCHES, noPerf),
                probed(Features.SWITCHES, counters,
                        "voluntary_ctxt_switches and nonvoluntary_ctxt_switches of /proc/self/task/<tid>/status"),
                probed(Features.BLOCK_DEVICES, blockDevices(), "sysfs " + devices.root().resolve("block")),
                probed(Features.NET_DEVICES, netDevices(), "sysfs " + devices.root().resolve("class/net")));
    }
}
