package io.hallows.messaging.impl.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallows.messaging.api.Message;
import io.hallows.messaging.api.MessagingException;
import io.hallows.messaging.api.StartAt;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class GroupSubscriptionTest {
    @Test
    void anOffsetIsCommittedOnlyOnceOnNextHasReturned() throws Exception {
        try (Fixture f = new Fixture().topic("t", 1)) {
            f.fill("t", 0, 3);
            List<OptionalLong> seenDuringOnNext = new CopyOnWriteArrayList<>();
            Probe<Message> probe = new Probe<Message>().onEach(m -> seenDuringOnNext.add(f.groups.committed("g", "t", 0)));
            f.messaging.subscribe("t", "g", StartAt.EARLIEST).subscribe(probe);
            probe.request(3);
            probe.await(3);
            f.executor.awaitQuiet();
            assertEquals(List.of(OptionalLong.empty(), OptionalLong.of(1), OptionalLong.of(2)), seenDuringOnNext);
            assertEquals(List.of("g/t-0@1", "g/t-0@2", "g/t-0@3"), f.groups.commits());
        }
    }

    @Test
    void aGroupStartsWhereItCommittedElseAtItsStart() throws Exception {
        try (Fixture f = new Fixture().topic("t", 2)) {
            f.fill("t", 0, 6);
            f.fill("t", 1, 6);
            f.groups.setCommitted("g", "t", 0, 4);
            Probe<Message> probe = new Probe<>();
            f.messaging.subscribe("t", "g", StartAt.LATEST).subscribe(probe);
            probe.request(10);
            f.fill("t", 1, 1);
            List<Message> got = probe.await(3);
            f.executor.awaitQuiet();
            assertEquals(List.of("t-0@4", "t-0@5", "t-1@6"), got.stream().map(m -> m.topic() + "-" + m.partition() + "@" + m.offset()).sorted().toList());
        }
    }

    @Test
    void aRefusedCommitFailsTheSubscriptionWithKafkasError() throws Exception {
        try (Fixture f = new Fixture().topic("t", 1)) {
            f.fill("t", 0, 5);
            f.groups.refuseCommits();
            Probe<Message> probe = new Probe<>();
            f.messaging.subscribe("t", "g", StartAt.EARLIEST).subscribe(probe);
            probe.request(5);
            MessagingException error = (MessagingException) probe.awaitError();
            assertEquals("REBALANCE_IN_PROGRESS", error.code());
            assertTrue(error.getMessage().contains("group 'g'"), error.getMessage());
            f.executor.awaitQuiet();
            assertEquals(1, probe.received().size(), "stops at the first refused commit");
        }
    }

    @Test
    void aSubscriberThatThrowsIsCancelledWithoutCommitting() throws Exception {
        try (Fixture f = new Fixture().topic("t", 1)) {
            f.fill("t", 0, 5);
            Probe<Message> probe = new Probe<Message>().onEach(m -> {
                if (m.offset() == 1) {
                    throw new IllegalStateException("subscriber bug");
                }
            });
            f.messaging.subscribe("t", "g", StartAt.EARLIEST).subscribe(probe);
            probe.request(5);
            probe.await(2);
            f.executor.awaitQuiet();
            assertEquals(2, probe.received().size());
            assertEquals(List.of("g/t-0@1"), f.groups.commits());
            assertEquals(1, f.log.problems().size(), "logged once: " + f.log.problems());
        }
    }
}
