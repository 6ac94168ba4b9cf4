package io.hallows.hal.impl.jnr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.hallows.hal.api.CpuSet;
import io.hallows.hal.api.Feature;
import io.hallows.hal.api.Hal;
import io.hallows.hal.api.Outcome;
import io.hallows.hal.api.Support;
import io.hallows.hal.impl.OnNewThread;
import io.hallows.hal.impl.portable.PortableHal;
import io.hallows.hal.impl.portable.ProcFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The native HAL through the real JNR-FFI and libc of this machine. Pinning happens on dedicated threads. */
class NativeHalTest {
    private static PortableHal files;
    private static Hal hal;

    @BeforeAll
    static void load() {
        assumeTrue(System.getProperty("os.name").startsWith("Linux"), "the native path is Linux only");
        files = PortableHal.onThisMachine(null);
        hal = NativeHal.load(files);
    }

    @Test
    void threadIdIsGettidAndAgreesWithProc() throws Exception {
        long here = hal.threadId().value();
        long there = OnNewThread.call(() -> {
            Outcome<Long> tid = hal.threadId();
            assertEquals(Support.NATIVE, tid.support());
            assertEquals(ProcFiles.threadId(), tid.value());
            return tid.value();
        });
        assertNotEquals(here, there);
    }

    @Test
    void pinningTheCallingThreadMovesItThere() throws Exception {
        int target = files.onlineCpus().last();
        assumeTrue(target > 0, "needs two online cpus");
        OnNewThread.run(() -> {
            Outcome<CpuSet> pinned = hal.pin(CpuSet.of(target));
            assertEquals(Support.NATIVE, pinned.support());
            assertEquals(CpuSet.of(target), pinned.value());
            assertEquals(target, hal.currentCpu().value());
            assertEquals(Integer.toString(target), allowedList(ProcFiles.THREAD_SELF));
            assertEquals(CpuSet.of(target), hal.affinity().value());

            assertEquals(files.onlineCpus(), hal.pin(files.onlineCpus()).value(), "unpinned again");
            assertEquals(files.onlineCpus().toString(), allowedList(ProcFiles.THREAD_SELF));
        });
    }

    @Test
    void pinningAnotherThreadOfThisProcess() throws Exception {
        int target = files.onlineCpus().last();
        CompletableFuture<Long> tidOfOther = new CompletableFuture<>();
        CompletableFuture<Integer> cpuOfOther = new CompletableFuture<>();
        CountDownLatch pinned = new CountDownLatch(1);
        Thread other = Thread.ofPlatform().start(() -> {
            tidOfOther.complete(hal.threadId().value());
            try {
                pinned.await();
                cpuOfOther.complete(hal.currentCpu().value());
            } catch (InterruptedException e) {
                cpuOfOther.completeExceptionally(e);
            }
        });
        try {
            long tid = tidOfOther.get(10, TimeUnit.SECONDS);
            Outcome<CpuSet> result = hal.pin(tid, CpuSet.of(target));

            assertEquals(CpuSet.of(target), result.value());
            assertEquals(CpuSet.of(target), hal.affinity(tid).value());
            assertEquals(Integer.toString(target), allowedList(ProcFiles.task(tid)));
        } finally {
            pinned.countDown();
            other.join();
        }
        assertEquals(target, cpuOfOther.get(), "the other thread woke up on the cpu it was pinned to");
    }

