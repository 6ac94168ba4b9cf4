package io.hallows.messaging.impl.kafka;

import io.vertx.core.Vertx;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

/**
 * One connection's work that must not hold an event loop (topic creation, producer ids, the
 * coordinator's calls, which may write files), run on Vert.x worker threads one at a time in the
 * order the requests arrived: two pipelined offset commits apply in the order sent, and a slow
 * commit of one connection never delays another connection's heartbeat. Used from the
 * connection's event loop only.
 */
final class BlockingLane {
    private final Vertx vertx;
    private CompletableFuture<?> tail = CompletableFuture.completedFuture(null);

    BlockingLane(Vertx vertx) {
        this.vertx = vertx;
    }

    <T> CompletableFuture<T> run(Callable<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        CompletableFuture<?> previous = tail;
        tail = result;
        previous.whenComplete((ignored, failure) -> vertx.executeBlocking(work, false).onComplete(done -> {
            if (done.succeeded()) {
                result.complete(done.result());
            } else {
                result.completeExceptionally(done.cause());
            }
        }));
        return result;
    }
}
