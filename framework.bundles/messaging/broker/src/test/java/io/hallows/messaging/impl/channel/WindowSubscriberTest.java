package io.hallows.messaging.impl.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The window operator against a hand-driven upstream, to see exactly what it requests. */
class WindowSubscriberTest {
    private final AtomicLong requested = new AtomicLong();
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final Flow.Subscription upstream = new Flow.Subscription() {
        @Override
        public void request(long n) {
            requested.addAndGet(n);
        }

        @Override
        public void cancel() {
            cancelled.set(true);
        }
    };

    @Test
    void asksUpstreamOnlyForTheWindowsWanted() throws Exception {
        try (Fixture f = new Fixture()) {
            Probe<List<Integer>> probe = new Probe<>();
            WindowSubscriber<Integer> window = new WindowSubscriber<>(probe, 4, Duration.ofMinutes(1), new Channels(f.executor, f.vertx, f.log.logger()));
            window.onSubscribe(upstream);
            probe.subscription();
            f.executor.awaitQuiet();
            assertEquals(0, requested.get(), "nothing wanted yet");
            probe.request(1);
            f.executor.awaitQuiet();
            assertEquals(4, requested.get(), "one window's worth");
            for (int i = 0; i < 4; i++) {
                window.onNext(i);
            }
            assertEquals(List.of(List.of(0, 1, 2, 3)), probe.await(1));
            f.executor.awaitQuiet();
            assertEquals(4, requested.get(), "no window wanted: no more asked for");
            probe.request(2);
            f.executor.awaitQuiet();
            assertEquals(8, requested.get(), "the next window only, so at most one window is held");
            window.onNext(4);
            window.onComplete();
            assertEquals(List.of(4), probe.await(2).get(1), "the last, partial window when upstream completes");
            probe.awaitError();
        }
    }

    @Test
    void aNonPositiveRequestCancelsUpstreamAndFails() throws Exception {
        try (Fixture f = new Fixture()) {
            Probe<List<Integer>> probe = new Probe<>();
            new WindowSubscriber<Integer>(probe, 2, Duration.ofSeconds(1), new Channels(f.executor, f.vertx, f.log.logger())).onSubscribe(upstream);
            probe.request(-1);
            assertInstanceOf(IllegalArgumentException.class, probe.awaitError());
            f.executor.awaitQuiet();
            assertTrue(cancelled.get());
        }
    }
}
