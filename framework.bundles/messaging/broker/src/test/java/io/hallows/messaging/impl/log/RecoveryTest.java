package io.hallows.messaging.impl.log;

import static io.hallows.messaging.impl.log.LogTesting.batch;
import static io.hallows.messaging.impl.log.LogTesting.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.kafka.common.protocol.Errors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecoveryTest {
    private static final int BATCHES = 50;
    @TempDir
    Path dir;
    private final KeyedTestExecutor executor = new KeyedTestExecutor();
    private final LogTesting.RecordingLogger log = new LogTesting.RecordingLogger();

    @AfterEach
    void close() throws Exception {
        executor.close();
    }

    private LogManager open() throws Exception {
        return LogManager.open(dir, TopicConfig.DEFAULTS, executor, log.logger);
    }

    /** 50 batches of 2 records in 1 KiB segments; returns the segment files, oldest first. */
    private List<Path> fill() throws Exception {
        try (LogManager logs = open()) {
            logs.createTopic("t", 1, Map.of(TopicConfig.SEGMENT_BYTES, "1024"), false);
            for (int b = 0; b < BATCHES; b++) {
                assertEquals(Errors.NONE, get(logs.append("t", 0, batch(1000 + b, "key " + b, "value " + b))).error());
            }
        }
        try (Stream<Path> files = Files.list(dir.resolve("t-0"))) {
            return files.filter(file -> file.toString().endsWith(".log")).sorted().toList();
        }
    }

    private void assertRecovered(long expectedEnd, String cutText) throws Exception {
        try (LogManager logs = open()) {
            PartitionState state = logs.state("t", 0).orElseThrow();
            assertEquals(expectedEnd, state.logEndOffset());
            assertEquals(expectedEnd, state.highWatermark());
            List<String> values = readAll(logs, expectedEnd);
            assertEquals(expectedEnd, values.size());
            for (int i = 0; i < Math.min(values.size(), 2 * BATCHES); i++) {
                assertEquals((i % 2 == 0 ? "key " : "value ") + i / 2, values.get(i));
            }
            AppendResult next = get(logs.append("t", 0, batch(5000, "after", "recovery")));
            assertEquals(expectedEnd, next.baseOffset(), "appends continue at the cut");
        }
        if (cutText != null) {
            assertTrue(log.has("warn", cutText), log.lines.toString());
        }
    }

    private static List<String> readAll(LogManager logs, long end) throws Exception {
        List<String> values = new ArrayList<>();
        long offset = 0;
        while (offset < end) {
            ReadResult read = get(logs.read("t", 0, offset, 100_000, true));
            List<Long> offsets = LogTesting.offsets(read.records());
            values.addAll(LogTesting.values(read.records()));
            offset = offsets.get(offsets.size() - 1) + 1;
        }
        return values;
    }

    @Test
    void aTornTailIsCutAtTheLastWholeBatch() throws Exception {
        Path last = fill().getLast();
        long size = Files.size(last);
        try (RandomAccessFile file = new RandomAccessFile(last.toFile(), "rw")) {
            file.setLength(size - 7);
        }
        assertRecovered(2 * (BATCHES - 1), last.getFileName().toString());
        assertTrue(log.has("warn", "ends past the end of the file"), log.lines.toString());
    }

    @Test
    void garbageAndZeroedTailsAreCut() throws Exception {
        Path last = fill().getLast();
        byte[] garbage = new byte[333];
        new Random(42).nextBytes(garbage);
        Files.write(last, garbage, StandardOpenOption.APPEND);
        assertRecovered(2 * BATCHES, last.getFileName().toString());
        Files.write(last, new byte[4096], StandardOpenOption.APPEND);
        assertRecovered(2 * BATCHES + 2, "impossible batch size");
    }

    /** A flipped byte inside a batch of the last segment: that batch and every one after it are cut. */
    @Test
    void aCorruptBatchCutsTheRestOfTheLastSegment() throws Exception {
        Path last = fill().getLast();
        long firstOffset = Long.parseLong(last.getFileName().toString().substring(0, 20));
        int batchesInLast = 0;
        long size = Files.size(last);
        byte[] bytes = Files.readAllBytes(last);
        int position = 0;
        List<Integer> starts = new ArrayList<>();
        while (position < size) {
            starts.add(position);
            position += java.nio.ByteBuffer.wrap(bytes).getInt(position + 8) + 12;
            batchesInLast++;
        }
        assertTrue(batchesInLast >= 2, "the last segment holds " + batchesInLast + " batches");
        int victim = starts.get(batchesInLast - 2);
        bytes[victim + 70] ^= 0x01;
        Files.write(last, bytes);
        assertRecovered(firstOffset + 2L * (batchesInLast - 2), "CRC mismatch");
        assertTrue(log.has("warn", "at byte " + victim), log.lines.toString());
    }

    @Test
    void missingOrDamagedIndexesAreRebuilt() throws Exception {
        List<Path> segments = fill();
        assertTrue(segments.size() >= 3, segments.toString());
        Path first = segments.get(0);
        Files.delete(first.resolveSibling(first.getFileName().toString().replace(".log", ".index")));
        Path second = segments.get(1);
        Files.writeString(second.resolveSibling(second.getFileName().toString().replace(".log", ".timeindex")), "garbage");
        Files.delete(segments.getLast().resolveSibling(segments.getLast().getFileName().toString().replace(".log", ".index")));
        assertRecovered(2 * BATCHES, "rebuilt");
        assertTrue(Files.size(first.resolveSibling(first.getFileName().toString().replace(".log", ".index"))) > 0);
        try (LogManager logs = open()) {
            assertEquals(new OffsetLookup(Errors.NONE, 20, 1010), get(logs.listOffset("t", 0, 1010)));
        }
    }
}
