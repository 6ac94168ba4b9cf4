package io.hallows.messaging.impl.group;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.message.DescribeGroupsRequestData;
import org.apache.kafka.common.message.DescribeGroupsResponseData;
import org.apache.kafka.common.message.HeartbeatRequestData;
import org.apache.kafka.common.message.JoinGroupResponseData;
import org.apache.kafka.common.message.LeaveGroupRequestData;
import org.apache.kafka.common.message.LeaveGroupResponseData;
import org.apache.kafka.common.message.ListGroupsRequestData;
import org.apache.kafka.common.message.ListGroupsResponseData;
import org.apache.kafka.common.message.OffsetCommitResponseData;
import org.apache.kafka.common.message.SyncGroupResponseData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.ApiMessage;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.protocol.MessageUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every answer the coordinator makes can be written in every version it handles (no field set that
 * the version lacks, no null where the version forbids one), as the protocol layer will write it.
 */
class ResponseVersionsTest {
    @TempDir
    Path dir;
    private final Vertx vertx = Vertx.vertx();
    private final KeyedExecutor executor = new KeyedExecutor();
    private GroupManager coordinator;

    @AfterEach
    void close() throws Exception {
        coordinator.close();
        executor.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private static void writable(ApiMessage message, short version) {
        MessageUtil.toByteBufferAccessor(message, version);
    }

    @Test
    void everyAnswerIsWritableInEveryVersion() throws Exception {
        coordinator = GroupManager.open(dir, executor, vertx,
                GroupSettings.DEFAULTS.withInitialRebalanceDelayMs(0).withSessionTimeouts(50, 60_000),
                new TestLogger().logger);
        for (short v = ApiKeys.JOIN_GROUP.oldestVersion(); v <= 9; v++) {
            TestMember m = new TestMember(coordinator, "g" + v, "c");
            m.joinVersion = v;
            JoinGroupResponseData joined = m.joinNow();
            assertEquals(Errors.NONE.code(), joined.errorCode(), "JoinGroup v" + v);
            writable(joined, v);
            TestMember unknown = new TestMember(coordinator, "g" + v, "x");
            unknown.memberId = "x-1";
            unknown.joinVersion = v;
            writable(unknown.joinNow(), v);
        }
        TestMember m = new TestMember(coordinator, "g", "c");
        m.joinNow();
        for (short v = ApiKeys.SYNC_GROUP.oldestVersion(); v <= 5; v++) {
            SyncGroupResponseData synced = m.sync(Map.of(m.memberId, TestMember.assignment("t", 0))).get(10, TimeUnit.SECONDS);
            assertEquals(Errors.NONE.code(), synced.errorCode(), "SyncGroup v" + v);
            writable(synced, v);
        }
        writable(GroupResponses.syncError(Errors.UNKNOWN_MEMBER_ID), (short) 0);
        for (short v = ApiKeys.HEARTBEAT.oldestVersion(); v <= 4; v++) {
            writable(coordinator.heartbeat(new HeartbeatRequestData().setGroupId("g").setMemberId(m.memberId)
                    .setGenerationId(m.generation), v), v);
        }
        m.commit("t", 0, 3);
        for (short v = ApiKeys.LIST_GROUPS.oldestVersion(); v <= 5; v++) {
            ListGroupsResponseData listed = coordinator.listGroups(new ListGroupsRequestData(), v);
            writable(listed, v);
        }
        for (short v = ApiKeys.DESCRIBE_GROUPS.oldestVersion(); v <= 6; v++) {
            DescribeGroupsResponseData described = coordinator.describeGroups(new DescribeGroupsRequestData()
                    .setGroups(List.of("g", "unknown")).setIncludeAuthorizedOperations(v >= 3), v);
            assertEquals("Stable", described.groups().get(0).groupState());
            writable(described, v);
        }
        for (short v = ApiKeys.OFFSET_COMMIT.oldestVersion(); v <= 9; v++) {
            OffsetCommitResponseData committed = coordinator.commitOffsets(
                    new org.apache.kafka.common.message.OffsetCommitRequestData().setGroupId("g")
                            .setGenerationIdOrMemberEpoch(m.generation).setMemberId(m.memberId)
                            .setTopics(List.of(new org.apache.kafka.common.message.OffsetCommitRequestData
                                    .OffsetCommitRequestTopic().setName("t").setPartitions(List.of(
                                    new org.apache.kafka.common.message.OffsetCommitRequestData
                                            .OffsetCommitRequestPartition().setPartitionIndex(0)
                                            .setCommittedOffset(10 + v))))), v);
            assertEquals(Errors.NONE.code(), committed.topics().get(0).partitions().get(0).errorCode());
            writable(committed, v);
        }
        for (short v = ApiKeys.LEAVE_GROUP.oldestVersion(); v <= 5; v++) {
            TestMember leaving = new TestMember(coordinator, "leave" + v, "c");
            leaving.joinNow();
            LeaveGroupRequestData req = new LeaveGroupRequestData().setGroupId("leave" + v);
            if (v >= 3) {
                req.setMembers(List.of(new LeaveGroupRequestData.MemberIdentity().setMemberId(leaving.memberId),
                        new LeaveGroupRequestData.MemberIdentity().setMemberId("stranger")));
            } else {
                req.setMemberId(leaving.memberId);
            }
            LeaveGroupResponseData left = coordinator.leave(req, v);
            assertEquals(Errors.NONE.code(), left.errorCode(), "LeaveGroup v" + v);
            if (v >= 3) {
                assertEquals(Errors.UNKNOWN_MEMBER_ID.code(), left.members().get(1).errorCode());
            }
            writable(left, v);
        }
    }
}
