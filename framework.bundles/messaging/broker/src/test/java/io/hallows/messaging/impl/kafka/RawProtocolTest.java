package io.hallows.messaging.impl.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.message.ApiVersionsResponseData;
import org.apache.kafka.common.message.CreatePartitionsRequestData;
import org.apache.kafka.common.message.FetchRequestData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.ByteBufferAccessor;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.requests.ApiVersionsResponse;
import org.apache.kafka.common.requests.CreatePartitionsResponse;
import org.apache.kafka.common.requests.FetchResponse;
import org.apache.kafka.common.requests.MetadataResponse;
import org.apache.kafka.common.requests.ProduceResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Requests no well-behaved client sends, over a plain socket: bad frames close that connection
 * only (with a WARN naming the peer); unsupported APIs and versions get Kafka's
 * UNSUPPORTED_VERSION answer.
 */
@Timeout(60)
class RawProtocolTest {
    private Fixture fixture;

    @BeforeEach
    void start() throws Exception {
        fixture = new Fixture(Fixture.settings(0, 4096, 100, true));
    }

    @AfterEach
    void stop() throws Exception {
        fixture.close();
        assertEquals(List.of(), fixture.lines("ERROR"));
    }

    @Test
    void anOversizedOrNegativeFrameClosesThatConnectionOnly() throws Exception {
        try (RawClient witness = new RawClient(fixture.server.port())) {
            assertApiVersionsAnswered(witness, 1);
            for (int size : new int[] {4097, Integer.MAX_VALUE, -5}) {
                try (RawClient bad = new RawClient(fixture.server.port())) {
                    bad.sendRaw(ByteBuffer.allocate(4).putInt(size).array());
                    assertTrue(bad.closedByServer(), "closed after a frame of " + size + " bytes");
                    assertWarned(bad.localAddress(), Integer.toString(size));
                }
            }
            assertApiVersionsAnswered(witness, 2);
        }
    }

    @Test
    void aMalformedBodyOrAnUnknownApiKeyClosesThatConnection() throws Exception {
        try (RawClient witness = new RawClient(fixture.server.port())) {
            byte[] metadata = RawClient.frame(ApiKeys.METADATA, (short) 12, 5, Requests.metadata("a", "b"));
            // The topic array's length claims far more entries than the frame holds.
            int header = 4 + 2 + 2 + 4 + 2 + "raw-test".length() + 1;
            metadata[header] = (byte) 0x7f;
            try (RawClient bad = new RawClient(fixture.server.port())) {
                bad.sendRaw(metadata);
                assertTrue(bad.closedByServer());
                assertWarned(bad.localAddress(), "malformed Metadata v12");
            }
            try (RawClient bad = new RawClient(fixture.server.port())) {
                bad.sendRaw(ByteBuffer.allocate(12).putInt(8).putShort((short) 9999).putShort((short) 0).putInt(77).array());
                assertTrue(bad.closedByServer());
                assertWarned(bad.localAddress(), "unknown API key 9999");
            }
            try (RawClient bad = new RawClient(fixture.server.port())) {
                bad.sendRaw(ByteBuffer.allocate(12).putInt(8).putShort(ApiKeys.METADATA.id).putShort((short) 99).putInt(78).array());
                assertTrue(bad.closedByServer());
                assertWarned(bad.localAddress(), "Metadata version 99");
            }
            assertApiVersionsAnswered(witness, 3);
        }
    }

