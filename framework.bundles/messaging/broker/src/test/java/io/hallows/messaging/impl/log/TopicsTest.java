package io.hallows.messaging.impl.log;

import static io.hallows.messaging.impl.log.LogTesting.batch;
import static io.hallows.messaging.impl.log.LogTesting.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.protocol.Errors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TopicsTest {
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
    void topicNamesFollowKafkasRules() throws Exception {
        try (LogManager logs = open()) {
            assertInvalid(logs, "", "empty");
            assertInvalid(logs, ".", "not allowed");
            assertInvalid(logs, "..", "not allowed");
            assertInvalid(logs, "a".repeat(250), "249");
            assertInvalid(logs, "a/b", "ASCII alphanumerics");
            assertInvalid(logs, "caf\u00e9", "ASCII alphanumerics");
            logs.createTopic("a.b_c-D9", 1, Map.of(), false);
            LogException collision = assertThrows(LogException.class, () -> logs.createTopic("a_b_c-D9", 1, Map.of(), false));
            assertEquals(Errors.INVALID_TOPIC_EXCEPTION, collision.error());
            assertEquals(Errors.TOPIC_ALREADY_EXISTS,
                    assertThrows(LogException.class, () -> logs.createTopic("a.b_c-D9", 1, Map.of(), false)).error());
            assertEquals(Errors.INVALID_PARTITIONS, assertThrows(LogException.class, () -> logs.createTopic("p", 0, Map.of(), false)).error());
            assertEquals(Errors.INVALID_PARTITIONS, assertThrows(LogException.class,
                    () -> logs.createTopic("p", Integer.MAX_VALUE, Map.of(), false)).error(), "a hostile count exhausts nothing");
            assertEquals(Errors.INVALID_CONFIG,
                    assertThrows(LogException.class, () -> logs.createTopic("p", 1, Map.of("flush", "sometimes"), false)).error());
            logs.createTopic("a".repeat(249), 1, Map.of(), false);
        }
    }

    private static void assertInvalid(LogManager logs, String name, String reason) {
        LogException e = assertThrows(LogException.class, () -> logs.createTopic(name, 1, Map.of(), false));
        assertEquals(Errors.INVALID_TOPIC_EXCEPTION, e.error());
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }

    @Test
    void topicsSurviveARestartWithTheirIdAndSettings() throws Exception {
        TopicInfo created;
        try (LogManager logs = open()) {
            TopicInfo checked = logs.createTopic("events", 3, Map.of(TopicConfig.RETENTION_MS, "60000"), true);
            assertEquals(3, checked.partitions());
            assertTrue(logs.topics().isEmpty(), "validateOnly creates nothing");
            assertFalse(Files.exists(dir.resolve("events-0")));
            created = logs.createTopic("events", 3, Map.of(TopicConfig.RETENTION_MS, "60000", TopicConfig.FLUSH, "os"), false);
            logs.createTopic("alpha", 1, Map.of(), false);
            get(logs.append("events", 2, batch(1, "a", "b")));
        }
        try (LogManager logs = open()) {
            assertEquals(2, logs.topics().size());
            assertEquals("alpha", logs.topics().get(0).name());
            TopicInfo reopened = logs.topic("events").orElseThrow();
            assertEquals(created, reopened);
            assertEquals(60000, reopened.config().retentionMs());
            assertEquals(Flush.OS, reopened.config().flush());
            assertEquals(2, logs.state("events", 2).orElseThrow().highWatermark());
        }
    }

    @Test
    void deletionRemovesTheFilesAndFailsWaitingCalls() throws Exception {
        try (LogManager logs = open()) {
            logs.createTopic("gone", 2, Map.of(), false);
            get(logs.append("gone", 0, batch(1, "a")));
            CompletableFuture<Void> waiting = logs.awaitData("gone", 0, 5);
            assertFalse(waiting.isDone());
            logs.deleteTopic("gone");
            get(waiting);
            assertTrue(logs.topic("gone").isEmpty());
            assertEquals(Errors.UNKNOWN_TOPIC_OR_PARTITION, get(logs.append("gone", 0, batch(1, "b"))).error());
            assertEquals(Errors.UNKNOWN_TOPIC_OR_PARTITION, assertThrows(LogException.class, () -> logs.deleteTopic("gone")).error());
            logs.createTopic("gone", 1, Map.of(), false);
            assertEquals(0, logs.state("gone", 0).orElseThrow().logEndOffset(), "a topic created again starts empty");
        }
        try (LogManager logs = open()) {
            assertEquals(0, logs.state("gone", 0).orElseThrow().logEndOffset());
        }
        assertEquals(Set.of("gone-0", "X.topic"), names(dir));
    }

    /** A crash between the folders and the metadata file (creation), or between the metadata and the folders (deletion). */
    @Test
    void leftoversOfAnInterruptedCreationOrDeletionAreRemovedAtOpen() throws Exception {
        try (LogManager logs = open()) {
            logs.createTopic("kept", 1, Map.of(), false);
        }
        Files.createDirectories(dir.resolve("half-0"));
        Files.writeString(dir.resolve("half-0").resolve("00000000000000000000.log"), "x");
        Files.createDirectories(dir.resolve("kept-7"));
        Files.createDirectories(dir.resolve("old-0.abc-delete"));
        Files.writeString(dir.resolve("AAAAAAAAAAAAAAAAAAAAAA.topic.tmp"), "name=half");
        Files.createDirectories(dir.resolve("notes-2026"));
        Files.writeString(dir.resolve("notes-2026").resolve("readme.txt"), "not a partition");
        try (LogManager logs = open()) {
            assertEquals(1, logs.topics().size());
        }
        assertEquals(Set.of("kept-0", "X.topic", "notes-2026"), names(dir), "a folder holding other files is left alone");
        assertTrue(log.has("warn", "half-0"), log.lines.toString());
    }

    @Test
    void producerIdsAreNeverHandedOutTwice() throws Exception {
        Set<Long> seen = new HashSet<>();
        for (int run = 0; run < 3; run++) {
            try (LogManager logs = open()) {
                for (int i = 0; i < 10; i++) {
                    assertTrue(seen.add(logs.nextProducerId()));
                }
            }
        }
    }

    private static Set<String> names(Path dir) throws Exception {
        try (var files = Files.list(dir)) {
            Set<String> names = new HashSet<>();
            // Metadata files are named by the topic's random id: X stands for it.
            files.forEach(file -> names.add(file.getFileName().toString().replaceAll("^[A-Za-z0-9_-]{22}\\.topic$", "X.topic")));
            names.remove("producer-ids");
            return names;
        }
    }
}