    @Test
    void callerErrorsAreRejected() {
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class, () -> hal.pin(CpuSet.empty()));
        assertTrue(empty.getMessage().startsWith("cannot pin to an empty cpu set"), empty.getMessage());
        int offline = files.onlineCpus().last() + 1;
        IllegalArgumentException notOnline = assertThrows(IllegalArgumentException.class,
                () -> hal.pin(CpuSet.of(0, offline)));
        assertEquals("cpu " + offline + " is not online (online: " + files.onlineCpus() + ")", notOnline.getMessage());
        IllegalArgumentException noThread = assertThrows(IllegalArgumentException.class,
                () -> hal.pin(Integer.MAX_VALUE, CpuSet.of(0)));
        assertTrue(noThread.getMessage().startsWith("no thread 2147483647 in this process"), noThread.getMessage());
        assertThrows(IllegalArgumentException.class, () -> hal.affinity(1), "pid 1 is not a thread of this process");
    }

    @Test
    void affinityAgreesWithProc() throws Exception {
        OnNewThread.run(() -> assertEquals(allowedList(ProcFiles.THREAD_SELF), hal.affinity().value().toString()));
    }

    @Test
    void currentCpuIsAnOnlineCpu() {
        Outcome<Integer> cpu = hal.currentCpu();
        assertEquals(Support.NATIVE, cpu.support());
        assertTrue(files.onlineCpus().contains(cpu.value()), cpu.toString());
    }

    @Test
    void rawClockIsMonotonicAndKeepsPaceWithNanoTime() {
        long previous = hal.monotonicRawNanos().value();
        for (int i = 0; i < 100_000; i++) {
            long now = hal.monotonicRawNanos().value();
            assertTrue(now >= previous, now + " after " + previous);
            previous = now;
        }
        // Bracket each raw reading between two nanoTime readings: preemption widens the bracket, never breaks it.
        long before0 = System.nanoTime();
        long raw0 = hal.monotonicRawNanos().value();
        long after0 = System.nanoTime();
        while (System.nanoTime() - after0 < TimeUnit.MILLISECONDS.toNanos(20)) {
            Thread.onSpinWait();
        }
        long before1 = System.nanoTime();
        long raw1 = hal.monotonicRawNanos().value();
        long after1 = System.nanoTime();
        long slack = TimeUnit.MICROSECONDS.toNanos(100) + (after1 - before0) / 1000; // NTP slews at most 500 ppm
        assertTrue(raw1 - raw0 >= before1 - after0 - slack && raw1 - raw0 <= after1 - before0 + slack,
                "raw elapsed " + (raw1 - raw0) + " ns outside [" + (before1 - after0) + ", " + (after1 - before0) + "]");
    }

    @Test
    void clockResolutionIsPositive() {
        Outcome<Long> resolution = hal.clockResolutionNanos();
        assertEquals(Support.NATIVE, resolution.support());
        assertTrue(resolution.value() > 0 && resolution.value() <= TimeUnit.MILLISECONDS.toNanos(1), resolution.toString());
    }

    @Test
    void lockingMemoryShowsInVmLck() throws IOException {
        Outcome<Void> locked = hal.lockMemory();
        try {
            assumeTrue(locked.isSupported(), "mlockall refused here: " + locked.reason());
            assertEquals(Support.NATIVE, locked.support());
            assertTrue(lockedKiloBytes() > 0, "VmLck after mlockall");
        } finally {
            assertEquals(Support.NATIVE, hal.unlockMemory().support());
        }
        assertEquals(0, lockedKiloBytes(), "VmLck after munlockall");
    }

    @Test
    void featuresAreTheCallsOfThePortableListAnsweredNatively() {
        assertEquals(files.features().stream().map(Feature::name).toList(),
                hal.features().stream().map(Feature::name).toList());
        for (Feature f : hal.features()) {
            assertTrue(!f.detail().isBlank(), f.toString());
        }
        for (String name : new String[] {"pin", "affinity", "currentCpu", "memory.lock", "clock.monotonicRaw",
                "clock.resolution"}) {
            assertEquals(Support.NATIVE, feature(name).support(), feature(name).toString());
        }
        assertEquals(Support.PORTABLE, feature("topology").support());
        assertTrue(feature("clock.monotonicRaw").detail().matches(".*resolution \\d+ ns"), feature("clock.monotonicRaw").detail());
        assertTrue(hal.platform().endsWith(", JNR-FFI native path"), hal.platform());
    }

    private static Feature feature(String name) {
        return hal.features().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }

    private static String allowedList(Path task) throws IOException {
        return ProcFiles.statusField(task.resolve("status"), "Cpus_allowed_list").orElseThrow();
    }

    private static long lockedKiloBytes() throws IOException {
        String vmLck = ProcFiles.statusField(ProcFiles.SELF.resolve("status"), "VmLck").orElseThrow();
        return Long.parseLong(vmLck.replace("kB", "").strip());
    }
}
