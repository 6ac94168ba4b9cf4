package io.hallows.messaging.impl.channel;

import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Flow;

/**
 * window(size, span): elements gathered in lists, a list emitted when it holds {@code size}
 * elements or when {@code span} has passed since its first one (a Vert.x timer). Elements are
 * requested upstream for the current window only, while a window is wanted downstream, so at most
 * {@code size} elements are ever held. A window that is due while nothing is requested waits for
 * the next request. Upstream signals, requests and timers are events of one {@link Serial}.
 *
 * <p>Under a group subscription, an element's offset is committed when it has been handed to the
 * window, before the window reaches the subscriber: a crash in between loses those elements for
 * the group (at most once for windows, where map and filter keep at least once).
 */
final class WindowSubscriber<T> implements Flow.Subscriber<T>, Flow.Subscription {
    private final Flow.Subscriber<? super List<T>> downstream;
    private final int size;
    private final long spanMillis;
    private final Vertx vertx;
    private final Serial serial;

    // Touched by events of the serial context only.
    private Flow.Subscription upstream;
    private List<T> window = new ArrayList<>();
    private long windowNumber;
    private long timer = -1;
    private boolean due;
    private long demand;
    private long outstanding;
    private boolean upstreamDone;
    private boolean done;

    WindowSubscriber(Flow.Subscriber<? super List<T>> downstream, int size, Duration span, Channels channels) {
        this.downstream = downstream;
        this.size = size;
        this.spanMillis = Math.max(1, span.toMillis());
        this.vertx = channels.vertx();
        this.serial = channels.serial("window");
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        serial.run(() -> {
            upstream = subscription;
            downstream.onSubscribe(this);
        });
    }

    @Override
    public void onNext(T element) {
        serial.run(() -> {
            if (done) {
                return;
            }
            outstanding--;
            window.add(element);
            if (window.size() == 1) {
                long number = windowNumber;
                timer = vertx.setTimer(spanMillis, id -> serial.run(() -> spanPassed(number)));
            }
            flush();
        });
    }

    @Override
    public void onError(Throwable error) {
        serial.run(() -> {
            if (!done) {
                done = true;
                stopTimer();
                downstream.onError(error);
            }
        });
    }

    @Override
    public void onComplete() {
        serial.run(() -> {
            upstreamDone = true;
            flush();
        });
    }

    @Override
    public void request(long n) {
        serial.run(() -> {
            if (done) {
                return;
            }
            if (n <= 0) {
                done = true;
                stopTimer();
                upstream.cancel();
                downstream.onError(new IllegalArgumentException("request(" + n + "): demand must be positive (Reactive Streams rule 3.9)"));
                return;
            }
            demand = demand + n < 0 ? Long.MAX_VALUE : demand + n;
            flush();
        });
    }

    @Override
    public void cancel() {
        serial.run(() -> {
            if (!done) {
                done = true;
                stopTimer();
                upstream.cancel();
            }
        });
    }

    private void spanPassed(long number) {
        if (number == windowNumber && !done) {
            due = true;
            flush();
        }
    }

    /** Emits what is ready and wanted, then asks upstream for what the current window still lacks. */
    private void flush() {
        while (!done && demand > 0 && !window.isEmpty() && (window.size() >= size || due || upstreamDone)) {
            List<T> full = List.copyOf(window);
            window = new ArrayList<>();
            stopTimer();
            due = false;
            windowNumber++;
            if (demand != Long.MAX_VALUE) {
                demand--;
            }
            downstream.onNext(full);
        }
        if (done) {
            return;
        }
        if (upstreamDone) {
            if (window.isEmpty()) {
                done = true;
                downstream.onComplete();
            }
            return;
        }
        long lacking = size - window.size() - outstanding;
        if (demand > 0 && lacking > 0) {
            outstanding += lacking;
            upstream.request(lacking);
        }
    }

    private void stopTimer() {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
            timer = -1;
        }
    }
}
