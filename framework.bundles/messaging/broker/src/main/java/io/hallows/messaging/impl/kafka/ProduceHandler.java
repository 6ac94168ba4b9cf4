package io.hallows.messaging.impl.kafka;

import io.hallows.messaging.impl.log.AppendResult;
import io.hallows.messaging.impl.log.TopicInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.message.ProduceRequestData;
import org.apache.kafka.common.message.ProduceResponseData;
import org.apache.kafka.common.message.ProduceResponseData.PartitionProduceResponse;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.record.internal.MemoryRecords;

/**
 * Produce: each partition's record batches go to {@link io.hallows.messaging.impl.log.Logs#append}
 * as they arrived, a slice of the request's bytes (no record is looked at here: the log checks
 * the batches and assigns the offsets). The answer waits for every partition's append to be
 * acknowledged as its topic's flush setting says; acks 1 and -1 are the same on a single broker,
 * acks 0 gets no answer at all.
 */
final class ProduceHandler {
    private final Broker broker;

    ProduceHandler(Broker broker) {
        this.broker = broker;
    }

    /** The answer, or null for acks=0. */
    CompletableFuture<ProduceResponseData> handle(Request request) {
        ProduceRequestData data = (ProduceRequestData) request.body().data();
        short acks = data.acks();
        Errors refused = Errors.NONE;
        String why = null;
        if (acks != 0 && acks != 1 && acks != -1) {
            refused = Errors.INVALID_REQUIRED_ACKS;
            why = "acks must be 0, 1 or -1 (all), not " + acks;
        } else if (data.transactionalId() != null) {
            refused = Errors.INVALID_REQUEST;
            why = GroupApis.NO_TRANSACTIONS;
        }
        List<CompletableFuture<?>> appends = new ArrayList<>();
        ProduceResponseData.TopicProduceResponseCollection topics = new ProduceResponseData.TopicProduceResponseCollection();
        for (ProduceRequestData.TopicProduceData topic : data.topicData()) {
            List<PartitionProduceResponse> partitions = new ArrayList<>(topic.partitionData().size());
            topics.add(new ProduceResponseData.TopicProduceResponse().setName(topic.name()).setPartitionResponses(partitions));
            Optional<TopicInfo> info = refused == Errors.NONE ? broker.logs.topic(topic.name()) : Optional.empty();
            for (ProduceRequestData.PartitionProduceData partition : topic.partitionData()) {
                PartitionProduceResponse answer = new PartitionProduceResponse().setIndex(partition.index()).setBaseOffset(-1)
                        .setLogAppendTimeMs(-1).setLogStartOffset(-1);
                partitions.add(answer);
                if (refused != Errors.NONE) {
                    answer.setErrorCode(refused.code()).setErrorMessage(why);
                } else if (info.isEmpty() || partition.index() < 0 || partition.index() >= info.get().partitions()) {
                    answer.setErrorCode(Errors.UNKNOWN_TOPIC_OR_PARTITION.code());
                } else if (!(partition.records() instanceof MemoryRecords records)) {
                    answer.setErrorCode(Errors.CORRUPT_MESSAGE.code()).setErrorMessage("a produce request without record batches");
                } else {
                    appends.add(broker.logs.append(topic.name(), partition.index(), records)
                            .handle((result, failure) -> fill(answer, result, failure)));
                }
            }
        }
        CompletableFuture<Void> all = CompletableFuture.allOf(appends.toArray(CompletableFuture<?>[]::new));
        if (acks == 0) {
            all.whenComplete((v, failure) -> logUnanswered(request, topics));
            return null;
        }
        return all.thenApply(v -> new ProduceResponseData().setResponses(topics));
    }

    private static PartitionProduceResponse fill(PartitionProduceResponse answer, AppendResult result, Throwable failure) {
        if (failure != null) {
            return answer.setErrorCode(Broker.error(failure).code()).setErrorMessage(failure.getMessage());
        }
        return answer.setErrorCode(result.error().code()).setErrorMessage(result.error() == Errors.NONE ? null : result.message())
                .setBaseOffset(result.baseOffset()).setLogAppendTimeMs(result.logAppendTime()).setLogStartOffset(result.logStartOffset());
    }

    /** An acks=0 producer never hears of a failed append: the log says so instead. */
    private void logUnanswered(Request request, ProduceResponseData.TopicProduceResponseCollection topics) {
        for (ProduceResponseData.TopicProduceResponse topic : topics) {
            for (PartitionProduceResponse partition : topic.partitionResponses()) {
                if (partition.errorCode() != Errors.NONE.code()) {
                    broker.log.debug("kafka: an acks=0 produce to {}-{} from {} failed: {} {}", topic.name(), partition.index(),
                            request.clientHost(), Errors.forCode(partition.errorCode()), partition.errorMessage());
                }
            }
        }
    }
}
