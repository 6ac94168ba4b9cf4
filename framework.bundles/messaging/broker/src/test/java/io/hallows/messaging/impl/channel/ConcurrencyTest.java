package io.hallows.messaging.impl.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hallows.messaging.api.Message;
import io.hallows.messaging.api.Published;
import io.hallows.messaging.api.StartAt;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ConcurrencyTest {
    @Test
    void publishersRacingASubscriberThatRequestsInSmallStepsLoseAndRepeatNothing() throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        try (Fixture f = new Fixture().topic("t", 3)) {
            int total = 3000;
            Probe<Message> probe = new Probe<>();
            probe.onEach(m -> {
                if (random.nextInt(4) == 0) {
                    try {
                        probe.request(1 + random.nextInt(3)); // re-entrant requests from onNext, in small steps
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            });
            f.messaging.subscribe("t", StartAt.EARLIEST).subscribe(probe);
            probe.request(5);
            List<CompletableFuture<Void>> publishers = new ArrayList<>();
            for (int p = 0; p < 4; p++) {
                int publisher = p;
                publishers.add(CompletableFuture.runAsync(() -> {
                    for (int i = 0; i < total / 4; i++) {
                        f.messaging.publish("t", Fixture.bytes("p" + publisher + "-" + (i % 5)), Fixture.bytes(Integer.toString(i))).join();
                    }
                }));
            }
            CompletableFuture.allOf(publishers.toArray(CompletableFuture[]::new)).get(20, TimeUnit.SECONDS);
            while (probe.received().size() < total) {
                int before = probe.received().size();
                probe.request(7);
                probe.await(Math.min(total, before + 1));
            }
            f.executor.awaitQuiet();
            List<Message> got = probe.received();
            assertEquals(total, got.size(), "seed " + seed);
            Map<Integer, List<Long>> offsets = got.stream().collect(Collectors.groupingBy(Message::partition,
                    Collectors.mapping(Message::offset, Collectors.toList())));
            offsets.forEach((partition, list) -> {
                for (int i = 0; i < list.size(); i++) {
                    assertEquals(i, list.get(i), "partition " + partition + " in order, no gap or repeat (seed " + seed + ")");
                }
            });
        }
    }

    @Test
    void publishedOffsetsOfOnePartitionFollowTheCallsOfOneThread() throws Exception {
        try (Fixture f = new Fixture().topic("t", 1)) {
            List<CompletableFuture<Published>> futures = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                futures.add(f.messaging.publish("t", null, Fixture.bytes(Integer.toString(i))));
            }
            for (int i = 0; i < futures.size(); i++) {
                assertEquals(i, futures.get(i).get(5, TimeUnit.SECONDS).offset());
            }
        }
    }
}