    @Test
    void anApiVersionsTooNewIsAnsweredInVersionZeroWithTheSupportedList() throws Exception {
        try (RawClient client = new RawClient(fixture.server.port())) {
            // Header v2 of a future ApiVersions: key, version, correlation id, client id, no tags.
            client.sendRaw(ByteBuffer.allocate(4 + 8 + 2 + 1).putInt(11).putShort(ApiKeys.API_VERSIONS.id).putShort((short) 42)
                    .putInt(9).putShort((short) 0).put((byte) 0).array());
            ByteBuffer frame = client.receiveFrame();
            assertEquals(9, frame.getInt(), "header v0: the correlation id only");
            ApiVersionsResponseData answer = new ApiVersionsResponseData(new ByteBufferAccessor(frame), (short) 0);
            assertEquals(Errors.UNSUPPORTED_VERSION.code(), answer.errorCode());
            assertEquals(4, answer.apiKeys().find(ApiKeys.API_VERSIONS.id).maxVersion());
            assertEquals(12, answer.apiKeys().find(ApiKeys.PRODUCE.id).maxVersion());
            assertApiVersionsAnswered(client, 10);
        }
    }

    @Test
    void apiVersionsAdvertisesWhatIsHandled() throws Exception {
        try (RawClient client = new RawClient(fixture.server.port())) {
            client.send(ApiKeys.API_VERSIONS, (short) 3, 1, Requests.apiVersions());
            ApiVersionsResponseData answer = ((ApiVersionsResponse) client.receive(ApiKeys.API_VERSIONS, (short) 3, 1)).data();
            assertEquals(Errors.NONE.code(), answer.errorCode());
            assertEquals(SupportedApis.newest().size(), answer.apiKeys().size());
            for (ApiVersionsResponseData.ApiVersion version : answer.apiKeys()) {
                assertEquals(ApiKeys.forId(version.apiKey()).oldestVersion(), version.minVersion());
            }
            assertEquals(12, answer.apiKeys().find(ApiKeys.FETCH.id).maxVersion(), "Fetch 13+ names topics by id");
            assertEquals(ApiKeys.METADATA.latestVersion(), answer.apiKeys().find(ApiKeys.METADATA.id).maxVersion());
            assertEquals(null, answer.apiKeys().find(ApiKeys.OFFSET_FOR_LEADER_EPOCH.id));
        }
    }

    @Test
    void aVersionBeyondTheHandledOnesOrAnUnimplementedApiGetsUnsupportedVersion() throws Exception {
        try (RawClient client = new RawClient(fixture.server.port())) {
            FetchRequestData fetch = Requests.fetch("t", 0, 0, 0);
            fetch.topics().get(0).setTopicId(Uuid.randomUuid());
            client.send(ApiKeys.FETCH, (short) 15, 1, fetch);
            FetchResponse fetched = (FetchResponse) client.receive(ApiKeys.FETCH, (short) 15, 1);
            assertEquals(Errors.UNSUPPORTED_VERSION, fetched.error());

            CreatePartitionsRequestData.CreatePartitionsTopicCollection topics = new CreatePartitionsRequestData.CreatePartitionsTopicCollection();
            topics.add(new CreatePartitionsRequestData.CreatePartitionsTopic().setName("t").setCount(5).setAssignments(null));
            client.send(ApiKeys.CREATE_PARTITIONS, (short) 3, 2, new CreatePartitionsRequestData().setTopics(topics).setTimeoutMs(1000));
            CreatePartitionsResponse created = (CreatePartitionsResponse) client.receive(ApiKeys.CREATE_PARTITIONS, (short) 3, 2);
            assertEquals(Map.of(Errors.UNSUPPORTED_VERSION, 1), created.errorCounts());
            assertApiVersionsAnswered(client, 3);
        }
    }

