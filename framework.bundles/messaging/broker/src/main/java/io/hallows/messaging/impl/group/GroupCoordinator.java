package io.hallows.messaging.impl.group;

import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
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
 * The group coordinator of the single broker (FindCoordinator names this broker for every group).
 * Requests come from the wire protocol, already parsed, with the version they were sent in; the
 * answers are response data objects for that version (the protocol layer writes them). Join and
 * sync wait for the rebalance, hence futures; they complete on any thread.
 *
 * <p>Thread-safe. Committed offsets are durable before a commit is answered and survive restarts;
 * group membership does not (after a restart, consumers rejoin, as after a coordinator move).
 */
public interface GroupCoordinator extends AutoCloseable {
    CompletableFuture<JoinGroupResponseData> join(JoinGroupRequestData request, short version, String clientId, String clientHost);

    CompletableFuture<SyncGroupResponseData> sync(SyncGroupRequestData request, short version);

    HeartbeatResponseData heartbeat(HeartbeatRequestData request, short version);

    LeaveGroupResponseData leave(LeaveGroupRequestData request, short version);

    /** Also commits for a group without members (generation -1), as Kafka's standalone consumers do. */
    OffsetCommitResponseData commitOffsets(OffsetCommitRequestData request, short version);

    OffsetFetchResponseData fetchOffsets(OffsetFetchRequestData request, short version);

    ListGroupsResponseData listGroups(ListGroupsRequestData request, short version);

    DescribeGroupsResponseData describeGroups(DescribeGroupsRequestData request, short version);

    /** The offset {@code group} committed for a partition, for the in-JVM channels. */
    OptionalLong committed(String group, String topic, int partition);

    /**
     * Commits an offset for an in-JVM subscriber of {@code group}: allowed while the group has no
     * Kafka members (as a Kafka consumer without group membership commits).
     *
     * @throws GroupException REBALANCE_IN_PROGRESS while Kafka consumers are members of the group
     */
    void commit(String group, String topic, int partition, long offset) throws GroupException;

    /** Every group: state, members, committed offsets, for {@code log:groups}. */
    List<GroupSummary> groups();

    /** Forgets the committed offsets of a deleted topic. */
    void topicDeleted(String topic);

    @Override
    void close();
}
