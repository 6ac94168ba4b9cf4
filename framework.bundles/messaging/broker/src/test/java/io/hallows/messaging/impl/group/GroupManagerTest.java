package io.hallows.messaging.impl.group;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.common.message.DescribeGroupsRequestData;
import org.apache.kafka.common.message.DescribeGroupsResponseData.DescribedGroup;
import org.apache.kafka.common.message.JoinGroupResponseData;
import org.apache.kafka.common.message.ListGroupsRequestData;
import org.apache.kafka.common.message.SyncGroupResponseData;
import org.apache.kafka.common.protocol.Errors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GroupManagerTest {
    @TempDir
    Path dir;
    private final Vertx vertx = Vertx.vertx();
    private final KeyedExecutor executor = new KeyedExecutor();
    private final TestLogger log = new TestLogger();
    private GroupManager coordinator;

    private GroupManager open(int initialDelayMs) throws Exception {
        coordinator = GroupManager.open(dir, executor, vertx,
                GroupSettings.DEFAULTS.withInitialRebalanceDelayMs(initialDelayMs).withSessionTimeouts(50, 60_000),
                log.logger);
        return coordinator;
    }

    @AfterEach
    void close() throws Exception {
        if (coordinator != null) {
            coordinator.close();
        }
        executor.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private static <T> T get(CompletableFuture<T> f) throws Exception {
        return f.get(10, TimeUnit.SECONDS);
    }

    private static Set<String> memberIds(JoinGroupResponseData r) {
        return r.members().stream().map(m -> m.memberId()).collect(Collectors.toSet());
    }

    private DescribedGroup describe(String group) {
        return coordinator.describeGroups(new DescribeGroupsRequestData().setGroups(List.of(group)), (short) 6)
                .groups().get(0);
    }

    /** Joins every member at once and syncs them, the leader assigning {@code topic}'s partitions round robin. */
    private void joinAndSync(String topic, int partitions, TestMember... members) throws Exception {
        List<CompletableFuture<JoinGroupResponseData>> joins = java.util.Arrays.stream(members).map(TestMember::join).toList();
        for (var f : joins) {
            assertEquals(Errors.NONE.code(), get(f).errorCode());
        }
        syncAll(topic, partitions, members);
    }

    /** Syncs members that have joined, the leader assigning {@code topic}'s partitions round robin. */
    private void syncAll(String topic, int partitions, TestMember... members) throws Exception {
        TestMember leader = java.util.Arrays.stream(members).filter(m -> m.memberId.equals(m.joined.leader()))
                .findFirst().orElseThrow();
        List<String> ids = leader.joined.members().stream().map(m -> m.memberId()).toList();
        Map<String, byte[]> assignments = new java.util.HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            int[] mine = java.util.stream.IntStream.range(0, partitions).filter(p -> p % ids.size() == 0).toArray();
            int offset = i;
            assignments.put(ids.get(i), TestMember.assignment(topic,
                    java.util.Arrays.stream(mine).map(p -> p + offset).filter(p -> p < partitions).toArray()));
        }
        List<CompletableFuture<SyncGroupResponseData>> syncs = new java.util.ArrayList<>();
        for (TestMember m : members) {
            if (m != leader) {
                syncs.add(m.sync(Map.of()));
            }
        }
        syncs.forEach(s -> assertFalse(s.isDone(), "a follower's sync waits for the leader's"));
        SyncGroupResponseData leaderSync = get(leader.sync(assignments));
        assertArrayEquals(assignments.get(leader.memberId), leaderSync.assignment());
        for (TestMember m : members) {
            if (m != leader) {
                SyncGroupResponseData s = get(syncs.remove(0));
                assertEquals(Errors.NONE.code(), s.errorCode());
                assertArrayEquals(assignments.get(m.memberId), s.assignment());
                assertEquals("range", s.protocolName());
            }
        }
    }

    @Test
    void threeMembersJoinSyncAndRebalanceWhenOneLeaves() throws Exception {
        open(200);
        TestMember a = new TestMember(coordinator, "g", "a");
        TestMember b = new TestMember(coordinator, "g", "b");
        TestMember c = new TestMember(coordinator, "g", "c");
        joinAndSync("t", 6, a, b, c);
        assertEquals(1, a.generation);
        assertEquals(a.generation, b.generation);
        assertEquals(a.generation, c.generation);
        assertEquals(a.joined.leader(), c.joined.leader());
        TestMember leader = List.of(a, b, c).stream().filter(m -> m.memberId.equals(a.joined.leader())).findFirst().orElseThrow();
        assertEquals(Set.of(a.memberId, b.memberId, c.memberId), memberIds(leader.joined));
        List.of(a, b, c).stream().filter(m -> m != leader).forEach(m -> assertTrue(m.joined.members().isEmpty()));

        DescribedGroup described = describe("g");
        assertEquals("Stable", described.groupState());
        assertEquals("range", described.protocolData());
        assertEquals(3, described.members().size());
        var summary = coordinator.groups().get(0);
        assertEquals(Set.of("t-0", "t-1", "t-2", "t-3", "t-4", "t-5"), summary.members().stream()
                .flatMap(m -> m.assignment().stream()).collect(Collectors.toSet()));
        assertEquals(Errors.NONE, a.heartbeat());

        TestMember gone = c == leader ? b : c;
        assertEquals(Errors.NONE, gone.leave());
        List<TestMember> rest = List.of(a, b, c).stream().filter(m -> m != gone).toList();
        for (TestMember m : rest) {
            assertEquals(Errors.REBALANCE_IN_PROGRESS, m.heartbeat());
        }
        assertEquals("PreparingRebalance", describe("g").groupState());
        // Before rejoining, an eager consumer commits what it consumed, in the generation it is leaving.
        assertEquals(Errors.NONE, rest.get(0).commit("t", 0, 17));
        joinAndSync("t", 6, rest.toArray(TestMember[]::new));
        assertEquals(17, coordinator.committed("g", "t", 0).orElseThrow());
        assertEquals(2, rest.get(0).generation);
        assertEquals(2, describe("g").members().size());
        assertEquals(Errors.UNKNOWN_MEMBER_ID, gone.heartbeat());
    }

    @Test
    void aNewMemberMustComeBackWithTheIdItIsGiven() throws Exception {
        open(0);
        TestMember a = new TestMember(coordinator, "g", "client-a");
        JoinGroupResponseData first = get(coordinator.join(a.joinRequest(), (short) 4, "client-a", "/h"));
        assertEquals(Errors.MEMBER_ID_REQUIRED.code(), first.errorCode());
        assertTrue(first.memberId().startsWith("client-a-"), first.memberId());
        assertEquals("", first.protocolName(), "v4 has no null protocol name");
        TestMember other = new TestMember(coordinator, "g9", "client-b");
        JoinGroupResponseData firstV9 = get(coordinator.join(other.joinRequest(), (short) 9, "client-b", "/h"));
        assertEquals(Errors.MEMBER_ID_REQUIRED.code(), firstV9.errorCode());
        assertEquals(null, firstV9.protocolName(), "v7+ has a null protocol name");
        a.memberId = first.memberId();
        JoinGroupResponseData second = get(coordinator.join(a.joinRequest(), (short) 4, "client-a", "/h"));
        assertEquals(Errors.NONE.code(), second.errorCode());
        assertEquals(first.memberId(), second.memberId());

        TestMember old = new TestMember(coordinator, "h", "old");
        old.joinVersion = 3;
        JoinGroupResponseData v3 = get(coordinator.join(old.joinRequest(), (short) 3, "old", "/h"));
        assertEquals(Errors.NONE.code(), v3.errorCode(), "before v4 a member joins at once");
    }

    @Test
    void aMemberWhoseSessionEndsIsRemovedAndTheGroupRebalances() throws Exception {
        open(0);
        TestMember a = new TestMember(coordinator, "g", "a");
        TestMember b = new TestMember(coordinator, "g", "b");
        a.sessionMs = 200;
        b.sessionMs = 200;
        joinAndSync("t", 2, a);
        CompletableFuture<JoinGroupResponseData> bJoin = b.join();
        assertEquals(Errors.REBALANCE_IN_PROGRESS, a.heartbeat());
        assertFalse(bJoin.isDone(), "b waits for a to rejoin");
        assertEquals(Errors.NONE.code(), a.joinNow().errorCode());
        assertEquals(Errors.NONE.code(), get(bJoin).errorCode());
        syncAll("t", 2, a, b);
        // b falls silent; the leader a rejoins, and its join is answered once b's session has ended.
        long start = System.nanoTime();
        JoinGroupResponseData rejoined = a.joinNow();
        assertTrue(System.nanoTime() - start >= 150_000_000L, "answered before b's session could end");
        assertEquals(Errors.NONE.code(), rejoined.errorCode());
        assertEquals(Set.of(a.memberId), memberIds(rejoined));
        assertEquals(Errors.UNKNOWN_MEMBER_ID, b.heartbeat());
    }

    @Test
    void aMemberThatDoesNotRejoinWithinTheRebalanceTimeoutIsRemoved() throws Exception {
        open(0);
        TestMember a = new TestMember(coordinator, "g", "a");
        TestMember b = new TestMember(coordinator, "g", "b");
        TestMember c = new TestMember(coordinator, "g", "c");
        for (TestMember m : List.of(a, b, c)) {
            m.rebalanceMs = 300;
        }
        joinAndSync("t", 3, a);
        CompletableFuture<JoinGroupResponseData> bJoin = b.join();
        assertEquals(Errors.NONE.code(), a.joinNow().errorCode());
        assertEquals(Errors.NONE.code(), get(bJoin).errorCode());
        syncAll("t", 3, a, b);
        CompletableFuture<JoinGroupResponseData> cJoin = c.join();
        CompletableFuture<JoinGroupResponseData> aJoin = a.join();
        // b keeps its session alive but never rejoins.
        assertEquals(Errors.REBALANCE_IN_PROGRESS, b.heartbeat());
        JoinGroupResponseData leader = get(aJoin);
        assertEquals(Set.of(a.memberId, c.memberId), memberIds(leader));
        assertEquals(Errors.NONE.code(), get(cJoin).errorCode());
        assertEquals(Errors.UNKNOWN_MEMBER_ID, b.heartbeat());
    }

    @Test
    void aLeaderThatNeverSyncsIsRemovedAndTheOthersRebalance() throws Exception {
        open(200);
        TestMember a = new TestMember(coordinator, "g", "a");
        TestMember b = new TestMember(coordinator, "g", "b");
        a.rebalanceMs = 300;
        b.rebalanceMs = 300;
        CompletableFuture<JoinGroupResponseData> aJoin = a.join();
        CompletableFuture<JoinGroupResponseData> bJoin = b.join();
        get(aJoin);
        get(bJoin);
        TestMember leader = a.memberId.equals(a.joined.leader()) ? a : b;
        TestMember follower = leader == a ? b : a;
        // The follower asks for its assignment; the leader never sends one.
        SyncGroupResponseData waited = get(follower.sync(Map.of()));
        assertEquals(Errors.REBALANCE_IN_PROGRESS.code(), waited.errorCode());
        assertEquals(Errors.UNKNOWN_MEMBER_ID, leader.heartbeat());
        JoinGroupResponseData alone = follower.joinNow();
        assertEquals(Set.of(follower.memberId), memberIds(alone));
    }

    @Test
    void wrongGenerationsAndUnknownMembersAreRefused() throws Exception {
        open(0);
        TestMember a = new TestMember(coordinator, "g", "a");
        joinAndSync("t", 1, a);
        int generation = a.generation;
        a.generation = generation + 1;
        assertEquals(Errors.ILLEGAL_GENERATION, a.heartbeat());
        assertEquals(Errors.ILLEGAL_GENERATION.code(), get(a.sync(Map.of())).errorCode());
        assertEquals(Errors.ILLEGAL_GENERATION, a.commit("t", 0, 5));
        a.generation = generation;
        assertEquals(Errors.NONE, a.commit("t", 0, 5));

        TestMember stranger = new TestMember(coordinator, "g", "x");
        stranger.memberId = "x-unknown";
        stranger.generation = generation;
        assertEquals(Errors.UNKNOWN_MEMBER_ID, stranger.heartbeat());
        assertEquals(Errors.UNKNOWN_MEMBER_ID, stranger.commit("t", 0, 6));
        assertEquals(Errors.UNKNOWN_MEMBER_ID.code(), stranger.joinNow().errorCode());
        assertEquals(Errors.UNKNOWN_MEMBER_ID.code(), get(stranger.sync(Map.of())).errorCode());
        TestMember nowhere = new TestMember(coordinator, "no-such-group", "y");
        nowhere.memberId = "y-1";
        assertEquals(Errors.UNKNOWN_MEMBER_ID, nowhere.heartbeat());
        assertEquals(Errors.UNKNOWN_MEMBER_ID.code(), nowhere.joinNow().errorCode());

        TestMember shortSession = new TestMember(coordinator, "g", "s");
        shortSession.sessionMs = 10;
        assertEquals(Errors.INVALID_SESSION_TIMEOUT.code(), shortSession.joinNow().errorCode());
        TestMember otherAssignor = new TestMember(coordinator, "g", "o");
        otherAssignor.protocols = List.of("roundrobin");
        assertEquals(Errors.INCONSISTENT_GROUP_PROTOCOL.code(), otherAssignor.joinNow().errorCode());
        assertEquals(5, coordinator.committed("g", "t", 0).orElseThrow());
    }

    @Test
    void theProtocolIsOneEveryMemberSupports() throws Exception {
        open(200);
        TestMember a = new TestMember(coordinator, "g", "a");
        TestMember b = new TestMember(coordinator, "g", "b");
        a.protocols = List.of("cooperative-sticky", "range");
        b.protocols = List.of("range");
        joinAndSync("t", 2, a, b);
        assertEquals("range", a.joined.protocolName());
        assertEquals("range", describe("g").protocolData());
    }

    @Test
    void aStaticMemberRejoiningFencesItsOldId() throws Exception {
        open(0);
        TestMember a = new TestMember(coordinator, "g", "a");
        a.instanceId = "instance-1";
        joinAndSync("t", 1, a);
        String oldId = a.memberId;
        assertTrue(oldId.startsWith("instance-1-"), oldId);
        TestMember restarted = new TestMember(coordinator, "g", "a");
        restarted.instanceId = "instance-1";
        JoinGroupResponseData r = restarted.joinNow();
        assertEquals(Errors.NONE.code(), r.errorCode());
        assertNotEquals(oldId, restarted.memberId);
        assertEquals(Errors.FENCED_INSTANCE_ID, a.heartbeat());
        assertEquals(Errors.REBALANCE_IN_PROGRESS, restarted.commit("t", 0, 7), "no commit before the sync");
        syncAll("t", 1, restarted);
        assertEquals(Errors.NONE, restarted.commit("t", 0, 7));
        assertEquals(Errors.NONE, restarted.leave());
        assertEquals("Empty", describe("g").groupState(), "left, with its offsets kept");
    }

    @Test
    void listGroupsFiltersByState() throws Exception {
        open(0);
        joinAndSync("t", 1, new TestMember(coordinator, "g1", "a"));
        coordinator.commit("g2", "t", 0, 3);
        var all = coordinator.listGroups(new ListGroupsRequestData(), (short) 5).groups();
        assertEquals(List.of("g1", "g2"), all.stream().map(g -> g.groupId()).sorted().toList());
        var stable = coordinator.listGroups(new ListGroupsRequestData().setStatesFilter(List.of("stable")), (short) 5);
        assertEquals(List.of("g1"), stable.groups().stream().map(g -> g.groupId()).toList());
        assertEquals("classic", stable.groups().get(0).groupType());
        DescribedGroup unknown = describe("nope");
        assertEquals(Errors.GROUP_ID_NOT_FOUND.code(), unknown.errorCode());
        assertEquals("Dead", coordinator.describeGroups(new DescribeGroupsRequestData().setGroups(List.of("nope")),
                (short) 5).groups().get(0).groupState());
    }

    @Test
    void theInJvmChannelsCannotCommitForAGroupWithKafkaMembers() throws Exception {
        open(0);
        joinAndSync("t", 1, new TestMember(coordinator, "g", "a"));
        GroupException e = org.junit.jupiter.api.Assertions.assertThrows(GroupException.class,
                () -> coordinator.commit("g", "t", 0, 1));
        assertEquals(Errors.REBALANCE_IN_PROGRESS, e.error());
        coordinator.commit("solo", "t", 0, 42);
        assertEquals(42, coordinator.committed("solo", "t", 0).orElseThrow());
    }
}
