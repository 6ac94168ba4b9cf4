package io.hallows.messaging.impl.log;

import static io.hallows.messaging.impl.log.LogTesting.get;
import static io.hallows.messaging.impl.log.LogTesting.idempotent;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.record.internal.MemoryRecords;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdempotenceTest {
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

    @Test
    void duplicatesAnswerWithTheFirstOffsetsAndGapsFail() throws Exception {
        try (LogManager logs = open()) {
            logs.createTopic("t", 1, Map.of(), false);
            assertEquals(0, append(logs, idempotent(7, (short) 0, 0, "a", "b")).baseOffset());
            assertEquals(2, append(logs, idempotent(7, (short) 0, 2, "c")).baseOffset());
            assertEquals(3, append(logs, idempotent(8, (short) 3, 40, "other producer, any first sequence")).baseOffset());

            AppendResult retry = append(logs, idempotent(7, (short) 0, 0, "a", "b"));
            assertEquals(Errors.NONE, retry.error());
            assertEquals(0, retry.baseOffset(), "a retried batch gets its first offset");
            assertEquals(4, logs.state("t", 0).orElseThrow().logEndOffset(), "and is not appended again");

            assertEquals(Errors.OUT_OF_ORDER_SEQUENCE_NUMBER, append(logs, idempotent(7, (short) 0, 5, "gap")).error());
            assertEquals(Errors.OUT_OF_ORDER_SEQUENCE_NUMBER, append(logs, idempotent(7, (short) 1, 3, "new epoch not at 0")).error());
            assertEquals(4, append(logs, idempotent(7, (short) 1, 0, "new epoch")).baseOffset());
            assertEquals(Errors.INVALID_PRODUCER_EPOCH, append(logs, idempotent(7, (short) 0, 3, "fenced")).error());
            assertEquals(5, logs.state("t", 0).orElseThrow().logEndOffset());
        }
    }

    @Test
    void aRequestWithNewBatchesBeforeADuplicateIsRefusedNotHalfAcknowledged() throws Exception {
        try (LogManager logs = open()) {
            logs.createTopic("t", 1, Map.of(), false);
            append(logs, idempotent(7, (short) 0, 0, "a"));
            MemoryRecords fresh = idempotent(9, (short) 0, 0, "new");
            MemoryRecords again = idempotent(7, (short) 0, 0, "a");
            java.nio.ByteBuffer both = java.nio.ByteBuffer.allocate(fresh.sizeInBytes() + again.sizeInBytes());
            both.put(fresh.buffer().duplicate()).put(again.buffer().duplicate()).flip();
            assertEquals(Errors.INVALID_RECORD, append(logs, MemoryRecords.readableRecords(both)).error());
            assertEquals(1, logs.state("t", 0).orElseThrow().logEndOffset(), "nothing of the request was appended");
        }
    }

    @Test
    void onlyTheLastFiveBatchesAreRemembered() throws Exception {
        try (LogManager logs = open()) {
            logs.createTopic("t", 1, Map.of(), false);
            for (int seq = 0; seq < 6; seq++) {
                append(logs, idempotent(7, (short) 0, seq, "r" + seq));
            }
            assertEquals(1, append(logs, idempotent(7, (short) 0, 1, "r1")).baseOffset());
            assertEquals(Errors.OUT_OF_ORDER_SEQUENCE_NUMBER, append(logs, idempotent(7, (short) 0, 0, "r0")).error());
        }
    }

    /** After a restart the producers' state is read back from the batch headers: a retry is still a duplicate. */
    @Test
    void producerStateIsRebuiltAtOpen() throws Exception {
        try (LogManager logs = open()) {
            logs.createTopic("t", 1, Map.of(TopicConfig.SEGMENT_BYTES, "1024"), false);
            for (int seq = 0; seq < 40; seq++) {
                append(logs, idempotent(7, (short) 2, seq, "record number " + seq));
            }
            assertEquals(true, logs.state("t", 0).orElseThrow().segments() > 1);
        }
        try (LogManager logs = open()) {
            AppendResult retry = append(logs, idempotent(7, (short) 2, 39, "record number 39"));
            assertEquals(Errors.NONE, retry.error());
            assertEquals(39, retry.baseOffset());
            assertEquals(40, logs.state("t", 0).orElseThrow().logEndOffset());
            assertEquals(Errors.OUT_OF_ORDER_SEQUENCE_NUMBER, append(logs, idempotent(7, (short) 2, 41, "gap")).error());
            assertEquals(Errors.INVALID_PRODUCER_EPOCH, append(logs, idempotent(7, (short) 1, 0, "old")).error());
            assertEquals(40, append(logs, idempotent(7, (short) 2, 40, "next")).baseOffset());
            assertEquals(List.of("next"), LogTesting.values(get(logs.read("t", 0, 40, 1000, true)).records()));
        }
    }

    private static AppendResult append(LogManager logs, org.apache.kafka.common.record.internal.MemoryRecords records) throws Exception {
        return get(logs.append("t", 0, records));
    }
}
