package io.hallows.hal.impl.jnr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.hallows.hal.api.CounterSample;
import io.hallows.hal.api.CpuSet;
import io.hallows.hal.api.Feature;
import io.hallows.hal.api.Hal;
import io.hallows.hal.api.Outcome;
import io.hallows.hal.api.Support;
import io.hallows.hal.api.ThreadCounters;
import io.hallows.hal.impl.portable.PortableHal;
import io.hallows.hal.impl.portable.ProcFiles;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The native HAL over a libc that refuses calls: every call still answers, with the errno and a hint. */
class NativeHalFailureTest {
    private static PortableHal files;

    @BeforeAll
    static void onLinux() {
        assumeTrue(System.getProperty("os.name").startsWith("Linux"), "the fake delegates to the real libc");
        files = PortableHal.onThisMachine(null);
    }

    private static Hal failing(int errno, Set<String> functions) {
        FakeLibC libc = new FakeLibC(errno, functions);
        return new NativeHal(libc, libc::errno, LinuxArch.current(), files);
    }

    @Test
    void epermMakesEveryKernelCallUnsupportedWithTheReason() throws Exception {
        Hal hal = failing(Errno.EPERM, FakeLibC.EVERYTHING);

        Outcome<CpuSet> pin = hal.pin(CpuSet.of(0));
        assertEquals(Support.UNSUPPORTED, pin.support());
        assertTrue(pin.reason().startsWith("sched_setaffinity(2): EPERM (operation not permitted); "), pin.reason());
        assertEquals(pin.reason(), assertThrows(UnsupportedOperationException.class, pin::value).getMessage());
        assertTrue(hal.pin(ProcFiles.threadId(), CpuSet.of(0)).reason().contains("EPERM"));
        assertEquals("sched_getaffinity(2): EPERM (operation not permitted)", hal.affinity().reason());
        assertEquals("sched_getcpu(3): EPERM (operation not permitted)", hal.currentCpu().reason());
        assertTrue(hal.lockMemory().reason().startsWith("mlockall(MCL_CURRENT|MCL_FUTURE): EPERM (operation not permitted);"
                + " needs CAP_IPC_LOCK (RLIMIT_MEMLOCK is "), hal.lockMemory().reason());
        assertEquals("munlockall(2): EPERM (operation not permitted)", hal.unlockMemory().reason());
        assertEquals("clock_getres(CLOCK_MONOTONIC_RAW): EPERM (operation not permitted)", hal.clockResolutionNanos().reason());
        assertEquals(hal.clockResolutionNanos().reason(), hal.monotonicRawNanos().reason());
    }

    @Test
    void whatFilesCanAnswerStillAnswers() throws Exception {
        Hal hal = failing(Errno.EPERM, FakeLibC.EVERYTHING);

        assertEquals(Outcome.of(ProcFiles.threadId(), Support.PORTABLE).toString(), hal.threadId().toString());
        assertEquals(files.topology(), hal.topology());
        assertTrue(hal.blockDevices().isSupported() && hal.netDevices().isSupported());
        Outcome<ThreadCounters> opened = hal.openCounters();
        assertEquals(Support.PORTABLE, opened.support(), "no perf counter opened: only /proc counts are live");
        try (ThreadCounters counters = opened.value()) {
            CounterSample sample = counters.read();
            assertTrue(sample.cycles().isEmpty() && sample.instructions().isEmpty() && sample.contextSwitches().isEmpty());
        }
    }

    @Test
    void featuresSayWhatFailedAndWhy() {
        Hal hal = failing(Errno.EPERM, FakeLibC.EVERYTHING);

        assertEquals(Support.UNSUPPORTED, feature(hal, "pin").support());
        assertTrue(feature(hal, "pin").detail().contains("EPERM"), feature(hal, "pin").toString());
        Feature cycles = feature(hal, "counters.cycles");
        assertEquals(Support.UNSUPPORTED, cycles.support());
        assertTrue(cycles.detail().startsWith("perf_event_open(2): EPERM (operation not permitted); perf_event_paranoid is "),
                cycles.detail());
        assertEquals(Support.PORTABLE, feature(hal, "threadId").support(), "gettid refused: the tid comes from /proc");
        assertTrue(feature(hal, "threadId").detail().endsWith("since syscall(SYS_gettid): EPERM (operation not permitted)"),
                feature(hal, "threadId").toString());
        assertEquals(Support.NATIVE, feature(hal, "memory.lock").support(), "not probed: it says so");
        assertTrue(feature(hal, "memory.lock").detail().contains("(not probed); RLIMIT_MEMLOCK"));
    }

