package io.hallows.messaging.impl.kafka;

import io.hallows.messaging.impl.log.LogException;
import io.hallows.messaging.impl.log.TopicInfo;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.message.CreateTopicsRequestData;
import org.apache.kafka.common.message.CreateTopicsRequestData.CreatableTopic;
import org.apache.kafka.common.message.CreateTopicsResponseData;
import org.apache.kafka.common.message.CreateTopicsResponseData.CreatableTopicResult;
import org.apache.kafka.common.message.DeleteTopicsRequestData;
import org.apache.kafka.common.message.DeleteTopicsResponseData;
import org.apache.kafka.common.message.DeleteTopicsResponseData.DeletableTopicResult;
import org.apache.kafka.common.protocol.Errors;

/**
 * CreateTopics and DeleteTopics, through {@link io.hallows.messaging.impl.log.Logs}: -1
 * partitions means the broker's default; the replication factor can only be 1 (or -1, the
 * default); a replica assignment is accepted when every partition's replica is this broker.
 * Both write files, so they run on a worker thread.
 */
final class TopicAdmin {
    private final Broker broker;

    TopicAdmin(Broker broker) {
        this.broker = broker;
    }

    CompletableFuture<CreateTopicsResponseData> create(Request request) {
        CreateTopicsRequestData data = (CreateTopicsRequestData) request.body().data();
        return request.lane().run(() -> {
            Set<String> seen = new HashSet<>();
            Set<String> duplicated = new HashSet<>();
            for (CreatableTopic topic : data.topics()) {
                if (!seen.add(topic.name())) {
                    duplicated.add(topic.name());
                }
            }
            CreateTopicsResponseData.CreatableTopicResultCollection results = new CreateTopicsResponseData.CreatableTopicResultCollection();
            for (CreatableTopic topic : data.topics()) {
                CreatableTopicResult result = new CreatableTopicResult().setName(topic.name()).setNumPartitions(-1)
                        .setReplicationFactor((short) -1);
                results.add(result);
                if (duplicated.contains(topic.name())) {
                    result.setErrorCode(Errors.INVALID_REQUEST.code())
                            .setErrorMessage("the request names topic " + topic.name() + " more than once");
                    continue;
                }
                try {
                    created(result, createOne(topic, data.validateOnly()));
                } catch (LogException e) {
                    result.setErrorCode(e.error().code()).setErrorMessage(e.getMessage());
                }
            }
            return new CreateTopicsResponseData().setTopics(results);
        });
    }

    private TopicInfo createOne(CreatableTopic topic, boolean validateOnly) throws LogException {
        if (topic.replicationFactor() != -1 && topic.replicationFactor() != 1) {
            throw new LogException(Errors.INVALID_REPLICATION_FACTOR, "replication factor " + topic.replicationFactor()
                    + " is not possible: Hallows is a single broker (use 1 or -1)");
        }
        int partitions = topic.numPartitions() == -1 ? broker.settings.defaultPartitions() : topic.numPartitions();
        if (!topic.assignments().isEmpty()) {
            if (topic.numPartitions() != -1 || topic.replicationFactor() != -1) {
                throw new LogException(Errors.INVALID_REQUEST, "a replica assignment comes without a partition count or replication factor");
            }
            partitions = topic.assignments().size();
            for (CreateTopicsRequestData.CreatableReplicaAssignment assignment : topic.assignments()) {
                if (!assignment.brokerIds().equals(List.of(broker.nodeId())) || assignment.partitionIndex() < 0
                        || assignment.partitionIndex() >= partitions) {
                    throw new LogException(Errors.INVALID_REPLICA_ASSIGNMENT, "partition " + assignment.partitionIndex()
                            + " is assigned to brokers " + assignment.brokerIds() + ": the only broker is " + broker.nodeId());
                }
            }
        }
        Map<String, String> configs = new LinkedHashMap<>();
        for (CreateTopicsRequestData.CreatableTopicConfig config : topic.configs()) {
            if (config.value() != null) {
                configs.put(config.name(), config.value());
            }
        }
        TopicInfo info = broker.logs.createTopic(topic.name(), partitions, configs, validateOnly);
        if (!validateOnly) {
            broker.log.info("kafka: created topic {} with {} partitions {}", info.name(), info.partitions(), configs);
        }
        return info;
    }

    private void created(CreatableTopicResult result, TopicInfo info) {
        result.setTopicId(info.id() == null ? Uuid.ZERO_UUID : info.id()).setNumPartitions(info.partitions()).setReplicationFactor((short) 1);
        Map<String, String> defaults = broker.logs.defaults().toMap();
        for (Map.Entry<String, String> setting : info.config().toMap().entrySet()) {
            boolean isDefault = setting.getValue().equals(defaults.get(setting.getKey()));
            result.configs().add(new CreateTopicsResponseData.CreatableTopicConfigs().setName(setting.getKey()).setValue(setting.getValue())
                    .setReadOnly(false).setIsSensitive(false).setConfigSource(ConfigDescriber.topicSource(isDefault)));
        }
    }

    CompletableFuture<DeleteTopicsResponseData> delete(Request request) {
        DeleteTopicsRequestData data = (DeleteTopicsRequestData) request.body().data();
        boolean byState = request.version() >= 6;
        return request.lane().run(() -> {
            DeleteTopicsResponseData.DeletableTopicResultCollection results = new DeleteTopicsResponseData.DeletableTopicResultCollection();
            if (byState) {
                for (DeleteTopicsRequestData.DeleteTopicState topic : data.topics()) {
                    results.add(topic.name() != null ? deleteOne(topic.name()) : deleteById(topic.topicId()));
                }
            } else {
                for (String name : data.topicNames()) {
                    results.add(deleteOne(name));
                }
            }
            return new DeleteTopicsResponseData().setResponses(results);
        });
    }

    private DeletableTopicResult deleteById(Uuid id) {
        Optional<TopicInfo> topic = broker.logs.topics().stream().filter(t -> t.id().equals(id)).findFirst();
        if (topic.isEmpty()) {
            return new DeletableTopicResult().setName(null).setTopicId(id).setErrorCode(Errors.UNKNOWN_TOPIC_ID.code())
                    .setErrorMessage("no topic has id " + id);
        }
        return deleteOne(topic.get().name());
    }

    private DeletableTopicResult deleteOne(String name) {
        DeletableTopicResult result = new DeletableTopicResult().setName(name);
        Optional<TopicInfo> topic = broker.logs.topic(name);
        topic.ifPresent(t -> result.setTopicId(t.id()));
        try {
            broker.logs.deleteTopic(name);
            broker.groups.topicDeleted(name);
            broker.log.info("kafka: deleted topic {}", name);
        } catch (LogException e) {
            result.setErrorCode(e.error().code()).setErrorMessage(e.getMessage());
        }
        return result;
    }
}
