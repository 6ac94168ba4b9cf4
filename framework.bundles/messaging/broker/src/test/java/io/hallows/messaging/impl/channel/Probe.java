package io.hallows.messaging.impl.channel;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * A test subscriber: requests only when told, records what it gets, and notices signals that
 * overlap (Reactive Streams rule 1.3) or come before onSubscribe.
 */
public final class Probe<T> implements Flow.Subscriber<T> {
    private final List<T> received = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Flow.Subscription> subscribed = new CompletableFuture<>();
    private final CompletableFuture<Throwable> error = new CompletableFuture<>();
    private final AtomicBoolean inSignal = new AtomicBoolean();
    private final AtomicBoolean overlapped = new AtomicBoolean();
    private volatile Consumer<T> onEach = t -> { };

    /** Runs in onNext, after the element is recorded. */
    public Probe<T> onEach(Consumer<T> action) {
        this.onEach = action;
        return this;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        enter();
        subscribed.complete(subscription);
        leave();
    }

    @Override
    public void onNext(T item) {
        enter();
        assertTrue(subscribed.isDone(), "onNext before onSubscribe");
        received.add(item);
        try {
            onEach.accept(item);
        } finally {
            leave();
            wake();
        }
    }

    @Override
    public void onError(Throwable throwable) {
        enter();
        error.complete(throwable);
        leave();
        wake();
    }

    @Override
    public void onComplete() {
        error.complete(null);
        wake();
    }

    public Flow.Subscription subscription() throws Exception {
        return subscribed.get(5, TimeUnit.SECONDS);
    }

    public void request(long n) throws Exception {
        subscription().request(n);
    }

    public List<T> received() {
        return received;
    }

    /** Waits (bounded) until {@code n} elements have arrived. */
    public List<T> await(int n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        synchronized (this) {
            while (received.size() < n && !error.isDone()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        }
        assertTrue(received.size() >= n, "expected " + n + " elements, got " + received.size() + (error.isDone() ? ", error " + error.join() : ""));
        assertFalse(overlapped.get(), "signals overlapped");
        return received;
    }

    public Throwable awaitError() throws Exception {
        return error.get(5, TimeUnit.SECONDS);
    }

    public boolean failed() {
        return error.isDone();
    }

    private synchronized void wake() {
        notifyAll();
    }

    private void enter() {
        if (!inSignal.compareAndSet(false, true)) {
            overlapped.set(true);
        }
    }

    private void leave() {
        inSignal.set(false);
    }
}
