package io.hallows.messaging.impl.group;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.message.OffsetCommitRequestData;
import org.apache.kafka.common.message.OffsetCommitRequestData.OffsetCommitRequestPartition;
import org.apache.kafka.common.message.OffsetCommitRequestData.OffsetCommitRequestTopic;
import org.apache.kafka.common.message.OffsetFetchRequestData;
import org.apache.kafka.common.message.OffsetFetchRequestData.OffsetFetchRequestGroup;
import org.apache.kafka.common.message.OffsetFetchRequestData.OffsetFetchRequestTopic;
import org.apache.kafka.common.message.OffsetFetchRequestData.OffsetFetchRequestTopics;
import org.apache.kafka.common.message.OffsetFetchResponseData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.ByteBufferAccessor;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.protocol.MessageUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OffsetsTest {
    @TempDir
    Path dir;
    private final Vertx vertx = Vertx.vertx();
    private final KeyedExecutor executor = new KeyedExecutor();
    private final TestLogger log = new TestLogger();
    private GroupManager coordinator;

    private GroupManager open(boolean force) throws Exception {
        if (coordinator != null) {
            coordinator.close();
        }
        coordinator = GroupManager.open(dir, executor, vertx,
                new GroupSettings(0, 50, 60_000, 4096, force), log.logger);
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

    private static OffsetCommitRequestData commitRequest(String group, String topic, int partition, long offset,
            String metadata) {
        return new OffsetCommitRequestData().setGroupId(group).setGenerationIdOrMemberEpoch(-1).setMemberId("")
                .setTopics(List.of(new OffsetCommitRequestTopic().setName(topic).setPartitions(List.of(
                        new OffsetCommitRequestPartition().setPartitionIndex(partition).setCommittedOffset(offset)
                                .setCommittedMetadata(metadata)))));
    }

    private Errors commit(String group, String topic, int partition, long offset, short version) {
        var r = coordinator.commitOffsets(commitRequest(group, topic, partition, offset, "m"), version);
        return Errors.forCode(r.topics().get(0).partitions().get(0).errorCode());
    }

    /** The answer written in {@code version} and read back, as a client would see it. */
    private static OffsetFetchResponseData roundTrip(OffsetFetchResponseData data, short version) {
        var bytes = MessageUtil.toByteBufferAccessor(data, version).buffer();
        return new OffsetFetchResponseData(new ByteBufferAccessor(bytes), version);
    }

    private long fetchOne(String group, String topic, int partition, short version) {
        OffsetFetchRequestData req = new OffsetFetchRequestData();
        if (version >= 8) {
            req.setGroups(List.of(new OffsetFetchRequestGroup().setGroupId(group).setTopics(List.of(
                    new OffsetFetchRequestTopics().setName(topic).setPartitionIndexes(List.of(partition))))));
            var r = roundTrip(coordinator.fetchOffsets(req, version), version);
            return r.groups().get(0).topics().get(0).partitions().get(0).committedOffset();
        }
        req.setGroupId(group).setTopics(List.of(new OffsetFetchRequestTopic().setName(topic)
                .setPartitionIndexes(List.of(partition))));
        var r = roundTrip(coordinator.fetchOffsets(req, version), version);
        return r.topics().get(0).partitions().get(0).committedOffset();
    }

    @Test
    void standaloneCommitsAndFetchesInEveryVersion() throws Exception {
        open(true);
        for (short v = ApiKeys.OFFSET_COMMIT.oldestVersion(); v <= 9; v++) {
            assertEquals(Errors.NONE, commit("g", "t", v, 100 + v, v), "OffsetCommit v" + v);
            // The request must be writable in that version: no field set that it lacks.
            MessageUtil.toByteBufferAccessor(commitRequest("g", "t", v, 100 + v, "m"), v);
        }
        for (short v = ApiKeys.OFFSET_FETCH.oldestVersion(); v <= 9; v++) {
            assertEquals(102, fetchOne("g", "t", 2, v), "OffsetFetch v" + v);
            assertEquals(-1, fetchOne("g", "t", 77, v), "OffsetFetch v" + v + " of a partition without offset");
            assertEquals(-1, fetchOne("nobody", "t", 2, v), "OffsetFetch v" + v + " of an unknown group");
        }
        var all = coordinator.fetchOffsets(new OffsetFetchRequestData().setGroupId("g").setTopics(null), (short) 7);
        assertEquals(8, all.topics().get(0).partitions().size(), "null topics: every committed partition");
        var two = coordinator.fetchOffsets(new OffsetFetchRequestData().setRequireStable(true).setGroups(List.of(
                new OffsetFetchRequestGroup().setGroupId("g").setTopics(null),
                new OffsetFetchRequestGroup().setGroupId("other").setTopics(null))), (short) 9);
        assertEquals(List.of("g", "other"), two.groups().stream().map(g -> g.groupId()).toList());
        assertEquals(8, two.groups().get(0).topics().get(0).partitions().size());
        assertTrue(two.groups().get(1).topics().isEmpty());
        assertEquals("m", two.groups().get(0).topics().get(0).partitions().get(0).metadata());
    }

    @Test
    void metadataLongerThanAllowedIsRefused() throws Exception {
        open(true);
        var r = coordinator.commitOffsets(commitRequest("g", "t", 0, 1, "x".repeat(5000)), (short) 9);
        assertEquals(Errors.OFFSET_METADATA_TOO_LARGE.code(), r.topics().get(0).partitions().get(0).errorCode());
        assertTrue(coordinator.committed("g", "t", 0).isEmpty());
    }

    @Test
    void committedOffsetsSurviveAReopen() throws Exception {
        open(true);
        commit("g", "t", 0, 10, (short) 9);
        commit("g", "t", 0, 11, (short) 9);
        coordinator.commit("channel", "u", 3, 99);
        commit("gone", "deleted", 0, 5, (short) 9);
        coordinator.topicDeleted("deleted");
        open(true);
        assertEquals(11, coordinator.committed("g", "t", 0).orElseThrow());
        assertEquals(99, coordinator.committed("channel", "u", 3).orElseThrow());
        assertTrue(coordinator.committed("gone", "deleted", 0).isEmpty(), "a deleted topic's offsets stay deleted");
        assertEquals(List.of("channel", "g"), coordinator.groups().stream().map(GroupSummary::group).toList());
        assertTrue(log.warnings.isEmpty(), log.warnings.toString());
    }

    @Test
    void aTornTailIsCutAtOpen() throws Exception {
        open(true);
        commit("g", "t", 0, 10, (short) 9);
        commit("g", "t", 1, 20, (short) 9);
        coordinator.close();
        coordinator = null;
        Path file = dir.resolve(OffsetStore.FILE);
        long whole = Files.size(file);
        cutFileTail(file, 7);
        open(true);
        assertEquals(10, coordinator.committed("g", "t", 0).orElseThrow());
        assertTrue(coordinator.committed("g", "t", 1).isEmpty(), "the torn record is dropped");
        assertTrue(Files.size(file) < whole - 7, "cut at the last whole record");
        assertEquals(1, log.warnings.size(), log.warnings.toString());
        assertTrue(log.warnings.get(0).contains("torn"), log.warnings.get(0));
        commit("g", "t", 1, 21, (short) 9);
        open(true);
        assertEquals(21, coordinator.committed("g", "t", 1).orElseThrow(), "records after the cut are read back");

        coordinator.close();
        coordinator = null;
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 3] ^= 0x5a;
        Files.write(file, bytes);
        open(true);
        assertTrue(coordinator.committed("g", "t", 1).isEmpty(), "a record with a bad checksum is dropped");
        assertEquals(10, coordinator.committed("g", "t", 0).orElseThrow());
    }

    /** Cuts {@code n} bytes off the end of the file, as a crash in the middle of a write leaves it. */
    private static void cutFileTail(Path file, int n) throws Exception {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.truncate(ch.size() - n);
        }
    }

    @Test
    void aFileOfSupersededRecordsIsCompactedAtOpen() throws Exception {
        open(false);
        for (int i = 0; i < 3000; i++) {
            commit("g", "t", i % 3, i, (short) 9);
        }
        coordinator.close();
        coordinator = null;
        Path file = dir.resolve(OffsetStore.FILE);
        long before = Files.size(file);
        assertTrue(before > OffsetStore.COMPACT_MIN_BYTES, before + " bytes");
        open(true);
        assertTrue(Files.size(file) < 1000, Files.size(file) + " bytes after compaction");
        assertEquals(List.of(2997L, 2998L, 2999L), List.of(coordinator.committed("g", "t", 0).orElseThrow(),
                coordinator.committed("g", "t", 1).orElseThrow(), coordinator.committed("g", "t", 2).orElseThrow()));
        commit("g", "t", 0, 5000, (short) 9);
        open(true);
        assertEquals(5000, coordinator.committed("g", "t", 0).orElseThrow());
        assertTrue(Arrays.stream(dir.toFile().list()).noneMatch(n -> n.endsWith(".compact")));
    }

    @Test
    void concurrentCommitsAreAllDurable() throws Exception {
        open(true);
        int threads = 8;
        int commits = 40;
        List<CompletableFuture<Void>> all = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            String group = "g" + t;
            all.add(CompletableFuture.runAsync(() -> {
                for (int i = 1; i <= commits; i++) {
                    assertEquals(Errors.NONE, commit(group, "t", i % 2, i, (short) 9));
                    assertEquals(i, coordinator.committed(group, "t", i % 2).orElseThrow(), "visible once answered");
                }
            }));
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        open(true);
        for (int t = 0; t < threads; t++) {
            assertEquals(commits, coordinator.committed("g" + t, "t", 0).orElseThrow());
            assertEquals(commits - 1, coordinator.committed("g" + t, "t", 1).orElseThrow());
        }
    }
}