    @Test
    void answersFollowRequestOrderWhileAFetchLongPollsAndAcksZeroGetsNone() throws Exception {
        fixture.logs.createTopic("ordered", 1, Map.of(), false);
        try (RawClient client = new RawClient(fixture.server.port())) {
            client.send(ApiKeys.FETCH, (short) 12, 1, Requests.fetch("ordered", 0, 0, 10_000));
            client.send(ApiKeys.METADATA, (short) 12, 2, Requests.metadata("ordered"));
            client.send(ApiKeys.PRODUCE, (short) 9, 3, Requests.produce("ordered", 0, (short) 0, Requests.records("first")));
            client.send(ApiKeys.API_VERSIONS, (short) 3, 4, Requests.apiVersions());

            FetchResponse fetched = (FetchResponse) client.receive(ApiKeys.FETCH, (short) 12, 1);
            var partition = fetched.data().responses().get(0).partitions().get(0);
            assertEquals(Errors.NONE.code(), partition.errorCode());
            assertEquals(1, partition.highWatermark(), "woken by the acks=0 produce that came after it");
            assertTrue(((org.apache.kafka.common.record.internal.MemoryRecords) partition.records()).sizeInBytes() > 0);
            MetadataResponse metadata = (MetadataResponse) client.receive(ApiKeys.METADATA, (short) 12, 2);
            assertEquals(1, metadata.topicMetadata().iterator().next().partitionMetadata().size());
            client.receive(ApiKeys.API_VERSIONS, (short) 3, 4); // 3 (acks=0) is never answered
        }
        assertEquals(0, fixture.logs.waiters(), "the long poll's waiters are gone");
    }

    @Test
    void aFetchKeepsWithinItsMaxBytesButAlwaysReturnsTheFirstBatch() throws Exception {
        fixture.logs.createTopic("big", 2, Map.of(), false);
        String large = "x".repeat(2000);
        for (int partition = 0; partition < 2; partition++) {
            fixture.logs.append("big", partition, Requests.records(large)).get();
            fixture.logs.append("big", partition, Requests.records(large)).get();
        }
        FetchRequestData fetch = Requests.fetch("big", 0, 0, 0).setMaxBytes(1000);
        fetch.topics().get(0).partitions().add(new FetchRequestData.FetchPartition().setPartition(1).setFetchOffset(0)
                .setPartitionMaxBytes(1 << 20).setLogStartOffset(-1).setLastFetchedEpoch(-1).setCurrentLeaderEpoch(-1));
        try (RawClient client = new RawClient(fixture.server.port())) {
            client.send(ApiKeys.FETCH, (short) 12, 1, fetch);
            FetchResponse fetched = (FetchResponse) client.receive(ApiKeys.FETCH, (short) 12, 1);
            var partitions = fetched.data().responses().get(0).partitions();
            var first = (org.apache.kafka.common.record.internal.MemoryRecords) partitions.get(0).records();
            var second = (org.apache.kafka.common.record.internal.MemoryRecords) partitions.get(1).records();
            int batches = 0;
            for (var batch : first.batches()) {
                batches++;
                assertEquals(0, batch.baseOffset());
            }
            assertEquals(1, batches, "one batch, larger than max.bytes, and no more");
            assertEquals(0, second.sizeInBytes(), "nothing else fits");
            assertEquals(2, partitions.get(1).highWatermark());
        }
    }

    @Test
    void answersCompletingOutOfOrderAreWrittenInRequestOrder() throws Exception {
        fixture.logs.createTopic("racing", 2, Map.of(), false);
        CompletableFuture<Void> gate = new CompletableFuture<>();
        fixture.logs.partitionZeroGate = gate;
        try (RawClient client = new RawClient(fixture.server.port())) {
            client.send(ApiKeys.PRODUCE, (short) 9, 1, Requests.produce("racing", 0, (short) 1, Requests.records("slow")));
            for (int i = 2; i <= 20; i++) {
                client.send(ApiKeys.PRODUCE, (short) 9, i, Requests.produce("racing", 1, (short) 1, Requests.records("fast-" + i)));
            }
            client.send(ApiKeys.API_VERSIONS, (short) 3, 21, Requests.apiVersions());
            awaitEnd("racing", 1, 19);
            assertTrue(client.silentFor(50), "nothing may be answered before request 1");
            gate.complete(null);
            for (int i = 1; i <= 20; i++) {
                ProduceResponse produced = (ProduceResponse) client.receive(ApiKeys.PRODUCE, (short) 9, i);
                var partition = produced.data().responses().iterator().next().partitionResponses().get(0);
                assertEquals(Errors.NONE.code(), partition.errorCode());
                assertEquals(i == 1 ? 0 : i - 2, partition.baseOffset());
            }
            client.receive(ApiKeys.API_VERSIONS, (short) 3, 21);
        }
    }

