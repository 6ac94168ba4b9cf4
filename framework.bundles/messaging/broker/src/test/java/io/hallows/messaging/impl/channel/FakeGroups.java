package io.hallows.messaging.impl.channel;

import io.hallows.messaging.impl.group.GroupCoordinator;
import io.hallows.messaging.impl.group.GroupException;
import io.hallows.messaging.impl.group.GroupSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
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
import org.apache.kafka.common.protocol.Errors;

/** Committed offsets in a map, commits refused on demand, summaries given by the test; the Kafka protocol side is absent. */
public final class FakeGroups implements GroupCoordinator {
    private final Map<String, Long> committed = new ConcurrentHashMap<>();
    private final List<String> commits = new CopyOnWriteArrayList<>();
    private final List<GroupSummary> summaries = new CopyOnWriteArrayList<>();
    private final List<String> deletedTopics = new CopyOnWriteArrayList<>();
    private volatile boolean refuse;

    private static String key(String group, String topic, int partition) {
        return group + "/" + topic + "-" + partition;
    }

    /** Every commit, in order, as {@code group/topic-partition@offset}. */
    public List<String> commits() {
        return commits;
    }

    public List<String> deletedTopics() {
        return deletedTopics;
    }

    /** Commits fail with REBALANCE_IN_PROGRESS from now on, as while Kafka consumers are members. */
    public void refuseCommits() {
        refuse = true;
    }

    public void setCommitted(String group, String topic, int partition, long offset) {
        committed.put(key(group, topic, partition), offset);
    }

    public void addSummary(GroupSummary summary) {
        summaries.add(summary);
    }

    @Override
    public OptionalLong committed(String group, String topic, int partition) {
        Long offset = committed.get(key(group, topic, partition));
        return offset == null ? OptionalLong.empty() : OptionalLong.of(offset);
    }

    @Override
    public void commit(String group, String topic, int partition, long offset) throws GroupException {
        if (refuse) {
            throw new GroupException(Errors.REBALANCE_IN_PROGRESS, "Kafka consumers are members of group " + group);
        }
        committed.put(key(group, topic, partition), offset);
        commits.add(key(group, topic, partition) + "@" + offset);
    }

    @Override
    public List<GroupSummary> groups() {
        return new ArrayList<>(summaries);
    }

    @Override
    public void topicDeleted(String topic) {
        deletedTopics.add(topic);
    }

    @Override
    public CompletableFuture<JoinGroupResponseData> join(JoinGroupRequestData request, short version, String clientId, String clientHost) {
        throw new UnsupportedOperationException();
    }

    @Override
    public CompletableFuture<SyncGroupResponseData> sync(SyncGroupRequestData request, short version) {
        throw new UnsupportedOperationException();
    }

    @Override
    public HeartbeatResponseData heartbeat(HeartbeatRequestData request, short version) {
        throw new UnsupportedOperationException();
    }

    @Override
    public LeaveGroupResponseData leave(LeaveGroupRequestData request, short version) {
        throw new UnsupportedOperationException();
    }

    @Override
    public OffsetCommitResponseData commitOffsets(OffsetCommitRequestData request, short version) {
        throw new UnsupportedOperationException();
    }

    @Override
    public OffsetFetchResponseData fetchOffsets(OffsetFetchRequestData request, short version) {
        throw new UnsupportedOperationException();
    }

    @Override
    public ListGroupsResponseData listGroups(ListGroupsRequestData request, short version) {
        throw new UnsupportedOperationException();
    }

    @Override
    public DescribeGroupsResponseData describeGroups(DescribeGroupsRequestData request, short version) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void close() {
    }
}
