package io.hallows.messaging.impl.channel;

import io.hallows.kernel.api.PartitionExecutor;
import io.hallows.messaging.api.Channel;
import io.hallows.messaging.api.Header;
import io.hallows.messaging.api.Message;
import io.hallows.messaging.api.Messaging;
import io.hallows.messaging.api.MessagingException;
import io.hallows.messaging.api.PartitionDescription;
import io.hallows.messaging.api.Published;
import io.hallows.messaging.api.StartAt;
import io.hallows.messaging.api.TopicDescription;
import io.hallows.messaging.impl.group.GroupCoordinator;
import io.hallows.messaging.impl.group.GroupException;
import io.hallows.messaging.impl.log.LogException;
import io.hallows.messaging.impl.log.Logs;
import io.hallows.messaging.impl.log.PartitionState;
import io.hallows.messaging.impl.log.TopicInfo;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.protocol.Errors;
import org.osgi.service.log.Logger;

/**
 * The in-JVM face of the log ({@link Messaging}): topics through {@link Logs}, publishing as one
 * record batch per record, channels that read the log with back-pressure, and group subscriptions
 * whose offsets are the groups' own ({@link GroupCoordinator}), shared with Kafka consumers.
 *
 * <p>Futures and channel signals complete on the log partition's threads.
 */
public final class LogMessaging implements Messaging {
    /** How much one read of a partition asks the log for (a whole batch even if larger). */
    static final int CHUNK_BYTES = 64 * 1024;

    private final Logs logs;
    private final GroupCoordinator groups;
    private final Channels channels;
    private final int chunkBytes;
    private final KeyPartitioner partitioner = new KeyPartitioner();

    public LogMessaging(Logs logs, GroupCoordinator groups, PartitionExecutor executor, Vertx vertx, Logger log) {
        this(logs, groups, executor, vertx, log, CHUNK_BYTES);
    }

    LogMessaging(Logs logs, GroupCoordinator groups, PartitionExecutor executor, Vertx vertx, Logger log, int chunkBytes) {
        this.logs = Objects.requireNonNull(logs, "logs");
        this.groups = Objects.requireNonNull(groups, "groups");
        this.channels = new Channels(Objects.requireNonNull(executor, "executor"), Objects.requireNonNull(vertx, "vertx"),
                Objects.requireNonNull(log, "log"));
        this.chunkBytes = chunkBytes;
    }

    @Override
    public List<TopicDescription> topics() {
        return logs.topics().stream().map(this::description).toList();
    }

    @Override
    public Optional<TopicDescription> describe(String topic) {
        return logs.topic(topic).map(this::description);
    }

    @Override
    public TopicDescription create(String topic, int partitions, Map<String, String> config) {
        try {
            return description(logs.createTopic(topic, partitions, config == null ? Map.of() : config, false));
        } catch (LogException e) {
            throw new MessagingException(e.error().name(), e.getMessage(), e);
        }
    }

    @Override
    public void delete(String topic) {
        try {
            logs.deleteTopic(topic);
        } catch (LogException e) {
            throw new MessagingException(e.error().name(), e.getMessage(), e);
        }
        groups.topicDeleted(topic);
        partitioner.forget(topic);
    }

    @Override
    public CompletableFuture<Published> publish(String topic, byte[] key, byte[] value) {
        return publish(topic, null, key, value, List.of());
    }

    @Override
    public CompletableFuture<Published> publish(String topic, Integer partition, byte[] key, byte[] value, List<Header> headers) {
        Objects.requireNonNull(topic, "topic");
        Optional<TopicInfo> info = logs.topic(topic);
        if (info.isEmpty()) {
            return CompletableFuture.failedFuture(unknown("there is no topic '" + topic + "'"));
        }
        int partitions = info.get().partitions();
        int target = partition != null ? partition : partitioner.partition(topic, key, partitions);
        if (target < 0 || target >= partitions) {
            return CompletableFuture.failedFuture(unknown("topic '" + topic + "' has partitions 0 to " + (partitions - 1) + ", not " + target));
        }
        long now = System.currentTimeMillis();
        CompletableFuture<Published> published = new CompletableFuture<>();
        logs.append(topic, target, RecordCodec.encode(now, key, value, headers == null ? List.of() : headers)).whenComplete((result, error) -> {
            if (error != null) {
                published.completeExceptionally(new MessagingException(Errors.KAFKA_STORAGE_ERROR.name(),
                        "appending to " + topic + "-" + target + " failed: " + error, error));
            } else if (result.error() != Errors.NONE) {
                published.completeExceptionally(new MessagingException(result.error().name(),
                        topic + "-" + target + ": " + (result.message() != null ? result.message() : result.error().message())));
            } else {
                published.complete(new Published(topic, target, result.baseOffset(), result.logAppendTime() >= 0 ? result.logAppendTime() : now));
            }
        });
        return published;
    }

    @Override
    public Channel<Message> subscribe(String topic, StartAt start) {
        Objects.requireNonNull(start, "start");
        return new SourceChannel(channels, logs, topic, SourceChannel.ALL, (p, state) -> startOffset(start, state), null, chunkBytes);
    }

    @Override
    public Channel<Message> subscribe(String topic, int partition, long offset) {
        return new SourceChannel(channels, logs, topic, partition, (p, state) -> Math.max(offset, state.logStartOffset()), null, chunkBytes);
    }

    @Override
    public Channel<Message> subscribe(String topic, String group, StartAt start) {
        Objects.requireNonNull(start, "start");
        if (group == null || group.isBlank()) {
            throw new IllegalArgumentException("a group subscription needs a group name (was '" + group + "')");
        }
        return new SourceChannel(channels, logs, topic, SourceChannel.ALL, (p, state) -> {
            var committed = groups.committed(group, topic, p);
            return committed.isPresent() ? Math.max(committed.getAsLong(), state.logStartOffset()) : startOffset(start, state);
        }, message -> commit(group, message), chunkBytes);
    }

    /** Kafka's committed offset is the next one to read: the delivered record's plus one. */
    private void commit(String group, Message message) {
        try {
            groups.commit(group, message.topic(), message.partition(), message.offset() + 1);
        } catch (GroupException e) {
            throw new MessagingException(e.error().name(), "group '" + group + "' cannot commit " + message.topic() + "-"
                    + message.partition() + "@" + (message.offset() + 1) + ": " + e.getMessage(), e);
        }
    }

    private static long startOffset(StartAt start, PartitionState state) {
        return start == StartAt.EARLIEST ? state.logStartOffset() : state.highWatermark();
    }

    private TopicDescription description(TopicInfo topic) {
        List<PartitionDescription> partitions = new ArrayList<>();
        for (int p = 0; p < topic.partitions(); p++) {
            int number = p;
            logs.state(topic.name(), p).ifPresent(s -> partitions.add(
                    new PartitionDescription(number, s.logStartOffset(), s.highWatermark(), s.segments(), s.bytes())));
        }
        return new TopicDescription(topic.name(), topic.id().toString(), topic.config().toMap(), partitions);
    }

    private static MessagingException unknown(String message) {
        return new MessagingException(Errors.UNKNOWN_TOPIC_OR_PARTITION.name(), message);
    }
}
