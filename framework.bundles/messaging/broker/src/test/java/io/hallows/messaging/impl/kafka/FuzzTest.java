package io.hallows.messaging.impl.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.kafka.common.message.ListOffsetsRequestData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Valid requests with random damage (bytes changed, cut short, garbage appended, sizes lied
 * about), each on its own connection, with a fixed seed: the server never fails internally and a
 * connection that did nothing wrong keeps being answered throughout.
 */
@Timeout(120)
class FuzzTest {
    private static final int ROUNDS = 400;

    @Test
    void damagedRequestsNeverBreakTheServerOrOtherConnections() throws Exception {
        try (Fixture fixture = new Fixture(Fixture.settings(0, 1 << 16, 1000, true))) {
            fixture.logs.createTopic("fuzz", 2, Map.of(), false);
            List<byte[]> valid = List.of(
                    RawClient.frame(ApiKeys.API_VERSIONS, (short) 3, 1, Requests.apiVersions()),
                    RawClient.frame(ApiKeys.METADATA, (short) 12, 2, Requests.metadata("fuzz", "other")),
                    RawClient.frame(ApiKeys.PRODUCE, (short) 9, 3, Requests.produce("fuzz", 1, (short) 1, Requests.records("a", "b", "c"))),
                    RawClient.frame(ApiKeys.PRODUCE, (short) 7, 4, Requests.produce("fuzz", 0, (short) -1, Requests.records("d"))),
                    RawClient.frame(ApiKeys.FETCH, (short) 12, 5, Requests.fetch("fuzz", 1, 0, 50)),
                    RawClient.frame(ApiKeys.FETCH, (short) 11, 6, Requests.fetch("fuzz", 0, 0, 0)),
                    RawClient.frame(ApiKeys.LIST_OFFSETS, (short) 7, 7, listOffsets()));
            Random random = new Random(20261203L);
            try (RawClient witness = new RawClient(fixture.server.port())) {
                for (int round = 0; round < ROUNDS; round++) {
                    byte[] frame = damage(valid.get(random.nextInt(valid.size())), random);
                    try (RawClient client = new RawClient(fixture.server.port())) {
                        client.sendRaw(frame);
                        client.timeout(100);
                        try {
                            client.receiveFrame();
                        } catch (SocketTimeoutException | java.io.EOFException | java.net.SocketException e) {
                            // Waiting for more bytes, long-polling, or closed: all fine; only the server's health matters.
                        }
                    } catch (IOException e) {
                        // The server may close before the whole frame is written.
                    }
                    if (round % 20 == 0) {
                        RawProtocolTest.assertApiVersionsAnswered(witness, round);
                    }
                }
                RawProtocolTest.assertApiVersionsAnswered(witness, ROUNDS);
            }
            assertEquals(List.of(), fixture.lines("ERROR"));
            long refused = fixture.lines("WARN").stream().filter(l -> l.contains("closing the connection")).count();
            assertTrue(refused > ROUNDS / 10, "the damage is seen: " + refused + " connections refused");
        }
    }

    private static ListOffsetsRequestData listOffsets() {
        ListOffsetsRequestData.ListOffsetsPartition partition = new ListOffsetsRequestData.ListOffsetsPartition().setPartitionIndex(0)
                .setTimestamp(-1);
        return new ListOffsetsRequestData().setReplicaId(-1).setTopics(List.of(
                new ListOffsetsRequestData.ListOffsetsTopic().setName("fuzz").setPartitions(List.of(partition))));
    }

    private static byte[] damage(byte[] valid, Random random) {
        byte[] frame = Arrays.copyOf(valid, valid.length);
        switch (random.nextInt(4)) {
            case 0 -> {
                // Change a few bytes after the size (header or body).
                for (int i = 0, n = 1 + random.nextInt(4); i < n; i++) {
                    frame[4 + random.nextInt(frame.length - 4)] = (byte) random.nextInt(256);
                }
            }
            case 1 -> {
                // Cut the body short, keeping the size prefix consistent.
                int keep = 4 + random.nextInt(frame.length - 4);
                frame = Arrays.copyOf(frame, keep);
                putInt(frame, keep - 4);
            }
            case 2 -> {
                // Garbage appended inside the frame.
                int extra = 1 + random.nextInt(64);
                frame = Arrays.copyOf(frame, frame.length + extra);
                for (int i = frame.length - extra; i < frame.length; i++) {
                    frame[i] = (byte) random.nextInt(256);
                }
                putInt(frame, frame.length - 4);
            }
            default -> putInt(frame, random.nextInt()); // a size that lies
        }
        return frame;
    }

    private static void putInt(byte[] frame, int value) {
        frame[0] = (byte) (value >>> 24);
        frame[1] = (byte) (value >>> 16);
        frame[2] = (byte) (value >>> 8);
        frame[3] = (byte) value;
    }
}
