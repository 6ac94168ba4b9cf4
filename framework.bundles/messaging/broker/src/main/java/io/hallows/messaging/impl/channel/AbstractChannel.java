package io.hallows.messaging.impl.channel;

import io.hallows.messaging.api.Channel;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Flow;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The operators of every channel: each makes a channel whose subscription subscribes to this one
 * through an operator, so each subscription reads the log on its own.
 */
abstract class AbstractChannel<T> implements Channel<T> {
    final Channels channels;

    AbstractChannel(Channels channels) {
        this.channels = channels;
    }

    @Override
    public <R> Channel<R> map(Function<? super T, ? extends R> mapper) {
        Objects.requireNonNull(mapper, "mapper");
        return derived(downstream -> subscribe(new StepSubscriber<T, R>(downstream,
                element -> Objects.requireNonNull(mapper.apply(element), "the map function returned null"))));
    }

    @Override
    public Channel<T> filter(Predicate<? super T> predicate) {
        Objects.requireNonNull(predicate, "predicate");
        return derived(downstream -> subscribe(new StepSubscriber<T, T>(downstream, element -> predicate.test(element) ? element : null)));
    }

    @Override
    public Channel<List<T>> window(int size, Duration span) {
        if (size < 1) {
            throw new IllegalArgumentException("window size must be at least 1 (was " + size + ")");
        }
        if (span == null || span.isNegative() || span.isZero()) {
            throw new IllegalArgumentException("window span must be positive (was " + span + ")");
        }
        return derived(downstream -> subscribe(new WindowSubscriber<>(downstream, size, span, channels)));
    }

    private <R> Channel<R> derived(Consumer<Flow.Subscriber<? super R>> subscribe) {
        return new AbstractChannel<R>(channels) {
            @Override
            public void subscribe(Flow.Subscriber<? super R> subscriber) {
                subscribe.accept(Objects.requireNonNull(subscriber, "subscriber"));
            }
        };
    }
}
