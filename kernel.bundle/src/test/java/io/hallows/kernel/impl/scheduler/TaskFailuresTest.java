package io.hallows.kernel.impl.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Counting failed tasks in a sliding window: the alarm sounds once more than the threshold fail within it. */
class TaskFailuresTest {
    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);
    private final List<String> alarms = new ArrayList<>();
    private final TaskFailures failures = new TaskFailures(3, Duration.ofMillis(100), alarms::add);

    @Test
    void moreThanTheThresholdWithinTheWindowRaisesOneAlarm() {
        for (int i = 0; i < 3; i++) {
            failures.failed(i * MS, new IllegalStateException("boom"));
        }
        assertEquals(List.of(), alarms, "three failures are within the threshold");
        failures.failed(10 * MS, new IllegalStateException("boom"));
        assertEquals(1, alarms.size());
        assertTrue(alarms.get(0).startsWith("repeated task failures: over 3 tasks failed within 100 ms"), alarms.get(0));
        assertTrue(alarms.get(0).endsWith("(the latest threw java.lang.IllegalStateException)"), "no message: it may carry data");

        for (int i = 0; i < 3; i++) {
            failures.failed((11 + i) * MS, new IllegalStateException("boom"));
        }
        assertEquals(1, alarms.size(), "the count started again after the alarm");
        failures.failed(20 * MS, new IllegalStateException("boom"));
        assertEquals(2, alarms.size());
    }

    @Test
    void failuresSpreadWiderThanTheWindowRaiseNone() {
        for (int i = 0; i < 50; i++) {
            failures.failed(i * 40 * MS, new RuntimeException()); // four failures span 120 ms
        }
        assertEquals(List.of(), alarms);
    }

    @Test
    void aBurstAfterQuietFailuresCountsOnlyTheFailuresInsideTheWindow() {
        failures.failed(0, new RuntimeException());
        failures.failed(MS, new RuntimeException());
        failures.failed(500 * MS, new RuntimeException());
        failures.failed(501 * MS, new RuntimeException());
        failures.failed(502 * MS, new RuntimeException());
        assertEquals(List.of(), alarms, "only three within the last 100 ms");
        failures.failed(503 * MS, new RuntimeException());
        assertEquals(1, alarms.size());
    }

    @Test
    void aThresholdMustBePositiveAndAWindowLongerThanZero() {
        assertThrows(IllegalArgumentException.class, () -> new TaskFailures(0, Duration.ofSeconds(1), r -> { }));
        assertThrows(IllegalArgumentException.class, () -> new TaskFailures(1, Duration.ZERO, r -> { }));
    }
}
