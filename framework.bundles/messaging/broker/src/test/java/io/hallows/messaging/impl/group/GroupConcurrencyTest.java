package io.hallows.messaging.impl.group;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.common.message.DescribeGroupsRequestData;
import org.apache.kafka.common.message.JoinGroupResponseData;
import org.apache.kafka.common.message.SyncGroupResponseData;
import org.apache.kafka.common.protocol.Errors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Members of one group, and of many groups, talking to the coordinator from many threads at once. */
class GroupConcurrencyTest {
    @TempDir
    Path dir;
    private final Vertx vertx = Vertx.vertx();
    private final KeyedExecutor executor = new KeyedExecutor();
    private final ExecutorService clients = Executors.newFixedThreadPool(16);
    private GroupManager coordinator;

    @AfterEach
    void close() throws Exception {
        coordinator.close();
        clients.shutdownNow();
        executor.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private void open() throws Exception {
        coordinator = GroupManager.open(dir, executor, vertx,
                GroupSettings.DEFAULTS.withInitialRebalanceDelayMs(300).withSessionTimeouts(50, 60_000),
                new TestLogger().logger);
    }

    /** Each member on its own thread, all started together: join, then sync (the leader assigns). */
    private List<SyncGroupResponseData> joinAndSyncTogether(List<TestMember> members) throws Exception {
        CyclicBarrier start = new CyclicBarrier(members.size());
        List<CompletableFuture<SyncGroupResponseData>> done = new ArrayList<>();
        for (TestMember m : members) {
            done.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await(10, TimeUnit.SECONDS);
                    JoinGroupResponseData joined = m.joinNow();
                    assertEquals(Errors.NONE.code(), joined.errorCode(), m.clientId);
                    Map<String, byte[]> assignments = new HashMap<>();
                    joined.members().forEach(x -> assignments.put(x.memberId(), x.memberId().getBytes()));
                    return m.sync(assignments).get(10, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new IllegalStateException(m.clientId + ": " + e, e);
                }
            }, clients));
        }
        List<SyncGroupResponseData> answers = new ArrayList<>();
        for (var f : done) {
            answers.add(f.get(20, TimeUnit.SECONDS));
        }
        return answers;
    }

    private static void assertOneGeneration(List<TestMember> members, List<SyncGroupResponseData> synced) {
        Set<Integer> generations = members.stream().map(m -> m.generation).collect(Collectors.toSet());
        assertEquals(1, generations.size(), "one generation: " + generations);
        Set<String> leaders = members.stream().map(m -> m.joined.leader()).collect(Collectors.toSet());
        assertEquals(1, leaders.size());
        for (int i = 0; i < members.size(); i++) {
            assertEquals(Errors.NONE.code(), synced.get(i).errorCode());
            assertArrayEquals(members.get(i).memberId.getBytes(), synced.get(i).assignment(), "its own assignment");
        }
        TestMember leader = members.stream().filter(m -> m.memberId.equals(m.joined.leader())).findFirst().orElseThrow();
        assertEquals(members.stream().map(m -> m.memberId).collect(Collectors.toSet()),
                leader.joined.members().stream().map(m -> m.memberId()).collect(Collectors.toSet()));
    }

    @Test
    void membersJoiningFromManyThreadsShareOneGenerationThenSomeLeaveAndTheRestRejoin() throws Exception {
        open();
        List<TestMember> members = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            members.add(new TestMember(coordinator, "g", "c" + i));
        }
        assertOneGeneration(members, joinAndSyncTogether(members));

        List<TestMember> leaving = members.subList(0, 4);
        List<TestMember> staying = List.copyOf(members.subList(4, 8));
        List<CompletableFuture<Errors>> leaves = leaving.stream()
                .map(m -> CompletableFuture.supplyAsync(m::leave, clients)).toList();
        for (var f : leaves) {
            assertEquals(Errors.NONE, f.get(10, TimeUnit.SECONDS));
        }
        staying.forEach(m -> assertEquals(Errors.REBALANCE_IN_PROGRESS, m.heartbeat()));
        int before = staying.get(0).generation;
        assertOneGeneration(staying, joinAndSyncTogether(staying));
        assertEquals(before + 1, staying.get(0).generation);
        var described = coordinator.describeGroups(new DescribeGroupsRequestData().setGroups(List.of("g")), (short) 5);
        assertEquals("Stable", described.groups().get(0).groupState());
        assertEquals(4, described.groups().get(0).members().size());
    }

    @Test
    void manyGroupsRebalanceAtOnce() throws Exception {
        open();
        List<List<TestMember>> groups = new ArrayList<>();
        for (int g = 0; g < 5; g++) {
            List<TestMember> members = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                members.add(new TestMember(coordinator, "group-" + g, "g" + g + "c" + i));
            }
            groups.add(members);
        }
        List<TestMember> everyone = groups.stream().flatMap(List::stream).toList();
        List<SyncGroupResponseData> synced = joinAndSyncTogether(everyone);
        for (int g = 0; g < groups.size(); g++) {
            assertOneGeneration(groups.get(g), synced.subList(3 * g, 3 * g + 3));
        }
        assertEquals(5, coordinator.groups().size());
    }
}
