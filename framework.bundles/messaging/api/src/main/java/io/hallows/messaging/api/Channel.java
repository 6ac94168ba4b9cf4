package io.hallows.messaging.api;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Flow;
import java.util.function.Function;
import java.util.function.Predicate;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A stream of records from the log, with back-pressure: nothing is read from the log beyond what
 * subscribers have {@linkplain Flow.Subscription#request(long) requested}. Operators make new
 * channels; each subscription to a channel reads the log on its own. Signals to one subscriber
 * are never concurrent. Cancelling the subscription stops reading.
 */
@ProviderType
public interface Channel<T> extends Flow.Publisher<T> {
    /** Each element transformed by {@code mapper}; an exception it throws fails the subscription. */
    <R> Channel<R> map(Function<? super T, ? extends R> mapper);

    /** Only the elements {@code predicate} accepts. */
    Channel<T> filter(Predicate<? super T> predicate);

    /**
     * Elements grouped in lists of at most {@code size}, a list emitted when full or when
     * {@code span} has passed since its first element (never empty).
     *
     * @throws IllegalArgumentException if {@code size < 1} or {@code span} is not positive
     */
    Channel<List<T>> window(int size, Duration span);
}
