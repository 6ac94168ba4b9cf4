package io.hallows.messaging.impl.channel;

import io.hallows.messaging.api.Message;
import io.hallows.messaging.api.MessagingException;
import io.hallows.messaging.impl.log.Logs;
import io.hallows.messaging.impl.log.PartitionState;
import io.hallows.messaging.impl.log.TopicInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Flow;
import org.apache.kafka.common.protocol.Errors;

/**
 * A channel of a topic's records: all its partitions merged, or one. Each subscription finds the
 * topic and its start offsets when it starts (so {@code LATEST} means after subscribing) and reads
 * the log on its own.
 */
final class SourceChannel extends AbstractChannel<Message> {
    /** Where a partition's reading starts, given the partition now. */
    interface Start {
        long offset(int partition, PartitionState state);
    }

    /** Every partition of the topic. */
    static final int ALL = -1;

    private final Logs logs;
    private final String topic;
    private final int partition;
    private final Start start;
    private final LogSubscription.Delivered delivered;
    private final int chunkBytes;

    SourceChannel(Channels channels, Logs logs, String topic, int partition, Start start, LogSubscription.Delivered delivered, int chunkBytes) {
        super(channels);
        this.logs = logs;
        this.topic = Objects.requireNonNull(topic, "topic");
        this.partition = partition;
        this.start = start;
        this.delivered = delivered;
        this.chunkBytes = chunkBytes;
    }

    @Override
    public void subscribe(Flow.Subscriber<? super Message> subscriber) {
        Objects.requireNonNull(subscriber, "subscriber"); // Reactive Streams rule 1.9
        Serial serial = channels.serial(topic);
        LogSubscription subscription = new LogSubscription(subscriber, serial, delivered, channels.log());
        subscription.start(opened -> readers(serial, opened));
    }

    private List<PartitionReader> readers(Serial serial, LogSubscription listener) {
        TopicInfo info = logs.topic(topic).orElseThrow(() -> unknown("there is no topic '" + topic + "'"));
        if (partition != ALL && (partition < 0 || partition >= info.partitions())) {
            throw unknown("topic '" + topic + "' has partitions 0 to " + (info.partitions() - 1) + ", not " + partition);
        }
        List<PartitionReader> readers = new ArrayList<>();
        for (int p = partition == ALL ? 0 : partition; p < (partition == ALL ? info.partitions() : partition + 1); p++) {
            int number = p;
            PartitionState state = logs.state(topic, p).orElseThrow(() -> unknown("there is no partition " + topic + "-" + number));
            readers.add(new PartitionReader(logs, topic, p, start.offset(p, state), chunkBytes, serial, listener));
        }
        return readers;
    }

    private static MessagingException unknown(String message) {
        return new MessagingException(Errors.UNKNOWN_TOPIC_OR_PARTITION.name(), message);
    }
}
