package io.hallows.messaging.impl.channel;

import io.hallows.kernel.api.PartitionExecutor;
import io.vertx.core.Vertx;
import java.util.concurrent.atomic.AtomicLong;
import org.osgi.service.log.Logger;

/** What every channel and operator runs on: the log partition's executor, its Vert.x (timers) and the log. */
final class Channels {
    private final PartitionExecutor executor;
    private final Vertx vertx;
    private final Logger log;
    private final AtomicLong ids = new AtomicLong();

    Channels(PartitionExecutor executor, Vertx vertx, Logger log) {
        this.executor = executor;
        this.vertx = vertx;
        this.log = log;
    }

    /** A new serial context, with an ordering key of its own ({@code channel-<what>-<n>}). */
    Serial serial(String what) {
        return new Serial(executor, "channel-" + what + "-" + ids.incrementAndGet(), log);
    }

    Vertx vertx() {
        return vertx;
    }

    Logger log() {
        return log;
    }
}
