package io.hallows.db.oltp.impl.wal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecoveryTest {
    @TempDir
    Path directory;
    private LogFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new LogFixture(directory);
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    private static List<String> values(String prefix, int count) {
        return IntStream.range(0, count).mapToObj(i -> prefix + i + "-" + "x".repeat(i % 37)).toList();
    }

    /** Writes 20 records, closes, and returns their LSNs. */
    private long[] twentyRecords() throws IOException {
        try (LogFixture.Opened opened = fixture.open(LogFixture.SMALL)) {
            assertNull(opened.report().checkpoint());
            return opened.commitAll(values("a", 20));
        }
    }

    private Path onlySegment() throws IOException {
        var segments = LogFiles.segments(directory);
        assertEquals(1, segments.size(), "segments: " + segments);
        return segments.firstEntry().getValue();
    }

    private static void write(Path file, long offset, byte[] bytes) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(bytes), offset);
        }
    }

    /** Recovers, expects {@code expected} and a cut of at least {@code cutAtLeast}, appends more, and recovers again. */
    private void recoversTo(List<String> expected, long cutAtLeast) throws IOException {
        List<String> more = values("b", 5);
        try (LogFixture.Opened opened = fixture.open(LogFixture.SMALL)) {
            assertEquals(expected, opened.store().state());
            assertTrue(opened.report().bytesCut() >= cutAtLeast, "cut " + opened.report().bytesCut());
            assertEquals(cutAtLeast == 0, opened.report().bytesCut() == 0, "cut " + opened.report().bytesCut());
            opened.commitAll(more);
        }
        try (LogFixture.Opened again = fixture.open(LogFixture.SMALL)) {
            List<String> all = new ArrayList<>(expected);
            all.addAll(more);
            assertEquals(all, again.store().state());
            assertEquals(0, again.report().bytesCut());
        }
    }

    @Test
    void recordsComeBackInOrder() throws IOException {
        twentyRecords();
        recoversTo(values("a", 20), 0);
    }

    @Test
    void tornTailIsCutAtTheLastWholeRecord() throws IOException {
        long[] lsns = twentyRecords();
        try (FileChannel channel = FileChannel.open(onlySegment(), StandardOpenOption.WRITE)) {
            channel.truncate(LogFiles.HEADER + lsns[19] - 5);
        }
        recoversTo(values("a", 19), 1);
        assertTrue(fixture.warned("cutting the log"), fixture.logLines.toString());
    }

    @Test
    void flippedByteInTheLastRecordIsCut() throws IOException {
        long[] lsns = twentyRecords();
        write(onlySegment(), LogFiles.HEADER + lsns[18] + FrameBuffer.HEADER + 1, new byte[] {'#'});
        recoversTo(values("a", 19), lsns[19] - lsns[18]);
    }

    @Test
    void garbageAfterTheLastRecordIsCut() throws IOException {
        long[] lsns = twentyRecords();
        write(onlySegment(), LogFiles.HEADER + lsns[19], "garbage that is no frame".getBytes());
        recoversTo(values("a", 20), 1);
    }

    @Test
    void zerosAfterTheLastRecordAreNoCut() throws IOException {
        long[] lsns = twentyRecords();
        Path segment = onlySegment();
        try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.WRITE)) {
            LogFiles.zero(channel, LogFiles.HEADER + lsns[19], channel.size() + 8192); // past the preallocation too
        }
        recoversTo(values("a", 20), 0);
        assertTrue(fixture.logLines.stream().noneMatch(line -> line.startsWith("WARN")), fixture.logLines.toString());
    }

    @Test
    void corruptRecordInTheMiddleCutsThereAndDropsTheRest() throws IOException {
        long[] lsns = twentyRecords();
        write(onlySegment(), LogFiles.HEADER + lsns[8] + 6, new byte[] {0x7f});
        recoversTo(values("a", 9), lsns[19] - lsns[8]);
    }

    @Test
    void segmentsRollAndACutDeletesTheLaterOnes() throws IOException {
        LogOptions tiny = LogFixture.SMALL.withSegmentSize(4096);
        List<String> many = values("s", 1000);
        long[] lsns;
        try (LogFixture.Opened opened = fixture.open(tiny)) {
            lsns = opened.commitAll(many);
        }
        var segments = LogFiles.segments(directory);
        assertTrue(segments.size() > 3, "segments: " + segments.keySet());
        try (LogFixture.Opened opened = fixture.open(tiny)) {
            assertEquals(many, opened.store().state());
        }
        // corrupt record 500: it lies in some middle segment; everything after goes
        var holder = segments.floorEntry(lsns[499]);
        write(holder.getValue(), LogFiles.HEADER + lsns[499] - holder.getKey() + FrameBuffer.HEADER, new byte[] {'!'});
        try (LogFixture.Opened opened = fixture.open(tiny)) {
            assertEquals(many.subList(0, 500), opened.store().state());
            assertEquals(holder.getKey(), LogFiles.segments(directory).lastKey());
            opened.commitAll(values("t", 50));
        }
        try (LogFixture.Opened opened = fixture.open(tiny)) {
            List<String> all = new ArrayList<>(many.subList(0, 500));
            all.addAll(values("t", 50));
            assertEquals(all, opened.store().state());
        }
    }

    @Test
    void afterACheckpointOnlyLaterRecordsAreReplayed() throws IOException {
        try (LogFixture.Opened opened = fixture.open(LogFixture.SMALL)) {
            opened.commitAll(values("a", 30));
            CheckpointInfo info = opened.log().checkpoint(opened.store()).join();
            assertEquals(30, info.records());
            opened.commitAll(values("b", 10));
        }
        try (LogFixture.Opened opened = fixture.open(LogFixture.SMALL)) {
            assertEquals(values("a", 30), opened.store().loaded());
            assertEquals(values("b", 10), opened.store().redone());
            assertEquals(10, opened.report().recordsReplayed());
            assertTrue(opened.report().checkpoint().endsWith(".ckpt"));
        }
    }

    @Test
    void aCorruptNewestCheckpointFallsBackToThePreviousOne() throws IOException {
        try (LogFixture.Opened opened = fixture.open(LogFixture.SMALL)) {
            opened.commitAll(values("a", 10));
            opened.log().checkpoint(opened.store()).join();
            opened.commitAll(values("b", 10));
            opened.log().checkpoint(opened.store()).join();
            opened.commitAll(values("c", 10));
        }
        var checkpoints = LogFiles.checkpoints(directory);
        assertEquals(2, checkpoints.size());
        write(checkpoints.lastEntry().getValue(), LogFiles.HEADER + FrameBuffer.HEADER, new byte[] {'?'});
        try (LogFixture.Opened opened = fixture.open(LogFixture.SMALL)) {
            assertEquals(values("a", 10), opened.store().loaded());
            List<String> all = new ArrayList<>(values("a", 10));
            all.addAll(values("b", 10));
            all.addAll(values("c", 10));
            assertEquals(all, opened.store().state());
            assertEquals(checkpoints.firstEntry().getValue().getFileName().toString(), opened.report().checkpoint());
        }
        assertTrue(fixture.warned("is not whole"), fixture.logLines.toString());
    }
}