    private void awaitEnd(String topic, int partition, long end) {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (fixture.logs.state(topic, partition).orElseThrow().highWatermark() < end) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("partition " + partition + " did not reach " + end);
            }
            Thread.onSpinWait();
        }
    }

    @Test
    void aLongPollWithoutDataAnswersEmptyAtItsDeadline() throws Exception {
        fixture.logs.createTopic("quiet", 2, Map.of(), false);
        try (RawClient client = new RawClient(fixture.server.port())) {
            long start = System.nanoTime();
            client.send(ApiKeys.FETCH, (short) 12, 1, Requests.fetch("quiet", 1, 0, 300));
            FetchResponse fetched = (FetchResponse) client.receive(ApiKeys.FETCH, (short) 12, 1);
            long elapsedMs = (System.nanoTime() - start) / 1_000_000;
            assertTrue(elapsedMs >= 250, "waited " + elapsedMs + " ms");
            var partition = fetched.data().responses().get(0).partitions().get(0);
            assertEquals(0, ((org.apache.kafka.common.record.internal.MemoryRecords) partition.records()).sizeInBytes());
            assertEquals(0, partition.highWatermark());
            assertEquals(0, fetched.data().sessionId());
        }
        assertEquals(0, fixture.logs.waiters(), "the timed-out waiter was cancelled");
    }

    @Test
    void aClientLeavingDuringALongPollLeavesNoWaiterBehind() throws Exception {
        fixture.logs.createTopic("abandoned", 1, Map.of(), false);
        try (RawClient client = new RawClient(fixture.server.port())) {
            client.send(ApiKeys.FETCH, (short) 12, 1, Requests.fetch("abandoned", 0, 0, 30_000));
            awaitWaiters(1);
        }
        awaitWaiters(0);
    }

    private void awaitWaiters(int expected) {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (fixture.logs.waiters() != expected) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(fixture.logs.waiters() + " waiters, not " + expected);
            }
            Thread.onSpinWait();
        }
    }

    @Test
    void connectionsBeyondTheLimitAreClosed() throws Exception {
        try (Fixture small = new Fixture(Fixture.settings(0, 4096, 2, true));
                RawClient one = new RawClient(small.server.port());
                RawClient two = new RawClient(small.server.port())) {
            assertApiVersionsAnswered(one, 1);
            assertApiVersionsAnswered(two, 1);
            try (RawClient three = new RawClient(small.server.port())) {
                assertTrue(three.closedByServer());
            }
            assertTrue(small.lines("WARN").stream().anyMatch(l -> l.contains("max.connections")), small.lines.toString());
            two.close();
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (small.server.connections() > 1 && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            try (RawClient four = new RawClient(small.server.port())) {
                assertApiVersionsAnswered(four, 2);
            }
            assertTrue(one.silentFor(100), "the first connection stays open");
        }
    }

    private void assertWarned(String peer, String text) {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (fixture.lines("WARN").stream().anyMatch(l -> l.contains(peer) && l.contains(text))) {
                return;
            }
            Thread.onSpinWait();
        }
        throw new AssertionError("no WARN naming " + peer + " and '" + text + "' in " + fixture.lines);
    }

    static void assertApiVersionsAnswered(RawClient client, int correlationId) throws Exception {
        client.send(ApiKeys.API_VERSIONS, (short) 3, correlationId, Requests.apiVersions());
        ApiVersionsResponse answer = (ApiVersionsResponse) client.receive(ApiKeys.API_VERSIONS, (short) 3, correlationId);
        assertEquals(Errors.NONE.code(), answer.data().errorCode());
    }
}
