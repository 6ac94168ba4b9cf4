package io.hallows.messaging.impl.log;

import static io.hallows.messaging.impl.log.LogTesting.batch;
import static io.hallows.messaging.impl.log.LogTesting.get;
import static io.hallows.messaging.impl.log.LogTesting.idempotent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.common.protocol.Errors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConcurrencyTest {
    @TempDir
    Path dir;
    private final KeyedTestExecutor executor = new KeyedTestExecutor();
    private final LogTesting.RecordingLogger log = new LogTesting.RecordingLogger();

    @AfterEach
    void close() throws Exception {
        executor.close();
    }

    /** Four threads append to three partitions at once: each partition's offsets are unique, contiguous, and all readable. */
    @Test
    void concurrentAppendsGetContiguousOffsets() throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(4);
        try (LogManager logs = LogManager.open(dir, TopicConfig.DEFAULTS, executor, log.logger)) {
            logs.createTopic("t", 3, Map.of(TopicConfig.SEGMENT_BYTES, "4096"), false);
            List<Future<List<AppendResult>>> work = new ArrayList<>();
            for (int thread = 0; thread < 4; thread++) {
                int caller = thread;
                work.add(callers.submit(() -> {
                    List<CompletableFuture<AppendResult>> appends = new ArrayList<>();
                    for (int i = 0; i < 300; i++) {
                        appends.add(logs.append("t", i % 3, batch(i, "c" + caller + "-" + i, "second")));
                    }
                    List<AppendResult> results = new ArrayList<>();
                    for (CompletableFuture<AppendResult> append : appends) {
                        results.add(get(append));
                    }
                    return results;
                }));
            }
            List<Set<Long>> bases = List.of(new HashSet<>(), new HashSet<>(), new HashSet<>());
            for (Future<List<AppendResult>> each : work) {
                List<AppendResult> results = each.get();
                for (int i = 0; i < results.size(); i++) {
                    assertEquals(Errors.NONE, results.get(i).error());
                    assertTrue(bases.get(i % 3).add(results.get(i).baseOffset()), "offset given twice");
                }
            }
            for (int p = 0; p < 3; p++) {
                assertEquals(400, bases.get(p).size());
                for (long offset = 0; offset < 800; offset += 2) {
                    assertTrue(bases.get(p).contains(offset), "offset " + offset + " of partition " + p);
                }
                PartitionState state = logs.state("t", p).orElseThrow();
                assertEquals(800, state.highWatermark());
                assertTrue(logs.forces() < 1200, "forces " + logs.forces() + " for 1200 appends");
            }
        } finally {
            callers.shutdown();
        }
    }

    /** A log abandoned without close (as by kill -9 of the process) is opened again with everything written. */
    @Test
    void aLogLeftWithoutClosingOpensWithEverythingWritten() throws Exception {
        LogManager abandoned = LogManager.open(dir, TopicConfig.DEFAULTS, executor, log.logger);
        abandoned.createTopic("t", 1, Map.of(TopicConfig.SEGMENT_BYTES, "1024"), false);
        for (int seq = 0; seq < 30; seq++) {
            assertEquals(Errors.NONE, get(abandoned.append("t", 0, idempotent(5, (short) 0, seq, "value " + seq))).error());
        }
        try (LogManager logs = LogManager.open(dir, TopicConfig.DEFAULTS, executor, log.logger)) {
            assertEquals(30, logs.state("t", 0).orElseThrow().highWatermark());
            assertEquals(29, get(logs.append("t", 0, idempotent(5, (short) 0, 29, "value 29"))).baseOffset(), "the retry is a duplicate");
            assertEquals(30, get(logs.append("t", 0, idempotent(5, (short) 0, 30, "value 30"))).baseOffset());
            assertEquals(List.of("value 17"), LogTesting.values(get(logs.read("t", 0, 17, 10, true)).records()));
            assertEquals(new OffsetLookup(Errors.NONE, 0, 1000), get(logs.listOffset("t", 0, 999)));
        }
    }
}
