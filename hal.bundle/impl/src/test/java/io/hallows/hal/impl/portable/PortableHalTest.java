package io.hallows.hal.impl.portable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.hallows.hal.api.CounterSample;
import io.hallows.hal.api.CpuSet;
import io.hallows.hal.api.Feature;
import io.hallows.hal.api.Outcome;
import io.hallows.hal.api.Support;
import io.hallows.hal.api.ThreadCounters;
import io.hallows.hal.impl.OnNewThread;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The portable HAL on this Linux machine: what it answers from files, and what it honestly refuses. */
class PortableHalTest {
    private static final String WHY = "testing the portable path";
    private final PortableHal hal = PortableHal.onThisMachine(WHY);

    @BeforeAll
    static void onLinux() {
        assumeTrue(Files.isSymbolicLink(ProcFiles.THREAD_SELF), "the portable answers are read from /proc");
    }

    @Test
    void platformSaysWhyThePortablePathAnswers() {
        assertTrue(hal.platform().endsWith("portable path (" + WHY + ")"), hal.platform());
    }

    @Test
    void threadIdIsTheKernelsIdOfTheCallingThread() throws Exception {
        long here = hal.threadId().value();
        long there = OnNewThread.call(() -> {
            Outcome<Long> tid = hal.threadId();
            assertEquals(Support.PORTABLE, tid.support());
            // the JVM names the kernel task after the Java thread: proof that this tid is that thread
            assertEquals("hal-test", Files.readString(ProcFiles.task(tid.value()).resolve("comm")).strip());
            return tid.value();
        });
        assertNotEquals(here, there);
    }

    @Test
    void affinityIsWhatTheKernelAllowsTheThread() throws Exception {
        OnNewThread.run(() -> {
            Outcome<CpuSet> affinity = hal.affinity();
            assertEquals(Support.PORTABLE, affinity.support());
            assertFalse(affinity.value().isEmpty());
            assertTrue(hal.onlineCpus().containsAll(affinity.value()), affinity + " within online " + hal.onlineCpus());
            assertEquals(affinity.value(), hal.affinity(hal.threadId().value()).value(), "the same thread by its tid");
        });
    }

    @Test
    void currentCpuIsAnOnlineCpu() {
        Outcome<Integer> cpu = hal.currentCpu();
        assertEquals(Support.PORTABLE, cpu.support());
        assertTrue(hal.onlineCpus().contains(cpu.value()), cpu + " not in " + hal.onlineCpus());
    }

    @Test
    void callsThatNeedTheKernelAreUnsupportedWithTheReason() {
        CpuSet online = hal.onlineCpus();
        long tid = hal.threadId().value();
        Map<String, Supplier<Outcome<?>>> calls = Map.of(
                "pin", () -> hal.pin(online), "pin(tid)", () -> hal.pin(tid, online),
                "lockMemory", hal::lockMemory, "unlockMemory", hal::unlockMemory,
                "monotonicRawNanos", hal::monotonicRawNanos, "clockResolutionNanos", hal::clockResolutionNanos);
        calls.forEach((name, call) -> {
            Outcome<?> outcome = call.get();
            assertEquals(Support.UNSUPPORTED, outcome.support(), name);
            assertTrue(outcome.reason().contains("needs the native path (" + WHY + ")"), name + ": " + outcome.reason());
            UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class, outcome::value, name);
            assertEquals(outcome.reason(), e.getMessage());
        });
        assertTrue(hal.monotonicRawNanos().reason().contains("System.nanoTime is CLOCK_MONOTONIC"));
    }

    @Test
    void callerErrorsAreRejectedBeforeAnythingElse() {
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class, () -> hal.pin(CpuSet.empty()));
        assertTrue(empty.getMessage().startsWith("cannot pin to an empty cpu set"), empty.getMessage());
        int offline = hal.onlineCpus().last() + 1;
        IllegalArgumentException notOnline = assertThrows(IllegalArgumentException.class, () -> hal.pin(CpuSet.of(offline)));
        assertEquals("cpu " + offline + " is not online (online: " + hal.onlineCpus() + ")", notOnline.getMessage());
        IllegalArgumentException noThread = assertThrows(IllegalArgumentException.class,
                () -> hal.affinity(Integer.MAX_VALUE));
        assertTrue(noThread.getMessage().startsWith("no thread 2147483647 in this process"), noThread.getMessage());
        assertThrows(IllegalArgumentException.class, () -> hal.pin(1, hal.onlineCpus()), "pid 1 is not ours");
    }

    @Test
    void countersCountSwitchesFromProcAndLeavePerfCountsEmpty() throws Exception {
        CounterSample sample = OnNewThread.call(() -> {
            Outcome<ThreadCounters> opened = hal.openCounters();
            assertEquals(Support.PORTABLE, opened.support());
            try (ThreadCounters counters = opened.value()) {
                assertEquals(hal.threadId().value(), counters.threadId());
                for (int i = 0; i < 5; i++) {
                    LockSupport.parkNanos(2_000_000); // the measured event: blocking is a voluntary switch
                }
                return counters.read();
            }
        });
        assertTrue(sample.voluntarySwitches() > 0, sample.toString());
        assertTrue(sample.cycles().isEmpty() && sample.instructions().isEmpty() && sample.contextSwitches().isEmpty());
    }

    @Test
    void featuresListEveryCallHonestly() {
        Map<String, Feature> features = hal.features().stream().collect(Collectors.toMap(Feature::name, f -> f));
        assertEquals(List.of("topology", "threadId", "pin", "affinity", "currentCpu", "memory.lock", "clock.monotonicRaw",
                "clock.resolution", "counters.cycles", "counters.instructions", "counters.contextSwitches",
                "counters.switches", "devices.block", "devices.net"), hal.features().stream().map(Feature::name).toList());
        for (String name : List.of("topology", "threadId", "affinity", "currentCpu", "counters.switches", "devices.block",
                "devices.net")) {
            assertEquals(Support.PORTABLE, features.get(name).support(), features.get(name).toString());
        }
        for (String name : List.of("pin", "memory.lock", "clock.monotonicRaw", "clock.resolution", "counters.cycles",
                "counters.instructions", "counters.contextSwitches")) {
            assertEquals(Support.UNSUPPORTED, features.get(name).support(), name);
            assertTrue(features.get(name).detail().contains(WHY), features.get(name).toString());
        }
    }
}
