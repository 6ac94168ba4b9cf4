package io.hallows.messaging.impl.log;

import static io.hallows.messaging.impl.log.LogTesting.batch;
import static io.hallows.messaging.impl.log.LogTesting.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.protocol.Errors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GroupCommitTest {
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

    /** While one force runs, 199 appends arrive: they share the next force, two in all. */
    @Test
    void appendsThatArriveDuringAForceShareTheNextOne() throws Exception {
        logs.createTopic("t", 1, Map.of(), false);
        executor.hold(key -> key.endsWith("/force"));
        List<CompletableFuture<AppendResult>> appends = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            appends.add(logs.append("t", 0, batch(i, "r" + i)));
        }
        awaitLogEnd(200);
        assertTrue(appends.stream().noneMatch(CompletableFuture::isDone), "no append is acknowledged before its force");
        executor.release();
        for (int i = 0; i < 200; i++) {
            AppendResult result = get(appends.get(i));
            assertEquals(Errors.NONE, result.error());
            assertEquals(i, result.baseOffset());
        }
        assertEquals(2, logs.forces());
        assertEquals(200, logs.state("t", 0).orElseThrow().highWatermark());
    }

    /** What is written but not forced is above the high watermark: not readable, and long polls wait for the force. */
    @Test
    void readsStopAtTheHighWatermarkUntilTheForce() throws Exception {
        logs.createTopic("t", 1, Map.of(), false);
        get(logs.append("t", 0, batch(1, "first")));
        executor.hold(key -> key.endsWith("/force"));
        CompletableFuture<AppendResult> second = logs.append("t", 0, batch(2, "second"));
        awaitLogEnd(2);
        PartitionState state = logs.state("t", 0).orElseThrow();
        assertEquals(1, state.highWatermark());
        assertEquals(2, state.logEndOffset());
        ReadResult read = get(logs.read("t", 0, 0, 10_000, true));
        assertEquals(List.of("first"), LogTesting.values(read.records()));
        assertEquals(Errors.OFFSET_OUT_OF_RANGE, get(logs.read("t", 0, 2, 10_000, true)).error());
        CompletableFuture<Void> poll = logs.awaitData("t", 0, 1);
        CompletableFuture<Void> cancelled = logs.awaitData("t", 0, 1);
        assertEquals(2, logs.partition("t", 0).waiterCount());
        cancelled.cancel(false);
        assertEquals(1, logs.partition("t", 0).waiterCount(), "a cancelled poll is forgotten");
        assertFalse(poll.isDone());
        executor.release();
        get(poll);
        assertEquals(Errors.NONE, get(second).error());
        assertEquals(List.of("first", "second"), LogTesting.values(get(logs.read("t", 0, 0, 10_000, true)).records()));
        assertEquals(0, logs.partition("t", 0).waiterCount());
    }

    @Test
    void osFlushAcknowledgesOnceWrittenWithoutForcing() throws Exception {
        logs.createTopic("t", 1, Map.of(TopicConfig.FLUSH, "os"), false);
        CompletableFuture<Void> poll = logs.awaitData("t", 0, 9);
        for (int i = 0; i < 10; i++) {
            assertEquals(Errors.NONE, get(logs.append("t", 0, batch(i, "r" + i))).error());
        }
        get(poll);
        assertEquals(0, logs.forces());
        assertEquals(10, logs.state("t", 0).orElseThrow().highWatermark());
        assertTrue(logs.awaitData("t", 0, 9).isDone());
    }

    private void awaitLogEnd(long end) throws Exception {
        // The appends run on the partition's key, which is not held: a read queued behind them sees them all written.
        get(logs.read("t", 0, 0, 1, false));
        assertEquals(end, logs.state("t", 0).orElseThrow().logEndOffset());
    }
}
