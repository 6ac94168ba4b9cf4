package io.hallows.messaging.impl.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallows.messaging.api.Channel;
import io.hallows.messaging.api.Message;
import io.hallows.messaging.api.StartAt;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class OperatorTest {
    private static Channel<Integer> numbers(Fixture f) {
        return f.messaging.subscribe("t", StartAt.EARLIEST).map(m -> Integer.parseInt(Fixture.text(m.value()).substring(1)));
    }

    @Test
    void mapAndFilterPassOnWhatIsAskedFor() throws Exception {
        try (Fixture f = new Fixture().topic("t", 1)) {
            f.fill("t", 0, 40);
            Probe<String> probe = new Probe<>();
            numbers(f).filter(n -> n % 3 == 0).map(n -> "#" + n).subscribe(probe);
            probe.request(5);
            assertEquals(List.of("#0", "#3", "#6", "#9", "#12"), probe.await(5));
            f.executor.awaitQuiet();
            assertEquals(5, probe.received().size(), "no more than requested");
            probe.request(100);
            assertEquals(14, probe.await(14).size());
        }
    }

    @Test
    void aFailingMapFailsTheSubscriptionAndStopsIt() throws Exception {
        try (Fixture f = new Fixture().topic("t", 1)) {
            f.fill("t", 0, 10);
            IllegalStateException boom = new IllegalStateException("boom at 4");
            Probe<Integer> probe = new Probe<>();
            numbers(f).map(n -> {
                if (n == 4) {
                    throw boom;
                }
                return n;
            }).subscribe(probe);
            probe.request(Long.MAX_VALUE);
            assertSame(boom, probe.awaitError());
            f.executor.awaitQuiet();
            assertEquals(List.of(0, 1, 2, 3), probe.received());
            assertEquals(0, f.logs.waiters());
        }
    }

    @Test
    void windowsFillToTheirSize() throws Exception {
        try (Fixture f = new Fixture().topic("t", 1)) {
            f.fill("t", 0, 10);
            Probe<List<Integer>> probe = new Probe<>();
            numbers(f).window(4, Duration.ofMinutes(5)).subscribe(probe);
            probe.request(2);
            assertEquals(List.of(List.of(0, 1, 2, 3), List.of(4, 5, 6, 7)), probe.await(2));
            f.executor.awaitQuiet();
            assertEquals(2, probe.received().size());
            assertTrue(f.logs.recordsRead() <= 10);
        }
    }

    @Test
    void aWindowIsEmittedWhenItsSpanHasPassed() throws Exception {
        try (Fixture f = new Fixture().topic("t", 1)) {
            f.fill("t", 0, 3);
            Probe<List<Integer>> probe = new Probe<>();
            long start = System.nanoTime();
            numbers(f).window(100, Duration.ofMillis(150)).subscribe(probe);
            probe.request(2);
            assertEquals(List.of(0, 1, 2), probe.await(1).get(0));
            assertTrue(System.nanoTime() - start >= Duration.ofMillis(150).toNanos(), "not before the span");
            f.publish("t", 0, null, "v3");
            f.publish("t", 0, null, "v4");
            assertEquals(List.of(3, 4), probe.await(2).get(1), "a new window after the first");
        }
    }

    @Test
    void windowArgumentsAreChecked() throws Exception {
        try (Fixture f = new Fixture().topic("t", 1)) {
            Channel<Message> channel = f.messaging.subscribe("t", StartAt.EARLIEST);
            assertThrows(IllegalArgumentException.class, () -> channel.window(0, Duration.ofSeconds(1)));
            assertThrows(IllegalArgumentException.class, () -> channel.window(1, Duration.ZERO));
        }
    }
}
