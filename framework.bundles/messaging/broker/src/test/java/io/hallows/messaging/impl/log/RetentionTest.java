package io.hallows.messaging.impl.log;

import static io.hallows.messaging.impl.log.LogTesting.batch;
import static io.hallows.messaging.impl.log.LogTesting.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.protocol.Errors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetentionTest {
    @TempDir
    Path dir;
    private final KeyedTestExecutor executor = new KeyedTestExecutor();
    private final LogTesting.RecordingLogger log = new LogTesting.RecordingLogger();
    private final AtomicLong now = new AtomicLong(1_000_000);
    private LogManager logs;

    @BeforeEach
    void open() throws Exception {
        logs = LogManager.open(dir, TopicConfig.DEFAULTS, executor, log.logger, now::get);
    }

    @AfterEach
    void close() throws Exception {
        logs.close();
        executor.close();
    }

    @Test
    void segmentsRollWhenTheirFirstRecordIsOlderThanSegmentMs() throws Exception {
        logs.createTopic("t", 1, Map.of(TopicConfig.SEGMENT_MS, "1000", TopicConfig.FLUSH, "os"), false);
        append("t", "a");
        now.addAndGet(600);
        append("t", "b");
        assertEquals(1, segments("t"));
        now.addAndGet(600);
        append("t", "c");
        assertEquals(2, segments("t"), "the append after segment.ms rolls");
        assertEquals(0, get(logs.maintain()));
        assertEquals(2, segments("t"), "the new segment is not old yet");
        now.addAndGet(1001);
        assertEquals(0, get(logs.maintain()));
        assertEquals(3, segments("t"), "maintain rolls an old active segment");
        assertTrue(Files.exists(dir.resolve("t-0").resolve("00000000000000000003.log")));
        assertEquals(0, get(logs.maintain()));
        assertEquals(3, segments("t"), "an empty active segment does not roll");
    }

    @Test
    void retentionByTimeDeletesSegmentsWhoseNewestRecordIsOlder() throws Exception {
        logs.createTopic("t", 1, Map.of(TopicConfig.SEGMENT_BYTES, "1024", TopicConfig.RETENTION_MS, "10000"), false);
        for (int i = 0; i < 60; i++) {
            append("t", "old record " + i);
        }
        long oldEnd = logs.state("t", 0).orElseThrow().logEndOffset();
        int oldSegments = segments("t");
        now.addAndGet(9_000);
        for (int i = 0; i < 60; i++) {
            append("t", "new record " + i);
        }
        assertEquals(0, get(logs.maintain()), "nothing is 10 s old yet");
        now.addAndGet(2_000);
        int deleted = get(logs.maintain());
        assertTrue(deleted >= oldSegments - 1, deleted + " of " + oldSegments);
        PartitionState state = logs.state("t", 0).orElseThrow();
        assertTrue(state.logStartOffset() > 0 && state.logStartOffset() <= oldEnd, "log start " + state.logStartOffset());
        assertEquals(Errors.OFFSET_OUT_OF_RANGE, get(logs.read("t", 0, 0, 1000, true)).error());
        assertEquals(state.logStartOffset(), get(logs.listOffset("t", 0, -2)).offset());
        assertEquals(state.logStartOffset(), get(logs.read("t", 0, state.logStartOffset(), 1000, true)).records().batches().iterator().next()
                .baseOffset());
        now.addAndGet(1_000_000);
        get(logs.maintain());
        assertEquals(1, segments("t"), "the active segment is never deleted");
        assertEquals(120, logs.state("t", 0).orElseThrow().highWatermark());
    }

    @Test
    void retentionByBytesKeepsThePartitionUnderTheLimit() throws Exception {
        logs.createTopic("t", 1, Map.of(TopicConfig.SEGMENT_BYTES, "1024", TopicConfig.RETENTION_BYTES, "3000"), false);
        for (int i = 0; i < 100; i++) {
            append("t", "record " + i);
        }
        PartitionState before = logs.state("t", 0).orElseThrow();
        assertTrue(before.bytes() > 6000, "bytes " + before.bytes());
        int deleted = get(logs.maintain());
        PartitionState after = logs.state("t", 0).orElseThrow();
        assertEquals(before.segments() - deleted, after.segments());
        assertTrue(after.bytes() <= 3000 + 1024 && after.bytes() > 3000 - 1024, "bytes " + after.bytes());
        assertTrue(after.logStartOffset() > 0);
        try (var files = Files.list(dir.resolve("t-0"))) {
            assertEquals(after.segments() * 3L, files.count(), "each segment's log and two indexes, the others deleted");
        }
    }

    private void append(String topic, String value) throws Exception {
        AppendResult result = get(logs.append(topic, 0, batch(now.get(), value)));
        assertEquals(Errors.NONE, result.error(), result.message());
    }

    private int segments(String topic) {
        return logs.state(topic, 0).orElseThrow().segments();
    }
}
