package io.hallows.messaging.impl.kafka;

import io.hallows.messaging.impl.group.GroupCoordinator;
import io.hallows.messaging.impl.group.GroupSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.message.DescribeGroupsRequestData;
import org.apache.kafka.common.message.DescribeGroupsResponseData;
import org.apache.kafka.common.message.HeartbeatRequestData;
import org.apache.kafka.common.message.HeartbeatResponseData;
import org.apache.kafka.common.message.JoinGroupRequestData;
import org.apache.kafka.common.message.JoinGroupResponseData;
import org.apache.kafka.common.message.LeaveGroupRequestData;
import org.apache.kafka.common.message.LeaveGroupResponseData;
import org.apache.kafka.common.message.ListGroupsRequestData;
import org.apache.kafka.common.message.ListGroupsResponseData;
import org.apache.kafka.common.message.OffsetCommitRequestData;
import org.apache.kafka.common.message.OffsetCommitResponseData;
import org.apache.kafka.common.message.OffsetFetchRequestData;
import org.apache.kafka.common.message.OffsetFetchResponseData;
import org.apache.kafka.common.message.SyncGroupRequestData;
import org.apache.kafka.common.message.SyncGroupResponseData;

/**
 * A group coordinator for the protocol's tests: every group has one member (the last to join is
 * its leader and gets what it assigned itself), committed offsets in a map. Enough for one
 * KafkaConsumer with subscribe() and commitSync(); the real coordinator is another package's.
 */
final class SoloGroups implements GroupCoordinator {
    private final Map<String, Map<String, Long>> committed = new ConcurrentHashMap<>();
    private final Map<String, Integer> generations = new ConcurrentHashMap<>();
    final List<String> calls = java.util.Collections.synchronizedList(new ArrayList<>());

    @Override
    public CompletableFuture<JoinGroupResponseData> join(JoinGroupRequestData request, short version, String clientId, String clientHost) {
        calls.add("join v" + version + " " + clientId + "@" + clientHost);
        String member = request.memberId().isEmpty() ? clientId + "-" + java.util.UUID.randomUUID() : request.memberId();
        JoinGroupRequestData.JoinGroupRequestProtocol protocol = request.protocols().iterator().next();
        int generation = generations.merge(request.groupId(), 1, Integer::sum);
        List<JoinGroupResponseData.JoinGroupResponseMember> members = List.of(
                new JoinGroupResponseData.JoinGroupResponseMember().setMemberId(member).setMetadata(protocol.metadata()));
        return CompletableFuture.completedFuture(new JoinGroupResponseData().setGenerationId(generation).setProtocolType(request.protocolType())
                .setProtocolName(protocol.name()).setLeader(member).setMemberId(member).setMembers(members));
    }

    @Override
    public CompletableFuture<SyncGroupResponseData> sync(SyncGroupRequestData request, short version) {
        calls.add("sync v" + version);
        byte[] assignment = request.assignments().stream().filter(a -> a.memberId().equals(request.memberId()))
                .map(SyncGroupRequestData.SyncGroupRequestAssignment::assignment).findFirst().orElse(new byte[0]);
        return CompletableFuture.supplyAsync(() -> new SyncGroupResponseData().setProtocolType(request.protocolType())
                .setProtocolName(request.protocolName()).setAssignment(assignment));
    }

    @Override
    public HeartbeatResponseData heartbeat(HeartbeatRequestData request, short version) {
        return new HeartbeatResponseData();
    }

    @Override
    public LeaveGroupResponseData leave(LeaveGroupRequestData request, short version) {
        calls.add("leave v" + version);
        return new LeaveGroupResponseData();
    }

    @Override
    public OffsetCommitResponseData commitOffsets(OffsetCommitRequestData request, short version) {
        calls.add("commit v" + version);
        List<OffsetCommitResponseData.OffsetCommitResponseTopic> topics = new ArrayList<>();
        for (OffsetCommitRequestData.OffsetCommitRequestTopic topic : request.topics()) {
            List<OffsetCommitResponseData.OffsetCommitResponsePartition> partitions = new ArrayList<>();
            for (OffsetCommitRequestData.OffsetCommitRequestPartition p : topic.partitions()) {
                committed.computeIfAbsent(request.groupId(), g -> new ConcurrentHashMap<>()).put(topic.name() + "-" + p.partitionIndex(),
                        p.committedOffset());
                partitions.add(new OffsetCommitResponseData.OffsetCommitResponsePartition().setPartitionIndex(p.partitionIndex()));
            }
            topics.add(new OffsetCommitResponseData.OffsetCommitResponseTopic().setName(topic.name()).setPartitions(partitions));
        }
        return new OffsetCommitResponseData().setTopics(topics);
    }

