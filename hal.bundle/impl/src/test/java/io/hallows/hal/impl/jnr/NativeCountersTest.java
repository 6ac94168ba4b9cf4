package io.hallows.hal.impl.jnr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.hallows.hal.api.CounterSample;
import io.hallows.hal.api.Feature;
import io.hallows.hal.api.Hal;
import io.hallows.hal.api.Outcome;
import io.hallows.hal.api.Support;
import io.hallows.hal.api.ThreadCounters;
import io.hallows.hal.impl.OnNewThread;
import io.hallows.hal.impl.portable.PortableHal;
import io.hallows.hal.impl.portable.ProcFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Per-thread counters through perf_event_open and /proc, on this machine (here: no PMU, software events work). */
class NativeCountersTest {
    private static volatile long sink;
    private static Hal hal;

    @BeforeAll
    static void load() {
        assumeTrue(System.getProperty("os.name").startsWith("Linux"), "the native path is Linux only");
        hal = NativeHal.load(PortableHal.onThisMachine(null));
    }

    @Test
    void switchCountsGrowWhenTheThreadParks() throws Exception {
        CounterSample sample = OnNewThread.call(() -> {
            try (ThreadCounters counters = hal.openCounters().value()) {
                for (int i = 0; i < 5; i++) {
                    LockSupport.parkNanos(2_000_000); // the measured event: blocking is a voluntary switch
                }
                return counters.read();
            }
        });
        assertTrue(sample.voluntarySwitches() > 0, sample.toString());
        assertConsistentWithFeature("counters.contextSwitches", sample.contextSwitches());
        sample.contextSwitches().ifPresent(n -> assertTrue(n > 0, sample.toString()));
    }

    @Test
    void hardwareCountersArePresentExactlyWhenTheFeaturesSaySo() throws Exception {
        CounterSample[] samples = OnNewThread.call(() -> {
            try (ThreadCounters counters = hal.openCounters().value()) {
                CounterSample first = counters.read();
                busyWork();
                return new CounterSample[] {first, counters.read()};
            }
        });
        assertConsistentWithFeature("counters.cycles", samples[0].cycles());
        assertConsistentWithFeature("counters.instructions", samples[0].instructions());
        assertIncreasing(samples[0].cycles(), samples[1].cycles());
        assertIncreasing(samples[0].instructions(), samples[1].instructions());
    }

    @Test
    void countersFollowTheirThreadWhoeverReadsThem() throws Exception {
        ThreadCounters counters = OnNewThread.call(() -> hal.openCounters().value());
        awaitGone(ProcFiles.task(counters.threadId())); // join() returns before the kernel has reaped the thread
        IllegalStateException ended = assertThrows(IllegalStateException.class, counters::read);
        assertTrue(ended.getMessage().contains("thread " + counters.threadId() + " has ended"), ended.getMessage());
        counters.close();

        try (ThreadCounters mine = hal.openCounters().value()) {
            assertEquals(hal.threadId().value(), mine.threadId());
            CounterSample fromOtherThread = OnNewThread.call(mine::read);
            assertTrue(fromOtherThread.voluntarySwitches() >= 0);
        }
    }

    @Test
    void closingReleasesTheDescriptorsAndRefusesReads() throws Exception {
        OnNewThread.run(() -> {
            long before = openDescriptors();
            Outcome<ThreadCounters> opened = hal.openCounters();
            ThreadCounters counters = opened.value();
            long perf = Stream.of(counters.read().cycles(), counters.read().instructions(), counters.read().contextSwitches())
                    .filter(OptionalLong::isPresent).count();
            assertEquals(before + perf, openDescriptors(), "one descriptor per perf counter");
            assertEquals(perf > 0 ? Support.NATIVE : Support.PORTABLE, opened.support());

            counters.close();
            counters.close(); // twice is harmless
            assertEquals(before, openDescriptors());
            IllegalStateException closed = assertThrows(IllegalStateException.class, counters::read);
            assertTrue(closed.getMessage().contains("closed"), closed.getMessage());
        });
    }

    private static void assertConsistentWithFeature(String name, OptionalLong value) {
        Feature feature = hal.features().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
        assertEquals(feature.support() == Support.NATIVE, value.isPresent(), feature + " but the sample has " + value);
        if (feature.support() == Support.UNSUPPORTED) {
            assertTrue(feature.detail().startsWith("perf_event_open(2): "), feature.detail());
        }
    }

    private static void assertIncreasing(OptionalLong first, OptionalLong second) {
        assertEquals(first.isPresent(), second.isPresent());
        first.ifPresent(n -> assertTrue(second.getAsLong() > n, first + " then " + second));
    }

    private static long openDescriptors() throws IOException {
        try (Stream<?> fds = Files.list(ProcFiles.SELF.resolve("fd"))) {
            return fds.count() - 1; // the listing's own descriptor
        }
    }

    private static void busyWork() {
        long x = 1;
        for (int i = 0; i < 10_000_000; i++) {
            x = x * 31 + i;
        }
        sink = x; // so the loop is not optimised away
    }

    private static void awaitGone(Path task) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (Files.exists(task)) {
            assertTrue(System.nanoTime() < deadline, task + " still there 10 s after its thread ended");
            Thread.yield();
        }
    }
}
