package io.hallows.hal.impl.jnr;

import static io.hallows.hal.impl.portable.Features.probed;
import static io.hallows.hal.impl.portable.Features.unsupported;

import io.hallows.hal.api.CpuSet;
import io.hallows.hal.api.Feature;
import io.hallows.hal.api.Outcome;
import io.hallows.hal.api.Support;
import io.hallows.hal.api.ThreadCounters;
import io.hallows.hal.impl.portable.Features;
import io.hallows.hal.impl.portable.ProcFiles;
import java.util.ArrayList;
import java.util.List;

/**
 * Probes, once at activation and on the activating thread, each call the native HAL answers
 * itself. Probes change nothing: the affinity is set to what it already is, counters are opened
 * and closed. Memory locking is not probed (mlockall cannot be tried for free): its entry says so
 * and gives the limit that decides it.
 */
final class NativeFeatures {
    private static final String VIA_JNR = " via JNR-FFI";

    private NativeFeatures() {
    }

    /** The features the native path answers; the rest stay as the portable HAL listed them. */
    static List<Feature> probe(NativeHal hal, LinuxArch arch) {
        List<Feature> features = new ArrayList<>();
        Outcome<Long> tid = hal.nativeThreadId();
        features.add(tid.isSupported()
                ? new Feature(Features.THREAD_ID, Support.NATIVE, "syscall(SYS_gettid = " + arch.gettid() + ")" + VIA_JNR)
                : probed(Features.THREAD_ID, hal.threadId(), "readlink " + ProcFiles.THREAD_SELF + ", since " + tid.reason()));
        Outcome<CpuSet> affinity = hal.affinity();
        Outcome<CpuSet> pin = affinity.isSupported() ? hal.setAffinity(NativeHal.CALLING_THREAD, affinity.value()) : affinity;
        features.add(probed(Features.PIN, pin, "sched_setaffinity(2)" + VIA_JNR + ", " + hal.maskBytes() + "-byte cpu masks"));
        features.add(probed(Features.AFFINITY, affinity, "sched_getaffinity(2)" + VIA_JNR));
        features.add(probed(Features.CURRENT_CPU, hal.currentCpu(), "sched_getcpu(3)" + VIA_JNR));
        features.add(memoryLock(arch));
        Outcome<Long> resolution = hal.clockResolutionNanos();
        String ns = resolution.isSupported() ? ", resolution " + resolution.value() + " ns" : "";
        features.add(probed(Features.CLOCK_RAW, hal.monotonicRawNanos(), "clock_gettime(CLOCK_MONOTONIC_RAW)" + VIA_JNR + ns));
        features.add(probed(Features.CLOCK_RESOLUTION, resolution, "clock_getres(CLOCK_MONOTONIC_RAW)" + VIA_JNR));
        features.addAll(counters(hal));
        return features;
    }

    private static Feature memoryLock(LinuxArch arch) {
        if (arch.mlockallFlags() == 0) {
            return unsupported(Features.MEMORY_LOCK, arch.unknown("the MCL_* flags of mlockall(2)"));
        }
        return new Feature(Features.MEMORY_LOCK, Support.NATIVE, "mlockall(2)" + VIA_JNR
                + " (not probed); RLIMIT_MEMLOCK " + ProcFiles.lockedMemoryLimit()
                + (ProcFiles.holdsIpcLock() ? ", which CAP_IPC_LOCK (held) lifts" : ""));
    }

    private static List<Feature> counters(NativeHal hal) {
        List<Feature> features = new ArrayList<>();
        Outcome<ThreadCounters> opened = hal.openCounters();
        try (ThreadCounters counters = opened.orElse(null)) {
            for (PerfEvent event : PerfEvent.values()) {
                if (counters instanceof PerfThreadCounters perf) {
                    String failure = perf.failure(event);
                    features.add(failure == null ? new Feature(event.feature(), Support.NATIVE,
                            "perf_event_open(2)" + VIA_JNR + ": " + event.event()) : unsupported(event.feature(), failure));
                } else {
                    features.add(unsupported(event.feature(), opened.reason()));
                }
            }
        }
        return features;
    }
}
