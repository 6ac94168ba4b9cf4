package io.hallows.messaging.impl.channel;

import java.util.concurrent.Flow;
import java.util.function.Function;

/**
 * map and filter: each element goes through {@code step}, which returns what to pass on, or null
 * to drop it (then one more element is requested, so the demand downstream stays what it asked).
 * Signals come serially from upstream and go straight on, on the same thread.
 */
final class StepSubscriber<T, R> implements Flow.Subscriber<T>, Flow.Subscription {
    private final Flow.Subscriber<? super R> downstream;
    private final Function<? super T, ? extends R> step;
    private Flow.Subscription upstream;
    private boolean done;

    StepSubscriber(Flow.Subscriber<? super R> downstream, Function<? super T, ? extends R> step) {
        this.downstream = downstream;
        this.step = step;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        upstream = subscription;
        downstream.onSubscribe(this);
    }

    @Override
    public void onNext(T element) {
        if (done) {
            return;
        }
        R result;
        try {
            result = step.apply(element);
        } catch (RuntimeException e) {
            done = true;
            upstream.cancel();
            downstream.onError(e);
            return;
        }
        if (result == null) {
            upstream.request(1);
        } else {
            downstream.onNext(result);
        }
    }

    @Override
    public void onError(Throwable error) {
        if (!done) {
            done = true;
            downstream.onError(error);
        }
    }

    @Override
    public void onComplete() {
        if (!done) {
            done = true;
            downstream.onComplete();
        }
    }

    @Override
    public void request(long n) {
        upstream.request(n); // the source checks n (rule 3.9) and fails this chain through onError
    }

    @Override
    public void cancel() {
        upstream.cancel();
    }
}
