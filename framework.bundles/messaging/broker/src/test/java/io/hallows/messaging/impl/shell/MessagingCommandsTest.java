package io.hallows.messaging.impl.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallows.messaging.impl.channel.FakeGroups;
import io.hallows.messaging.impl.channel.FakeLogs;
import io.hallows.messaging.impl.channel.RecordCodec;
import io.hallows.messaging.impl.group.GroupSummary;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessagingCommandsTest {
    private final FakeLogs logs = new FakeLogs();
    private final FakeGroups groups = new FakeGroups();
    private final MessagingCommands commands = new MessagingCommands(logs, groups);

    private void append(String topic, int partition, long timestamp, byte[] key, byte[] value) {
        assertEquals("NONE", logs.append(topic, partition, RecordCodec.encode(timestamp, key, value, List.of())).join().error().name());
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void createTakesPartitionsAndSettingsAndDescribesTheTopic() {
        String out = commands.create("orders", 3, "flush=os", "retention.ms=60000");
        assertTrue(out.startsWith("created topic 'orders'\n"), out);
        assertTrue(out.contains("\nflush                   os\n"), out);
        assertTrue(out.contains("\nretention.ms            60000\n"), out);
        assertTrue(out.contains("PARTITION  START  END  RECORDS  SEGMENTS  BYTES\n0          0      0    0        1         0\n"), out);
        assertTrue(commands.create("single").contains("\npartitions              1\n"));
    }

    @Test
    void badInputSaysWhatIsWrong() {
        assertEquals("'flush' is not name=value (e.g. flush=os retention.ms=60000)",
                assertThrows(IllegalArgumentException.class, () -> commands.create("t", 1, "flush")).getMessage());
        String config = assertThrows(IllegalArgumentException.class, () -> commands.create("t", 1, "flush=sometimes")).getMessage();
        assertTrue(config.contains("flush='sometimes'") && config.contains("batch or os"), config);
        String partitions = assertThrows(IllegalArgumentException.class, () -> commands.create("t", 0)).getMessage();
        assertTrue(partitions.contains("at least 1 partition"), partitions);
        commands.create("t");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> commands.create("t")).getMessage().contains("already exists"));
        assertEquals("there is no topic 'nope' (topics: t)", assertThrows(IllegalArgumentException.class, () -> commands.describe("nope")).getMessage());
        assertEquals("the number of records must be from 1 to 1000 (was 0)",
                assertThrows(IllegalArgumentException.class, () -> commands.records("t", 0)).getMessage());
    }

    @Test
    void topicsListsRecordsAndSettingsAligned() {
        assertEquals("no topics (log:create <topic> [partitions] [name=value ...] makes one)\n", commands.topics());
        commands.create("events", 2, "flush=os");
        commands.create("a", 1);
        append("events", 0, 1, null, utf8("x"));
        append("events", 1, 1, null, utf8("y"));
        String[] lines = commands.topics().split("\n");
        assertEquals("TOPIC   PARTITIONS  RECORDS  BYTES  FLUSH  RETENTION.MS  RETENTION.BYTES", lines[0]);
        assertTrue(lines[1].matches("a       1           0        0      batch  604800000     -1"), lines[1]);
        assertTrue(lines[2].matches("events  2           2        \\d+ +os     604800000     -1"), lines[2]);
    }

    @Test
    void tailShowsTheLastRecordsOfEachPartitionOldestFirst() throws Exception {
        commands.create("t", 2);
        for (int i = 0; i < 15; i++) {
            append("t", 0, 1_700_000_000_000L + i, utf8("k" + i), utf8("value " + i));
        }
        append("t", 1, 1_700_000_000_000L, null, new byte[] {0, 1, (byte) 0xff});
        append("t", 1, 1_700_000_000_000L, utf8("long"), utf8("x".repeat(100)));
        String[] lines = commands.records("t", 3).split("\n");
        assertEquals(6, lines.length, String.join("\n", lines));
        assertEquals("PARTITION  OFFSET  TIME                      KEY   VALUE", lines[0]);
        assertEquals("0          12      2023-11-14T22:13:20.012Z  k12   value 12", lines[1]);
        assertEquals("0          14      2023-11-14T22:13:20.014Z  k14   value 14", lines[3]);
        assertEquals("1          0       2023-11-14T22:13:20Z      null  0x0001ff", lines[4]);
        assertEquals("1          1       2023-11-14T22:13:20Z      long  " + "x".repeat(59) + "…", lines[5]);
        assertEquals(1 + 10 + 2, commands.records("t", MessagingCommands.DEFAULT_TAIL).split("\n").length, "the header, 10 of partition 0 by default, both of partition 1");
    }

    @Test
    void groupsShowMembersOffsetsAndLag() {
        assertEquals("no consumer groups\n", commands.groups());
        commands.create("t", 2);
        for (int i = 0; i < 5; i++) {
            append("t", 0, 1, null, utf8("v"));
        }
        groups.addSummary(new GroupSummary("billing", "Stable", "consumer", "range", 3,
                List.of(new GroupSummary.Member("c-1-abc", "consumer-1", "/127.0.0.1", List.of("t-0", "t-1"))),
                List.of(new GroupSummary.Committed("t", 0, 2), new GroupSummary.Committed("gone", 0, 7))));
        groups.addSummary(new GroupSummary("idle", "Empty", "", "", 0, List.of(), List.of()));
        assertEquals("""
                group billing: Stable, protocol consumer/range, generation 3, 1 member
                  MEMBER   CLIENT      HOST        ASSIGNMENT
                  c-1-abc  consumer-1  /127.0.0.1  t-0,t-1
                  TOPIC  PARTITION  COMMITTED  END  LAG
                  t      0          2          5    3
                  gone   0          7          -    -
                group idle: Empty, protocol -, generation 0, 0 members
                  no committed offsets
                """, commands.groups());
    }
}
