package io.hallows.messaging.impl.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class BlockingLaneTest {
    @Test
    void workRunsOneAtATimeInSubmissionOrderAndAFailureDoesNotStopTheLane() throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            BlockingLane lane = new BlockingLane(vertx);
            List<String> order = Collections.synchronizedList(new ArrayList<>());
            CountDownLatch release = new CountDownLatch(1);
            CompletableFuture<String> first = lane.run(() -> {
                release.await();
                order.add("first");
                return "first";
            });
            CompletableFuture<String> failing = lane.run(() -> {
                throw new IllegalStateException("broken");
            });
            CompletableFuture<String> third = lane.run(() -> {
                order.add("third");
                return "third";
            });
            assertThrows(TimeoutException.class, () -> third.get(200, TimeUnit.MILLISECONDS), "waits behind the first");
            release.countDown();
            assertEquals("third", third.get(10, TimeUnit.SECONDS));
            assertEquals("first", first.get());
            ExecutionException failed = assertThrows(ExecutionException.class, failing::get);
            assertEquals("broken", failed.getCause().getMessage());
            assertEquals(List.of("first", "third"), order);
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }
}
