package io.hallows.messaging.impl.kafka;

import io.hallows.messaging.impl.log.ReadResult;
import io.hallows.messaging.impl.log.TopicInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.message.FetchRequestData;
import org.apache.kafka.common.message.FetchResponseData;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.record.internal.MemoryRecords;
import org.apache.kafka.common.record.internal.MutableRecordBatch;

/**
 * Fetch: reads every requested partition; when the reads found fewer than {@code min.bytes} and
 * the client allows a wait, long-polls the partitions ({@link FetchPoll}) and reads again. The
 * answer holds whole batches as stored, within {@code partition.max.bytes} per partition and
 * {@code max.bytes} in all (but always the first batch found, so a batch larger than the limits
 * is not stuck). Fetch sessions are not kept: every answer says session 0, so clients send full
 * fetches. With read_committed the last stable offset is the high watermark (no transactions).
 */
final class FetchHandler {
    private final Broker broker;

    FetchHandler(Broker broker) {
        this.broker = broker;
    }

    CompletableFuture<FetchResponseData> handle(Request request) {
        FetchRequestData data = (FetchRequestData) request.body().data();
        List<Part> parts = new ArrayList<>();
        List<FetchResponseData.FetchableTopicResponse> topics = new ArrayList<>(data.topics().size());
        for (FetchRequestData.FetchTopic topic : data.topics()) {
            Optional<TopicInfo> info = broker.logs.topic(topic.topic());
            List<FetchResponseData.PartitionData> partitions = new ArrayList<>(topic.partitions().size());
            topics.add(new FetchResponseData.FetchableTopicResponse().setTopic(topic.topic()).setPartitions(partitions));
            for (FetchRequestData.FetchPartition partition : topic.partitions()) {
                FetchResponseData.PartitionData answer = new FetchResponseData.PartitionData().setPartitionIndex(partition.partition())
                        .setHighWatermark(-1).setLastStableOffset(-1).setLogStartOffset(-1).setRecords(MemoryRecords.EMPTY)
                        .setAbortedTransactions(data.isolationLevel() == 1 ? List.of() : null);
                partitions.add(answer);
                if (info.isEmpty() || partition.partition() < 0 || partition.partition() >= info.get().partitions()) {
                    answer.setErrorCode(Errors.UNKNOWN_TOPIC_OR_PARTITION.code());
                } else {
                    parts.add(new Part(topic.topic(), partition.partition(), partition.fetchOffset(),
                            Math.max(0, partition.partitionMaxBytes()), answer));
                }
            }
        }
        FetchResponseData response = new FetchResponseData().setSessionId(0).setResponses(topics);
        if (parts.isEmpty()) {
            return CompletableFuture.completedFuture(response);
        }
        List<Part> reads = shares(parts, data.maxBytes());
        CompletableFuture<ReadResult[]> polled = new FetchPoll(broker, reads, data.minBytes(), data.maxWaitMs()).run();
        CompletableFuture<FetchResponseData> answer = polled.thenApply(results -> fill(response, reads, results, data.maxBytes()));
        // The connection cancels the answer when it closes: the poll's waiters and timer must go too.
        answer.whenComplete((r, failure) -> {
            if (answer.isCancelled()) {
                polled.cancel(false);
            }
        });
        return answer;
    }

    /**
     * The parts with what each may read cut to a share of the answer's limit: every partition is
     * read at once, so without shares a fetch of many partitions would read many times the
     * {@code max.bytes} it may send (and a hostile one many gigabytes). Each still gets its first
     * batch (the reads are minOneBatch), so a partition is never stuck behind its share.
     */
    static List<Part> shares(List<Part> parts, int maxBytes) {
        long total = Math.min(Math.max(0, maxBytes), MAX_FETCH_BYTES);
        int share = (int) Math.max(MIN_SHARE_BYTES, total / parts.size());
        List<Part> cut = new ArrayList<>(parts.size());
        for (Part part : parts) {
            cut.add(part.maxBytes() <= share ? part
                    : new Part(part.topic(), part.partition(), part.fetchOffset(), share, part.answer()));
        }
        return cut;
    }

    /** The most one fetch reads in all (Kafka's broker caps fetch.max.bytes at 55 MiB by default). */
    static final int MAX_FETCH_BYTES = 64 << 20;
    /** The least a partition's share is, so that a fetch of many partitions still moves. */
    static final int MIN_SHARE_BYTES = 64 << 10;

    /** One partition of a fetch: where to read, how much, and its place in the answer. */
    record Part(String topic, int partition, long fetchOffset, int maxBytes, FetchResponseData.PartitionData answer) {
    }

    /** Puts the reads into the answer, in request order, trimming to {@code maxBytes} in all. */
    private static FetchResponseData fill(FetchResponseData response, List<Part> parts, ReadResult[] results, int maxBytes) {
        int budget = Math.max(0, maxBytes);
        boolean first = true;
        for (int i = 0; i < parts.size(); i++) {
            ReadResult read = results[i];
            FetchResponseData.PartitionData answer = parts.get(i).answer();
            answer.setErrorCode(read.error().code());
            if (read.error() != Errors.NONE) {
                continue;
            }
            answer.setHighWatermark(read.highWatermark()).setLastStableOffset(read.highWatermark()).setLogStartOffset(read.logStartOffset());
            MemoryRecords records = read.records();
            if (records.sizeInBytes() > budget) {
                records = prefix(records, budget, first);
            }
            if (records.sizeInBytes() > 0) {
                first = false;
            }
            budget = Math.max(0, budget - records.sizeInBytes());
            answer.setRecords(records);
        }
        return response;
    }

    /** The whole batches of {@code records} that fit in {@code bytes}; at least one if {@code atLeastOne}. */
    static MemoryRecords prefix(MemoryRecords records, int bytes, boolean atLeastOne) {
        int size = 0;
        for (MutableRecordBatch batch : records.batches()) {
            int next = size + batch.sizeInBytes();
            if (next > bytes && !(atLeastOne && size == 0)) {
                break;
            }
            size = next;
        }
        if (size == records.sizeInBytes()) {
            return records;
        }
        java.nio.ByteBuffer buffer = records.buffer().duplicate();
        buffer.limit(buffer.position() + size);
        return MemoryRecords.readableRecords(buffer.slice());
    }
}