    @Test
    void enosysSaysTheKernelLacksTheCall() {
        Hal hal = failing(Errno.ENOSYS, FakeLibC.EVERYTHING);

        assertTrue(hal.pin(CpuSet.of(0)).reason().startsWith("sched_setaffinity(2): ENOSYS (function not implemented)"));
        assertTrue(feature(hal, "counters.contextSwitches").detail().contains("no perf events in this kernel"),
                feature(hal, "counters.contextSwitches").toString());
        assertEquals(Support.UNSUPPORTED, feature(hal, "clock.monotonicRaw").support());
    }

    @Test
    void aSetaffinityRefusalLeavesTheOtherCallsNative() {
        Hal hal = failing(Errno.EINVAL, Set.of("sched_setaffinity"));

        assertEquals("sched_setaffinity(2): EINVAL (invalid argument); no cpu of 0 is allowed to this process (cpuset cgroup?)",
                hal.pin(CpuSet.of(0)).reason());
        assertEquals(Support.NATIVE, hal.affinity().support());
        assertEquals(Support.UNSUPPORTED, feature(hal, "pin").support(), "the probe re-applies the affinity");
        assertEquals(Support.NATIVE, feature(hal, "affinity").support());
    }

    @Test
    void enomemFromMlockallPointsAtTheLimit() {
        String reason = failing(Errno.ENOMEM, Set.of("mlockall")).lockMemory().reason();
        assertTrue(reason.startsWith("mlockall(MCL_CURRENT|MCL_FUTURE): ENOMEM (out of memory); RLIMIT_MEMLOCK is "), reason);
        assertTrue(reason.endsWith("raise it (ulimit -l, systemd LimitMEMLOCK=) or grant CAP_IPC_LOCK"), reason);
    }

    @Test
    void aClockThatFailsAfterItsProbeSaysSo() {
        Hal hal = failing(Errno.EINVAL, Set.of("clock_gettime"));

        assertEquals(Support.NATIVE, hal.clockResolutionNanos().support());
        assertTrue(hal.monotonicRawNanos().reason().startsWith("clock_gettime(CLOCK_MONOTONIC_RAW) failed"));
    }

    @Test
    void callerErrorsAreStillCallerErrors() {
        Hal hal = failing(Errno.EPERM, FakeLibC.EVERYTHING);

        assertThrows(IllegalArgumentException.class, () -> hal.pin(CpuSet.empty()));
        assertThrows(IllegalArgumentException.class, () -> hal.pin(CpuSet.of(CpuSet.MAX_CPU)));
        assertThrows(IllegalArgumentException.class, () -> hal.affinity(Integer.MAX_VALUE));
    }

    @Test
    void anUnknownArchitectureGuessesNoNumbers() {
        FakeLibC real = new FakeLibC(0, Set.of());
        Hal hal = new NativeHal(real, real::errno, LinuxArch.of("sparcv9"), files);

        assertEquals(Support.PORTABLE, hal.threadId().support());
        assertEquals(Support.NATIVE, hal.affinity().support());
        assertEquals("the MCL_* flags of mlockall(2) for sparcv9: not known to Hallows (known: x86_64, aarch64, riscv64)",
                hal.lockMemory().reason());
        assertTrue(feature(hal, "counters.cycles").detail().contains("syscall number for sparcv9: not known"),
                feature(hal, "counters.cycles").toString());
    }

    @Test
    void aFailedCounterReadIsAnError() {
        Hal hal = failing(Errno.EBADF, Set.of("read"));
        try (ThreadCounters counters = hal.openCounters().value()) {
            assumeTrue(counters instanceof PerfThreadCounters perf && perf.anyOpen(), "no perf counter opens here");
            IllegalStateException e = assertThrows(IllegalStateException.class, counters::read);
            assertTrue(e.getMessage().contains("EBADF (bad file descriptor)"), e.getMessage());
        }
    }

    private static Feature feature(Hal hal, String name) {
        return hal.features().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }
}
