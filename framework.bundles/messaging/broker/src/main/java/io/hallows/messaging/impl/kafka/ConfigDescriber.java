package io.hallows.messaging.impl.kafka;

import io.hallows.messaging.impl.log.TopicConfig;
import io.hallows.messaging.impl.log.TopicInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.message.DescribeConfigsRequestData;
import org.apache.kafka.common.message.DescribeConfigsResponseData;
import org.apache.kafka.common.message.DescribeConfigsResponseData.DescribeConfigsResourceResult;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.requests.DescribeConfigsResponse.ConfigSource;
import org.apache.kafka.common.requests.DescribeConfigsResponse.ConfigType;

/**
 * DescribeConfigs: a topic's every setting (whether it is the default or set on the topic), and
 * a handful of this broker's settings, read-only. Other resource types are refused.
 */
final class ConfigDescriber {
    private static final Set<String> LONGS = Set.of(TopicConfig.RETENTION_MS, TopicConfig.RETENTION_BYTES, TopicConfig.SEGMENT_MS,
            "log.retention.ms", "log.retention.bytes", "log.roll.ms");
    private static final Set<String> INTS = Set.of(TopicConfig.SEGMENT_BYTES, TopicConfig.MAX_MESSAGE_BYTES, TopicConfig.MIN_INSYNC_REPLICAS,
            "node.id", "broker.id", "num.partitions", "default.replication.factor", "socket.request.max.bytes", "max.connections",
            "log.segment.bytes", "message.max.bytes");

    private final Broker broker;

    ConfigDescriber(Broker broker) {
        this.broker = broker;
    }

    static byte topicSource(boolean isDefault) {
        return (isDefault ? ConfigSource.DEFAULT_CONFIG : ConfigSource.TOPIC_CONFIG).id();
    }

    DescribeConfigsResponseData handle(Request request) {
        DescribeConfigsRequestData data = (DescribeConfigsRequestData) request.body().data();
        List<DescribeConfigsResponseData.DescribeConfigsResult> results = new ArrayList<>();
        for (DescribeConfigsRequestData.DescribeConfigsResource resource : data.resources()) {
            DescribeConfigsResponseData.DescribeConfigsResult result = new DescribeConfigsResponseData.DescribeConfigsResult()
                    .setResourceType(resource.resourceType()).setResourceName(resource.resourceName()).setConfigs(new ArrayList<>());
            results.add(result);
            if (resource.resourceType() == ConfigResource.Type.TOPIC.id()) {
                Optional<TopicInfo> topic = broker.logs.topic(resource.resourceName());
                if (topic.isEmpty()) {
                    result.setErrorCode(Errors.UNKNOWN_TOPIC_OR_PARTITION.code()).setErrorMessage("no topic " + resource.resourceName());
                    continue;
                }
                Map<String, String> defaults = broker.logs.defaults().toMap();
                for (Map.Entry<String, String> setting : topic.get().config().toMap().entrySet()) {
                    boolean isDefault = setting.getValue().equals(defaults.get(setting.getKey()));
                    add(result, resource, setting.getKey(), setting.getValue(), topicSource(isDefault), false);
                }
            } else if (resource.resourceType() == ConfigResource.Type.BROKER.id()) {
                String name = resource.resourceName();
                if (!name.isEmpty() && !name.equals(Integer.toString(broker.nodeId()))) {
                    result.setErrorCode(Errors.INVALID_REQUEST.code())
                            .setErrorMessage("no broker " + name + ": the only broker is " + broker.nodeId());
                    continue;
                }
                for (Map.Entry<String, String> setting : brokerSettings().entrySet()) {
                    add(result, resource, setting.getKey(), setting.getValue(), ConfigSource.STATIC_BROKER_CONFIG.id(), true);
                }
            } else {
                result.setErrorCode(Errors.INVALID_REQUEST.code())
                        .setErrorMessage("Hallows describes the configs of topics and of its broker only, not resource type " + resource.resourceType());
            }
        }
        return new DescribeConfigsResponseData().setResults(results);
    }

    private static void add(DescribeConfigsResponseData.DescribeConfigsResult result, DescribeConfigsRequestData.DescribeConfigsResource resource,
            String name, String value, byte source, boolean readOnly) {
        if (resource.configurationKeys() != null && !resource.configurationKeys().contains(name)) {
            return;
        }
        ConfigType type = LONGS.contains(name) ? ConfigType.LONG : INTS.contains(name) ? ConfigType.INT
                : "auto.create.topics.enable".equals(name) ? ConfigType.BOOLEAN : ConfigType.STRING;
        result.configs().add(new DescribeConfigsResourceResult().setName(name).setValue(value).setReadOnly(readOnly)
                .setConfigSource(source).setIsSensitive(false).setConfigType(type.id()).setSynonyms(new ArrayList<>()));
    }

    private Map<String, String> brokerSettings() {
        ServerSettings settings = broker.settings;
        Map<String, String> topicDefaults = broker.logs.defaults().toMap();
        Map<String, String> map = new LinkedHashMap<>();
        map.put("node.id", Integer.toString(settings.nodeId()));
        map.put("broker.id", Integer.toString(settings.nodeId()));
        map.put("listeners", "PLAINTEXT://" + settings.host() + ":" + broker.boundPort());
        map.put("advertised.listeners", "PLAINTEXT://" + broker.host() + ":" + broker.port());
        map.put("auto.create.topics.enable", Boolean.toString(settings.autoCreateTopics()));
        map.put("num.partitions", Integer.toString(settings.defaultPartitions()));
        map.put("default.replication.factor", "1");
        map.put("socket.request.max.bytes", Integer.toString(settings.maxFrameBytes()));
        map.put("max.connections", Integer.toString(settings.maxConnections()));
        map.put("log.retention.ms", topicDefaults.get(TopicConfig.RETENTION_MS));
        map.put("log.retention.bytes", topicDefaults.get(TopicConfig.RETENTION_BYTES));
        map.put("log.segment.bytes", topicDefaults.get(TopicConfig.SEGMENT_BYTES));
        map.put("log.roll.ms", topicDefaults.get(TopicConfig.SEGMENT_MS));
        map.put("message.max.bytes", topicDefaults.get(TopicConfig.MAX_MESSAGE_BYTES));
        map.put("flush", topicDefaults.get(TopicConfig.FLUSH));
        return map;
    }
}