    @Override
    public OffsetFetchResponseData fetchOffsets(OffsetFetchRequestData request, short version) {
        calls.add("fetchOffsets v" + version);
        List<OffsetFetchResponseData.OffsetFetchResponseGroup> groups = new ArrayList<>();
        for (OffsetFetchRequestData.OffsetFetchRequestGroup group : request.groups()) {
            Map<String, Long> offsets = committed.getOrDefault(group.groupId(), Map.of());
            List<OffsetFetchResponseData.OffsetFetchResponseTopics> topics = new ArrayList<>();
            List<OffsetFetchRequestData.OffsetFetchRequestTopics> wanted = group.topics() != null ? group.topics() : everything(offsets);
            for (OffsetFetchRequestData.OffsetFetchRequestTopics topic : wanted) {
                List<OffsetFetchResponseData.OffsetFetchResponsePartitions> partitions = new ArrayList<>();
                for (int p : topic.partitionIndexes()) {
                    partitions.add(new OffsetFetchResponseData.OffsetFetchResponsePartitions().setPartitionIndex(p)
                            .setCommittedOffset(offsets.getOrDefault(topic.name() + "-" + p, -1L)).setMetadata(""));
                }
                topics.add(new OffsetFetchResponseData.OffsetFetchResponseTopics().setName(topic.name()).setPartitions(partitions));
            }
            groups.add(new OffsetFetchResponseData.OffsetFetchResponseGroup().setGroupId(group.groupId()).setTopics(topics));
        }
        return new OffsetFetchResponseData().setGroups(groups);
    }

    /** Topics null: every committed partition of the group. */
    private static List<OffsetFetchRequestData.OffsetFetchRequestTopics> everything(Map<String, Long> offsets) {
        Map<String, List<Integer>> byTopic = new java.util.TreeMap<>();
        for (String key : offsets.keySet()) {
            int dash = key.lastIndexOf('-');
            byTopic.computeIfAbsent(key.substring(0, dash), t -> new ArrayList<>()).add(Integer.parseInt(key.substring(dash + 1)));
        }
        List<OffsetFetchRequestData.OffsetFetchRequestTopics> topics = new ArrayList<>();
        byTopic.forEach((name, partitions) -> topics.add(new OffsetFetchRequestData.OffsetFetchRequestTopics().setName(name)
                .setPartitionIndexes(partitions)));
        return topics;
    }

    @Override
    public ListGroupsResponseData listGroups(ListGroupsRequestData request, short version) {
        List<ListGroupsResponseData.ListedGroup> groups = new ArrayList<>();
        generations.keySet().forEach(g -> groups.add(new ListGroupsResponseData.ListedGroup().setGroupId(g).setProtocolType("consumer")
                .setGroupState("Stable").setGroupType("classic")));
        return new ListGroupsResponseData().setGroups(groups);
    }

    @Override
    public DescribeGroupsResponseData describeGroups(DescribeGroupsRequestData request, short version) {
        List<DescribeGroupsResponseData.DescribedGroup> groups = new ArrayList<>();
        for (String group : request.groups()) {
            groups.add(new DescribeGroupsResponseData.DescribedGroup().setGroupId(group).setGroupState("Stable")
                    .setProtocolType("consumer").setProtocolData("range"));
        }
        return new DescribeGroupsResponseData().setGroups(groups);
    }

    @Override
    public OptionalLong committed(String group, String topic, int partition) {
        Long offset = committed.getOrDefault(group, Map.of()).get(topic + "-" + partition);
        return offset == null ? OptionalLong.empty() : OptionalLong.of(offset);
    }

    @Override
    public void commit(String group, String topic, int partition, long offset) {
        committed.computeIfAbsent(group, g -> new ConcurrentHashMap<>()).put(topic + "-" + partition, offset);
    }

    @Override
    public List<GroupSummary> groups() {
        return List.of();
    }

    @Override
    public void topicDeleted(String topic) {
        calls.add("topicDeleted " + topic);
    }

    @Override
    public void close() {
    }
}
