package io.hallows.messaging.impl.group;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerPartitionAssignor;
import org.apache.kafka.clients.consumer.internals.ConsumerProtocol;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.message.HeartbeatRequestData;
import org.apache.kafka.common.message.JoinGroupRequestData;
import org.apache.kafka.common.message.JoinGroupRequestData.JoinGroupRequestProtocol;
import org.apache.kafka.common.message.JoinGroupRequestData.JoinGroupRequestProtocolCollection;
import org.apache.kafka.common.message.JoinGroupResponseData;
import org.apache.kafka.common.message.LeaveGroupRequestData;
import org.apache.kafka.common.message.LeaveGroupRequestData.MemberIdentity;
import org.apache.kafka.common.message.OffsetCommitRequestData;
import org.apache.kafka.common.message.OffsetCommitRequestData.OffsetCommitRequestPartition;
import org.apache.kafka.common.message.OffsetCommitRequestData.OffsetCommitRequestTopic;
import org.apache.kafka.common.message.SyncGroupRequestData;
import org.apache.kafka.common.message.SyncGroupRequestData.SyncGroupRequestAssignment;
import org.apache.kafka.common.message.SyncGroupResponseData;
import org.apache.kafka.common.protocol.Errors;

/** A consumer as the coordinator sees it: the requests a classic KafkaConsumer sends, with their answers kept. */
final class TestMember {
    final GroupCoordinator coordinator;
    final String group;
    final String clientId;
    volatile short joinVersion = 9;
    volatile int sessionMs = 10_000;
    volatile int rebalanceMs = 10_000;
    volatile String instanceId;
    volatile List<String> protocols = List.of("range");
    volatile String memberId = "";
    volatile int generation = -1;
    volatile JoinGroupResponseData joined;

    TestMember(GroupCoordinator coordinator, String group, String clientId) {
        this.coordinator = coordinator;
        this.group = group;
        this.clientId = clientId;
    }

    JoinGroupRequestData joinRequest() {
        JoinGroupRequestProtocolCollection list = new JoinGroupRequestProtocolCollection();
        for (String p : protocols) {
            list.add(new JoinGroupRequestProtocol().setName(p).setMetadata((clientId + ":" + p).getBytes()));
        }
        return new JoinGroupRequestData().setGroupId(group).setSessionTimeoutMs(sessionMs)
                .setRebalanceTimeoutMs(rebalanceMs).setMemberId(memberId).setGroupInstanceId(instanceId)
                .setProtocolType("consumer").setProtocols(list);
    }

    /** Joins as KafkaConsumer does: with MEMBER_ID_REQUIRED, again with the id given. */
    CompletableFuture<JoinGroupResponseData> join() {
        return coordinator.join(joinRequest(), joinVersion, clientId, "/127.0.0.1").thenCompose(r -> {
            if (r.errorCode() == Errors.MEMBER_ID_REQUIRED.code()) {
                memberId = r.memberId();
                return join();
            }
            if (r.errorCode() == Errors.NONE.code()) {
                memberId = r.memberId();
                generation = r.generationId();
                joined = r;
            }
            return CompletableFuture.completedFuture(r);
        });
    }

    JoinGroupResponseData joinNow() throws Exception {
        return join().get(10, TimeUnit.SECONDS);
    }

    CompletableFuture<SyncGroupResponseData> sync(Map<String, byte[]> assignments) {
        List<SyncGroupRequestAssignment> list = new ArrayList<>();
        assignments.forEach((id, bytes) -> list.add(new SyncGroupRequestAssignment().setMemberId(id).setAssignment(bytes)));
        SyncGroupRequestData req = new SyncGroupRequestData().setGroupId(group).setGenerationId(generation)
                .setMemberId(memberId).setGroupInstanceId(instanceId).setProtocolType("consumer")
                .setProtocolName(joined == null ? null : joined.protocolName()).setAssignments(list);
        return coordinator.sync(req, (short) 5);
    }

    Errors heartbeat() {
        return Errors.forCode(coordinator.heartbeat(new HeartbeatRequestData().setGroupId(group)
                .setGenerationId(generation).setMemberId(memberId).setGroupInstanceId(instanceId), (short) 4).errorCode());
    }

    Errors leave() {
        var response = coordinator.leave(new LeaveGroupRequestData().setGroupId(group).setMembers(List.of(
                new MemberIdentity().setMemberId(memberId).setGroupInstanceId(instanceId))), (short) 5);
        return Errors.forCode(response.members().get(0).errorCode());
    }

    Errors commit(String topic, int partition, long offset) {
        var req = new OffsetCommitRequestData().setGroupId(group).setGenerationIdOrMemberEpoch(generation)
                .setMemberId(memberId).setGroupInstanceId(instanceId).setTopics(List.of(new OffsetCommitRequestTopic()
                        .setName(topic).setPartitions(List.of(new OffsetCommitRequestPartition()
                                .setPartitionIndex(partition).setCommittedOffset(offset)))));
        var response = coordinator.commitOffsets(req, (short) 9);
        return Errors.forCode(response.topics().get(0).partitions().get(0).errorCode());
    }

    /** A consumer assignment of {@code partitions} of {@code topic}, as the leader's assignor writes it. */
    static byte[] assignment(String topic, int... partitions) {
        List<TopicPartition> list = new ArrayList<>();
        for (int p : partitions) {
            list.add(new TopicPartition(topic, p));
        }
        ByteBuffer buf = ConsumerProtocol.serializeAssignment(new ConsumerPartitionAssignor.Assignment(list));
        byte[] bytes = new byte[buf.remaining()];
        buf.get(bytes);
        return bytes;
    }
}
