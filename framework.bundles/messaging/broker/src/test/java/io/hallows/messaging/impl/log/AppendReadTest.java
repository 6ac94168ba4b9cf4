package io.hallows.messaging.impl.log;

import static io.hallows.messaging.impl.log.LogTesting.batch;
import static io.hallows.messaging.impl.log.LogTesting.get;
import static io.hallows.messaging.impl.log.LogTesting.offsets;
import static io.hallows.messaging.impl.log.LogTesting.values;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.record.internal.MemoryRecords;
import org.apache.kafka.common.record.internal.RecordBatch;
import org.apache.kafka.common.record.internal.SimpleRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppendReadTest {
    @TempDir
    Path dir;
    private final KeyedTestExecutor executor = new KeyedTestExecutor();
    private final LogTesting.RecordingLogger log = new LogTesting.RecordingLogger();
    private LogManager logs;

    @BeforeEach
    void open() throws Exception {
        logs = LogManager.open(dir, TopicConfig.DEFAULTS, executor, log.logger);
    }

    @AfterEach
    void close() throws Exception {
        logs.close();
        executor.close();
    }

    /** 200 batches of 5 records in 1 KiB segments: offsets assigned in order, every read returns what was appended. */
    @Test
    void roundTripAcrossSegments() throws Exception {
        logs.createTopic("orders", 2, Map.of(TopicConfig.SEGMENT_BYTES, "1024", TopicConfig.FLUSH, "os"), false);
        List<String> appended = new ArrayList<>();
        for (int b = 0; b < 200; b++) {
            String[] values = {"v" + b + "a", "v" + b + "b", "v" + b + "c", "v" + b + "d", "v" + b + "e"};
            AppendResult result = get(logs.append("orders", 1, batch(1000 + b, values)));
            assertEquals(Errors.NONE, result.error(), result.message());
            assertEquals(b * 5L, result.baseOffset());
            appended.addAll(List.of(values));
        }
        PartitionState state = logs.state("orders", 1).orElseThrow();
        assertEquals(1000, state.highWatermark());
        assertEquals(1000, state.logEndOffset());
        assertTrue(state.segments() > 10, "1 KiB segments roll: " + state.segments());
        try (var files = Files.list(dir.resolve("orders-1"))) {
            assertTrue(files.anyMatch(file -> file.getFileName().toString().equals("00000000000000000000.log")));
        }
        List<String> read = new ArrayList<>();
        long offset = 0;
        while (offset < 1000) {
            ReadResult result = get(logs.read("orders", 1, offset, 700, true));
            assertEquals(Errors.NONE, result.error());
            assertTrue(result.records().sizeInBytes() <= 700);
            List<Long> offsets = offsets(result.records());
            assertEquals(offset, offsets.get(0));
            read.addAll(values(result.records()));
            offset = offsets.get(offsets.size() - 1) + 1;
        }
        assertEquals(appended, read);
        assertEquals(0, logs.state("orders", 0).orElseThrow().logEndOffset());
    }

    /** A read from inside a batch, in the middle of a segment, starts with the batch holding the offset (the index finds it). */
    @Test
    void readFromTheMiddleFindsTheBatchHoldingTheOffset() throws Exception {
        logs.createTopic("t", 1, Map.of(TopicConfig.FLUSH, "os"), false);
        for (int b = 0; b < 500; b++) {
            get(logs.append("t", 0, batch(b, "x" + b, "y" + b, "z" + b)));
        }
        for (long offset : LongStream.of(0, 1, 2, 3, 301, 777, 1499).toArray()) {
            ReadResult result = get(logs.read("t", 0, offset, 100, true));
            RecordBatch first = result.records().batches().iterator().next();
            assertTrue(first.baseOffset() <= offset && offset <= first.lastOffset(), offset + " in " + first.baseOffset());
            assertEquals(offset / 3 * 3, first.baseOffset());
        }
        ReadResult tooSmall = get(logs.read("t", 0, 10, 10, false));
        assertEquals(0, tooSmall.records().sizeInBytes());
        ReadResult atEnd = get(logs.read("t", 0, 1500, 1000, true));
        assertEquals(Errors.NONE, atEnd.error());
        assertEquals(0, atEnd.records().sizeInBytes());
        assertEquals(Errors.OFFSET_OUT_OF_RANGE, get(logs.read("t", 0, 1501, 1000, true)).error());
        assertEquals(Errors.OFFSET_OUT_OF_RANGE, get(logs.read("t", 0, -1, 1000, true)).error());
        assertEquals(Errors.UNKNOWN_TOPIC_OR_PARTITION, get(logs.read("t", 1, 0, 1000, true)).error());
    }

    /** Sealed segments answer from their mapped index files, before and after a restart: every offset and timestamp is found. */
    @Test
    void sealedSegmentsFindEveryOffsetAndTimestamp() throws Exception {
        logs.createTopic("big", 1, Map.of(TopicConfig.SEGMENT_BYTES, "65536", TopicConfig.FLUSH, "os"), false);
        String value = "v".repeat(250);
        for (int b = 0; b < 1000; b++) {
            get(logs.append("big", 0, batch(100_000 + b * 2L, value + b, value)));
        }
        assertTrue(logs.state("big", 0).orElseThrow().segments() >= 8);
        checkLookups();
        logs.close();
        logs = LogManager.open(dir, TopicConfig.DEFAULTS, executor, log.logger);
        checkLookups();
    }

    private void checkLookups() throws Exception {
        for (long offset = 0; offset < 2000; offset += 37) {
            RecordBatch first = get(logs.read("big", 0, offset, 100, true)).records().batches().iterator().next();
            assertEquals(offset / 2 * 2, first.baseOffset(), "read at " + offset);
        }
        for (int b = 0; b < 1000; b += 41) {
            assertEquals(new OffsetLookup(Errors.NONE, b * 2L, 100_000 + b * 2L), get(logs.listOffset("big", 0, 100_000 + b * 2L)));
            assertEquals(new OffsetLookup(Errors.NONE, b * 2L + 2, 100_000 + b * 2L + 2), get(logs.listOffset("big", 0, 100_000 + b * 2L + 1)));
        }
    }

    @Test
    void listOffsetsByTimestamp() throws Exception {
        logs.createTopic("t", 1, Map.of(TopicConfig.SEGMENT_BYTES, "1024", TopicConfig.FLUSH, "os"), false);
        for (int b = 0; b < 100; b++) {
            get(logs.append("t", 0, batch(10_000 + b * 10, "a" + b, "b" + b)));
        }
        assertEquals(new OffsetLookup(Errors.NONE, 0, -1), get(logs.listOffset("t", 0, -2)));
        assertEquals(new OffsetLookup(Errors.NONE, 200, -1), get(logs.listOffset("t", 0, -1)));
        assertEquals(new OffsetLookup(Errors.NONE, 0, 10_000), get(logs.listOffset("t", 0, 0)));
        assertEquals(new OffsetLookup(Errors.NONE, 100, 10_500), get(logs.listOffset("t", 0, 10_500)));
        assertEquals(new OffsetLookup(Errors.NONE, 102, 10_510), get(logs.listOffset("t", 0, 10_501)));
        assertEquals(new OffsetLookup(Errors.NONE, 198, 10_990), get(logs.listOffset("t", 0, -3)));
        assertEquals(new OffsetLookup(Errors.NONE, -1, -1), get(logs.listOffset("t", 0, 20_000)));
    }

    @Test
    void logAppendTimeTopicsStampTheBatch() throws Exception {
        logs.createTopic("t", 1, Map.of(TopicConfig.TIMESTAMP_TYPE, "LogAppendTime"), false);
        long before = System.currentTimeMillis();
        AppendResult result = get(logs.append("t", 0, batch(5, "a", "b")));
        assertTrue(result.logAppendTime() >= before, "log append time " + result.logAppendTime());
        RecordBatch stored = get(logs.read("t", 0, 0, 1000, true)).records().batches().iterator().next();
        assertEquals(TimestampType.LOG_APPEND_TIME, stored.timestampType());
        assertEquals(result.logAppendTime(), stored.maxTimestamp());
        stored.ensureValid();
    }

    @Test
    void invalidBatchesAreRefusedWithKafkasErrors() throws Exception {
        logs.createTopic("t", 1, Map.of(TopicConfig.MAX_MESSAGE_BYTES, "200", TopicConfig.SEGMENT_BYTES, "1024"), false);
        MemoryRecords legacy = MemoryRecords.withRecords(RecordBatch.MAGIC_VALUE_V1, Compression.NONE, new SimpleRecord(1L, "x".getBytes()));
        assertEquals(Errors.UNSUPPORTED_FOR_MESSAGE_FORMAT, get(logs.append("t", 0, legacy)).error());

        MemoryRecords corrupt = batch(1, "abc");
        corrupt.buffer().put(corrupt.sizeInBytes() - 1, (byte) 'X');
        assertEquals(Errors.CORRUPT_MESSAGE, get(logs.append("t", 0, corrupt)).error());

        assertEquals(Errors.MESSAGE_TOO_LARGE, get(logs.append("t", 0, batch(1, "x".repeat(300)))).error());
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            many.add("y".repeat(40));
        }
        MemoryRecords tooMany = MemoryRecords.readableRecords(concat(many.stream().map(v -> batch(1, v)).toList()));
        assertEquals(Errors.RECORD_LIST_TOO_LARGE, get(logs.append("t", 0, tooMany)).error());

        MemoryRecords transactional = MemoryRecords.withTransactionalRecords(Compression.NONE, 7L, (short) 0, 0, new SimpleRecord(1L, "x".getBytes()));
        AppendResult refused = get(logs.append("t", 0, transactional));
        assertEquals(Errors.INVALID_RECORD, refused.error());
        assertTrue(refused.message().contains("transactional"), refused.message());
        assertEquals(Errors.UNKNOWN_TOPIC_OR_PARTITION, get(logs.append("nope", 0, batch(1, "a"))).error());
        MemoryRecords readOnly = MemoryRecords.readableRecords(batch(1, "kept").buffer().asReadOnlyBuffer());
        assertEquals(Errors.NONE, get(logs.append("t", 0, readOnly)).error(), "a read-only request buffer is copied, not refused");
        assertEquals(List.of("kept"), values(get(logs.read("t", 0, 0, 1000, true)).records()));
        assertEquals(1, logs.state("t", 0).orElseThrow().logEndOffset(), "nothing refused was appended");
    }

    private static java.nio.ByteBuffer concat(List<MemoryRecords> parts) {
        java.nio.ByteBuffer all = java.nio.ByteBuffer.allocate(parts.stream().mapToInt(MemoryRecords::sizeInBytes).sum());
        parts.forEach(part -> all.put(part.buffer().duplicate()));
        return all.flip();
    }
}
