package io.hallows.messaging.impl.kafka;

import io.hallows.messaging.impl.log.LogException;
import io.hallows.messaging.impl.log.TopicInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.internals.Topic;
import org.apache.kafka.common.message.DescribeClusterRequestData;
import org.apache.kafka.common.message.DescribeClusterResponseData;
import org.apache.kafka.common.message.MetadataRequestData;
import org.apache.kafka.common.message.MetadataResponseData;
import org.apache.kafka.common.message.MetadataResponseData.MetadataResponseBroker;
import org.apache.kafka.common.message.MetadataResponseData.MetadataResponseBrokerCollection;
import org.apache.kafka.common.message.MetadataResponseData.MetadataResponsePartition;
import org.apache.kafka.common.message.MetadataResponseData.MetadataResponseTopic;
import org.apache.kafka.common.message.MetadataResponseData.MetadataResponseTopicCollection;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.requests.MetadataRequest;

/**
 * Metadata and DescribeCluster: one broker (this node, at its advertised address), which leads
 * every partition and is its only replica. Leader epochs are reported as unknown (-1): a single
 * broker never changes leader, and without an epoch the consumer does not need
 * OffsetForLeaderEpoch to validate its positions.
 */
final class MetadataHandler {
    private final Broker broker;

    MetadataHandler(Broker broker) {
        this.broker = broker;
    }

    CompletableFuture<MetadataResponseData> metadata(Request request) {
        MetadataRequest body = (MetadataRequest) request.body();
        MetadataRequestData data = body.data();
        boolean autoCreate = broker.settings.autoCreateTopics() && (request.version() < 4 || data.allowAutoTopicCreation());
        if (body.isAllTopics()) {
            MetadataResponseTopicCollection topics = new MetadataResponseTopicCollection();
            for (TopicInfo topic : broker.logs.topics()) {
                topics.add(describe(topic));
            }
            return CompletableFuture.completedFuture(response(topics));
        }
        boolean creates = autoCreate && data.topics().stream()
                .anyMatch(t -> t.name() != null && Topic.isValid(t.name()) && broker.logs.topic(t.name()).isEmpty());
        if (creates) {
            // Creating a topic writes its folders: not on the event loop.
            return request.lane().run(() -> response(requested(data, true)));
        }
        return CompletableFuture.completedFuture(response(requested(data, false)));
    }

    DescribeClusterResponseData describeCluster(Request request) {
        DescribeClusterRequestData data = (DescribeClusterRequestData) request.body().data();
        if (request.version() >= 1 && data.endpointType() != 1) {
            // Endpoint type 2 asks for controllers: this broker is not a KRaft controller to clients.
            return new DescribeClusterResponseData().setErrorCode(Errors.UNSUPPORTED_ENDPOINT_TYPE.code())
                    .setErrorMessage("Hallows has no controller endpoints: bootstrap with bootstrap.servers")
                    .setEndpointType(data.endpointType()).setClusterId(broker.settings.clusterId()).setControllerId(-1);
        }
        DescribeClusterResponseData.DescribeClusterBrokerCollection brokers = new DescribeClusterResponseData.DescribeClusterBrokerCollection();
        brokers.add(new DescribeClusterResponseData.DescribeClusterBroker().setBrokerId(broker.nodeId()).setHost(broker.host())
                .setPort(broker.port()).setRack(null));
        return new DescribeClusterResponseData().setClusterId(broker.settings.clusterId()).setControllerId(broker.nodeId())
                .setEndpointType((byte) 1).setBrokers(brokers);
    }

    private MetadataResponseData response(MetadataResponseTopicCollection topics) {
        MetadataResponseBrokerCollection brokers = new MetadataResponseBrokerCollection();
        brokers.add(new MetadataResponseBroker().setNodeId(broker.nodeId()).setHost(broker.host()).setPort(broker.port()).setRack(null));
        return new MetadataResponseData().setBrokers(brokers).setClusterId(broker.settings.clusterId())
                .setControllerId(broker.nodeId()).setTopics(topics);
    }

    private MetadataResponseTopicCollection requested(MetadataRequestData data, boolean autoCreate) {
        MetadataResponseTopicCollection topics = new MetadataResponseTopicCollection();
        for (MetadataRequestData.MetadataRequestTopic wanted : data.topics()) {
            topics.add(wanted.name() == null ? byId(wanted.topicId()) : byName(wanted.name(), autoCreate));
        }
        return topics;
    }

    private MetadataResponseTopic byId(Uuid id) {
        Optional<TopicInfo> topic = broker.logs.topics().stream().filter(t -> t.id().equals(id)).findFirst();
        return topic.map(this::describe).orElseGet(() -> new MetadataResponseTopic().setName(null).setTopicId(id)
                .setErrorCode(Errors.UNKNOWN_TOPIC_ID.code()));
    }

    private MetadataResponseTopic byName(String name, boolean autoCreate) {
        try {
            Topic.validate(name);
        } catch (InvalidTopicException e) {
            return new MetadataResponseTopic().setName(name).setErrorCode(Errors.INVALID_TOPIC_EXCEPTION.code());
        }
        Optional<TopicInfo> topic = broker.logs.topic(name);
        if (topic.isEmpty() && autoCreate) {
            topic = Optional.ofNullable(autoCreate(name));
        }
        return topic.map(this::describe)
                .orElseGet(() -> new MetadataResponseTopic().setName(name).setErrorCode(Errors.UNKNOWN_TOPIC_OR_PARTITION.code()));
    }

    /** The topic created with the defaults, or the one another request created meanwhile; null if creation failed. */
    private TopicInfo autoCreate(String name) {
        try {
            TopicInfo created = broker.logs.createTopic(name, broker.settings.defaultPartitions(), Map.of(), false);
            broker.log.info("kafka: created topic {} with {} partitions (auto.create.topics.enable)", name, created.partitions());
            return created;
        } catch (LogException e) {
            if (e.error() == Errors.TOPIC_ALREADY_EXISTS) {
                return broker.logs.topic(name).orElse(null);
            }
            broker.log.warn("kafka: could not auto-create topic {}: {}", name, e.getMessage());
            return null;
        }
    }

    MetadataResponseTopic describe(TopicInfo topic) {
        List<MetadataResponsePartition> partitions = new ArrayList<>(topic.partitions());
        List<Integer> node = List.of(broker.nodeId());
        for (int i = 0; i < topic.partitions(); i++) {
            partitions.add(new MetadataResponsePartition().setPartitionIndex(i).setLeaderId(broker.nodeId()).setLeaderEpoch(-1)
                    .setReplicaNodes(node).setIsrNodes(node).setOfflineReplicas(List.of()));
        }
        return new MetadataResponseTopic().setName(topic.name()).setTopicId(topic.id()).setIsInternal(false).setPartitions(partitions);
    }
}
