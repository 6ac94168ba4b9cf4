package io.hallows.messaging.impl.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallows.messaging.api.Message;
import io.hallows.messaging.api.StartAt;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChannelTest {
    @Test
    void nothingIsReadBeforeARequestAndLittleBeyondIt() throws Exception {
        try (Fixture f = new Fixture().topic("t", 1)) {
            f.fill("t", 0, 500);
            Probe<Message> probe = new Probe<>();
            f.messaging.subscribe("t", StartAt.EARLIEST).subscribe(probe);
            probe.subscription();
            f.executor.awaitQuiet();
            assertEquals(0, f.logs.reads(), "read before any request");
            for (int i = 1; i <= 25; i++) {
                long readBefore = f.logs.recordsRead();
                int readsBefore = f.logs.reads();
                probe.request(1);
                probe.await(i);
                f.executor.awaitQuiet();
                if (f.logs.reads() > readsBefore) {
                    assertEquals(i - 1, readBefore, "read again while " + (readBefore - i + 1) + " records read were not delivered");
                }
                // One chunk at most ahead of what was requested: a chunk holds about ten of these records.
                assertTrue(f.logs.recordsRead() <= i + 12, "read " + f.logs.recordsRead() + " records for " + i + " requested");
            }
            assertEquals(25, probe.received().size());
            assertTrue(f.logs.reads() <= 4, "25 records in " + f.logs.reads() + " reads");
            List<Long> offsets = probe.received().stream().map(Message::offset).toList();
            assertEquals(java.util.stream.LongStream.range(0, 25).boxed().toList(), offsets);
        }
    }

    @Test
    void aCaughtUpSubscriptionWaitsForDataAndGetsItWhenAppended() throws Exception {
        try (Fixture f = new Fixture().topic("t", 1)) {
            f.fill("t", 0, 3);
            Probe<Message> probe = new Probe<>();
            f.messaging.subscribe("t", StartAt.LATEST).subscribe(probe);
            probe.request(10);
            f.executor.awaitQuiet();
            assertEquals(1, f.logs.waiters(), "caught up: waiting on the log");
            f.fill("t", 0, 2);
            List<Message> got = probe.await(2);
            assertEquals(List.of(3L, 4L), got.stream().map(Message::offset).toList(), "LATEST starts after what was there");
        }
    }

    @Test
    void cancelStopsReadingAndForgetsTheWait() throws Exception {
        try (Fixture f = new Fixture().topic("t", 1)) {
            f.fill("t", 0, 2);
            Probe<Message> probe = new Probe<>();
            f.messaging.subscribe("t", StartAt.EARLIEST).subscribe(probe);
            probe.request(Long.MAX_VALUE);
            probe.await(2);
            f.executor.awaitQuiet();
            assertEquals(1, f.logs.waiters());
            probe.subscription().cancel();
            f.executor.awaitQuiet();
            assertEquals(0, f.logs.waiters(), "the wait is cancelled");
            int reads = f.logs.reads();
            f.fill("t", 0, 5);
            f.executor.awaitQuiet();
            assertEquals(reads, f.logs.reads(), "no read after cancel");
            assertEquals(2, probe.received().size());
        }
    }

    @Test
    void aNonPositiveRequestFailsTheSubscription() throws Exception {
        try (Fixture f = new Fixture().topic("t", 1)) {
            Probe<Message> probe = new Probe<>();
            f.messaging.subscribe("t", StartAt.EARLIEST).subscribe(probe);
            probe.request(0);
            Throwable error = probe.awaitError();
            assertInstanceOf(IllegalArgumentException.class, error);
            assertTrue(error.getMessage().contains("3.9"), error.getMessage());
        }
    }

    @Test
    void aTopicIsItsPartitionsMergedInOrderPerPartition() throws Exception {
        try (Fixture f = new Fixture().topic("t", 3)) {
            for (int i = 0; i < 60; i++) {
                f.publish("t", null, "key-" + (i % 7), Integer.toString(i));
            }
            Probe<Message> probe = new Probe<>();
            f.messaging.subscribe("t", StartAt.EARLIEST).subscribe(probe);
            probe.request(Long.MAX_VALUE);
            List<Message> got = probe.await(60);
            f.executor.awaitQuiet();
            assertEquals(60, got.size());
            for (int key = 0; key < 7; key++) {
                String k = "key-" + key;
                List<Integer> values = got.stream().filter(m -> Fixture.text(m.key()).equals(k)).map(m -> Integer.parseInt(Fixture.text(m.value()))).toList();
                List<Integer> sorted = new ArrayList<>(values);
                sorted.sort(null);
                assertEquals(sorted, values, "order of " + k);
            }
            assertEquals(3, got.stream().map(Message::partition).distinct().count());
        }
    }

    @Test
    void aPartitionFromAnOffsetSkipsWhatRetentionRemoved() throws Exception {
        try (Fixture f = new Fixture().topic("t", 2)) {
            f.fill("t", 1, 10);
            f.logs.truncateStart("t", 1, 4);
            Probe<Message> probe = new Probe<>();
            f.messaging.subscribe("t", 1, 2).subscribe(probe);
            probe.request(3);
            assertEquals(List.of(4L, 5L, 6L), probe.await(3).stream().map(Message::offset).toList());
            Probe<Message> later = new Probe<>();
            f.messaging.subscribe("t", 1, 8).subscribe(later);
            later.request(5);
            assertEquals(List.of(8L, 9L), later.await(2).stream().map(Message::offset).toList());
        }
    }

    @Test
    void aDeletedTopicEndsItsSubscriptions() throws Exception {
        try (Fixture f = new Fixture().topic("t", 1)) {
            Probe<Message> probe = new Probe<>();
            f.messaging.subscribe("t", StartAt.EARLIEST).subscribe(probe);
            probe.request(1);
            f.executor.awaitQuiet();
            f.messaging.delete("t");
            assertEquals("UNKNOWN_TOPIC_OR_PARTITION", ((io.hallows.messaging.api.MessagingException) probe.awaitError()).code());
            f.messaging.create("t", 1, Map.of());
        }
    }

    @Test
    void aBatchWhoseCodecIsMissingFailsTheSubscriptionClearly() throws Exception {
        try (Fixture f = new Fixture().topic("t", 1)) {
            f.fill("t", 0, 2);
            f.logs.append("t", 0, RecordCodecTest.markedZstd(RecordCodecTest.plain("z"))).join();
            Probe<Message> probe = new Probe<>();
            f.messaging.subscribe("t", StartAt.EARLIEST).subscribe(probe);
            probe.request(10);
            io.hallows.messaging.api.MessagingException error = (io.hallows.messaging.api.MessagingException) probe.awaitError();
            assertEquals("UNSUPPORTED_COMPRESSION_TYPE", error.code());
            assertTrue(error.getMessage().contains("t-0: the batch at offset 2 is compressed with zstd"), error.getMessage());
            assertEquals(List.of(0L, 1L), probe.received().stream().map(Message::offset).toList(), "what came before is delivered");
        }
    }
}
