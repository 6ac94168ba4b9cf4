package io.hallows.messaging.impl.kafka;

import io.hallows.messaging.impl.log.OffsetLookup;
import io.hallows.messaging.impl.log.TopicInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.message.ListOffsetsRequestData;
import org.apache.kafka.common.message.ListOffsetsResponseData;
import org.apache.kafka.common.message.ListOffsetsResponseData.ListOffsetsPartitionResponse;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.requests.ListOffsetsRequest;

/**
 * ListOffsets: the log start (-2, and -4, the earliest local offset, which is the same without
 * tiered storage), the high watermark (-1), the record with the largest timestamp (-3), or the
 * first offset at or after a timestamp. The tiered-storage queries (-5, -6) find nothing, as
 * Kafka answers for a topic without remote storage.
 */
final class ListOffsetsHandler {
    private final Broker broker;

    ListOffsetsHandler(Broker broker) {
        this.broker = broker;
    }

    CompletableFuture<ListOffsetsResponseData> handle(Request request) {
        ListOffsetsRequestData data = (ListOffsetsRequestData) request.body().data();
        List<CompletableFuture<?>> pending = new ArrayList<>();
        List<ListOffsetsResponseData.ListOffsetsTopicResponse> topics = new ArrayList<>(data.topics().size());
        for (ListOffsetsRequestData.ListOffsetsTopic topic : data.topics()) {
            Optional<TopicInfo> info = broker.logs.topic(topic.name());
            List<ListOffsetsPartitionResponse> partitions = new ArrayList<>(topic.partitions().size());
            topics.add(new ListOffsetsResponseData.ListOffsetsTopicResponse().setName(topic.name()).setPartitions(partitions));
            for (ListOffsetsRequestData.ListOffsetsPartition partition : topic.partitions()) {
                ListOffsetsPartitionResponse answer = new ListOffsetsPartitionResponse().setPartitionIndex(partition.partitionIndex())
                        .setTimestamp(-1).setOffset(-1).setLeaderEpoch(-1);
                partitions.add(answer);
                long timestamp = partition.timestamp();
                if (info.isEmpty() || partition.partitionIndex() < 0 || partition.partitionIndex() >= info.get().partitions()) {
                    answer.setErrorCode(Errors.UNKNOWN_TOPIC_OR_PARTITION.code());
                } else if (timestamp == ListOffsetsRequest.LATEST_TIERED_TIMESTAMP
                        || timestamp == ListOffsetsRequest.EARLIEST_PENDING_UPLOAD_TIMESTAMP) {
                    continue; // no remote storage: nothing is tiered
                } else if (timestamp < ListOffsetsRequest.EARLIEST_PENDING_UPLOAD_TIMESTAMP) {
                    answer.setErrorCode(Errors.INVALID_REQUEST.code());
                } else {
                    long query = timestamp == ListOffsetsRequest.EARLIEST_LOCAL_TIMESTAMP ? ListOffsetsRequest.EARLIEST_TIMESTAMP : timestamp;
                    pending.add(broker.logs.listOffset(topic.name(), partition.partitionIndex(), query)
                            .handle((found, failure) -> fill(answer, found, failure)));
                }
            }
        }
        ListOffsetsResponseData response = new ListOffsetsResponseData().setTopics(topics);
        return CompletableFuture.allOf(pending.toArray(CompletableFuture<?>[]::new)).thenApply(v -> response);
    }

    private static ListOffsetsPartitionResponse fill(ListOffsetsPartitionResponse answer, OffsetLookup found, Throwable failure) {
        if (failure != null) {
            return answer.setErrorCode(Broker.error(failure).code());
        }
        return answer.setErrorCode(found.error().code()).setOffset(found.offset()).setTimestamp(found.timestamp());
    }
}
