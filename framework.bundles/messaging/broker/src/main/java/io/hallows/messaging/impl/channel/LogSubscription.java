package io.hallows.messaging.impl.channel;

import io.hallows.messaging.api.Message;
import io.hallows.messaging.api.MessagingException;
import java.util.List;
import java.util.concurrent.Flow;
import java.util.function.Function;
import org.osgi.service.log.Logger;

/**
 * One subscriber's subscription to one or more partitions of a topic. Messages are handed over
 * only as requested, taking the partitions in turn; a partition is read only while there is demand
 * and its buffer is empty, so at most one chunk per partition is read ahead of what was requested.
 * Every method body runs as an event of the subscription's {@link Serial}.
 */
final class LogSubscription implements Flow.Subscription, PartitionReader.Listener {
    /** Told of each message once the subscriber's {@code onNext} has returned (a group commits its offset). */
    interface Delivered {
        void delivered(Message message) throws MessagingException;
    }

    private final Flow.Subscriber<? super Message> subscriber;
    private final Serial serial;
    private final Delivered delivered;
    private final Logger log;
    private List<PartitionReader> readers = List.of();
    private long demand;
    private int turn;
    private boolean done;
    private volatile boolean cancelled;

    LogSubscription(Flow.Subscriber<? super Message> subscriber, Serial serial, Delivered delivered, Logger log) {
        this.subscriber = subscriber;
        this.serial = serial;
        this.delivered = delivered;
        this.log = log;
    }

    /** Opens the readers ({@code open} may refuse with a MessagingException), then signals onSubscribe. */
    void start(Function<LogSubscription, List<PartitionReader>> open) {
        serial.run(() -> {
            MessagingException refused = null;
            try {
                readers = open.apply(this);
            } catch (MessagingException e) {
                refused = e;
            }
            subscriber.onSubscribe(this);
            if (refused != null) {
                failed(refused);
            }
        });
    }

    @Override
    public void request(long n) {
        serial.run(() -> {
            if (done) {
                return;
            }
            if (n <= 0) {
                failed(new IllegalArgumentException("request(" + n + "): demand must be positive (Reactive Streams rule 3.9)"));
                return;
            }
            demand = demand + n < 0 ? Long.MAX_VALUE : demand + n;
            drain();
        });
    }

    @Override
    public void cancel() {
        cancelled = true;
        serial.run(this::stop);
    }

    @Override
    public void readable() {
        drain();
    }

    @Override
    public void failed(MessagingException error) {
        failed((Throwable) error);
    }

    private void failed(Throwable error) {
        if (!done) {
            stop();
            subscriber.onError(error);
        }
    }

    private void stop() {
        done = true;
        readers.forEach(PartitionReader::stop);
    }

    private void drain() {
        while (!done && demand > 0) {
            PartitionReader from = nextWithMessage();
            if (from == null) {
                break;
            }
            Message message = from.next();
            if (demand != Long.MAX_VALUE) {
                demand--;
            }
            try {
                subscriber.onNext(message);
            } catch (RuntimeException e) {
                log.warn("channel subscriber {} threw from onNext at {}-{}@{}, its subscription is cancelled (Reactive Streams rule 2.13)",
                        subscriber.getClass().getName(), message.topic(), message.partition(), message.offset(), e);
                stop();
                return;
            }
            if (cancelled) {
                return; // cancelled from onNext, perhaps by an operator that failed on it: not committed
            }
            if (delivered != null) {
                try {
                    delivered.delivered(message);
                } catch (MessagingException e) {
                    failed(e);
                    return;
                }
            }
        }
        for (PartitionReader reader : readers) {
            if (!done && reader.failure() != null) {
                failed(reader.failure());
            }
        }
        if (!done && demand > 0) {
            readers.forEach(PartitionReader::fill);
        }
    }

    private PartitionReader nextWithMessage() {
        for (int i = 0; i < readers.size(); i++) {
            PartitionReader reader = readers.get((turn + i) % readers.size());
            if (reader.hasMessage()) {
                turn = (turn + i + 1) % readers.size();
                return reader;
            }
        }
        return null;
    }
}
