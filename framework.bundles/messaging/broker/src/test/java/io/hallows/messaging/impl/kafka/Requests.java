package io.hallows.messaging.impl.kafka;

import java.util.List;
import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.message.ApiVersionsRequestData;
import org.apache.kafka.common.message.FetchRequestData;
import org.apache.kafka.common.message.MetadataRequestData;
import org.apache.kafka.common.message.ProduceRequestData;
import org.apache.kafka.common.record.internal.MemoryRecords;
import org.apache.kafka.common.record.internal.SimpleRecord;

/** Request bodies for the raw-socket tests. */
final class Requests {
    private Requests() {
    }

    static ApiVersionsRequestData apiVersions() {
        return new ApiVersionsRequestData().setClientSoftwareName("raw-test").setClientSoftwareVersion("1.0");
    }

    static MetadataRequestData metadata(String... topics) {
        MetadataRequestData data = new MetadataRequestData().setAllowAutoTopicCreation(false);
        for (String topic : topics) {
            data.topics().add(new MetadataRequestData.MetadataRequestTopic().setName(topic));
        }
        return data;
    }

    static FetchRequestData fetch(String topic, int partition, long offset, int maxWaitMs) {
        FetchRequestData.FetchPartition part = new FetchRequestData.FetchPartition().setPartition(partition).setFetchOffset(offset)
                .setPartitionMaxBytes(1 << 20).setLogStartOffset(-1).setLastFetchedEpoch(-1).setCurrentLeaderEpoch(-1);
        return new FetchRequestData().setReplicaId(-1).setMaxWaitMs(maxWaitMs).setMinBytes(1).setMaxBytes(1 << 24)
                .setIsolationLevel((byte) 0).setSessionId(0).setSessionEpoch(-1)
                .setTopics(new java.util.ArrayList<>(List.of(new FetchRequestData.FetchTopic().setTopic(topic)
                        .setPartitions(new java.util.ArrayList<>(List.of(part))))));
    }

    static MemoryRecords records(String... values) {
        SimpleRecord[] records = new SimpleRecord[values.length];
        for (int i = 0; i < values.length; i++) {
            records[i] = new SimpleRecord(System.currentTimeMillis(), "k".getBytes(), values[i].getBytes());
        }
        return MemoryRecords.withRecords(Compression.NONE, records);
    }

    static ProduceRequestData produce(String topic, int partition, short acks, MemoryRecords records) {
        ProduceRequestData.TopicProduceDataCollection topics = new ProduceRequestData.TopicProduceDataCollection();
        topics.add(new ProduceRequestData.TopicProduceData().setName(topic)
                .setPartitionData(List.of(new ProduceRequestData.PartitionProduceData().setIndex(partition).setRecords(records))));
        return new ProduceRequestData().setAcks(acks).setTimeoutMs(5000).setTopicData(topics);
    }
}
