package io.hallows.basilisk.server;

import io.hallows.basilisk.api.Request;
import io.hallows.basilisk.api.Response;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.osgi.service.log.Logger;

/**
 * One open stream of a streaming route: runs the route on connect and again after each commit to
 * one of its tables, at most once per {@link #MIN_INTERVAL_NANOS} (changes meanwhile are
 * coalesced into the next run), and sends each answer through its {@link Sink}. A client that
 * does not keep up gets only the newest answer once it drains: memory stays bounded.
 */
final class Stream {
    /** One frame at 60 Hz. */
    static final long MIN_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(16);

    /** Where the answers go: an SSE response or a WebSocket, on the stream's event loop. */
    interface Sink {
        /** The first answer: its status decides whether the stream opens. */
        void first(Response r);

        void send(String payload);

        boolean full();

        void onDrain(Runnable r);

        void close();
    }

    private final BoundRoute bound;
    private final Request request;
    private final Sink sink;
    private final Context loop;
    private final Vertx vertx;
    private final Executor executor;
    private final Logger log;
    private final Consumer<Stream> onClose;
    private AutoCloseable watch;
    // Guarded by this: whether a run is scheduled or running, whether a change came meanwhile.
    private boolean scheduled;
    private boolean dirty;
    private long lastStart = System.nanoTime() - MIN_INTERVAL_NANOS;
    private volatile boolean closed;
    // Event loop only.
    private boolean opened;
    private String pending;

    Stream(BoundRoute bound, Request request, Sink sink, Context loop, Executor executor, Logger log, Consumer<Stream> onClose) {
        this.bound = bound;
        this.request = request;
        this.sink = sink;
        this.loop = loop;
        this.vertx = loop.owner();
        this.executor = executor;
        this.log = log;
        this.onClose = onClose;
    }

    BoundRoute bound() {
        return bound;
    }

    void start(TableWatch tables) {
        if (!bound.route().tables().isEmpty()) {
            watch = tables.watch(bound.route().tables(), changed -> changed());
        }
        changed();
    }

    /** A table it reads changed (or it just opened): run again, soon. Any thread; never blocks. */
    void changed() {
        long wait;
        synchronized (this) {
            if (closed) {
                return;
            }
            dirty = true;
            if (scheduled) {
                return;
            }
            scheduled = true;
            wait = lastStart + MIN_INTERVAL_NANOS - System.nanoTime();
        }
        runIn(wait);
    }

    private void runIn(long nanos) {
        long ms = TimeUnit.NANOSECONDS.toMillis(nanos + 999_999);
        if (ms <= 0) {
            submit();
        } else {
            vertx.setTimer(ms, id -> submit());
        }
    }

    private void submit() {
        try {
            executor.execute(this::evaluate);
        } catch (RejectedExecutionException e) {
            loop.runOnContext(v -> close());
        }
    }

    private void evaluate() {
        long start = System.nanoTime();
        synchronized (this) {
            dirty = false;
            lastStart = start;
        }
        if (!closed) {
            Response r = RouteHandler.run(bound, request, log);
            loop.runOnContext(v -> deliver(r));
        }
        long wait;
        synchronized (this) {
            if (!dirty || closed) {
                scheduled = false;
                return;
            }
            wait = start + MIN_INTERVAL_NANOS - System.nanoTime();
        }
        runIn(wait);
    }

    private void deliver(Response r) {
        if (closed) {
            return;
        }
        if (!opened) {
            opened = true;
            sink.first(r);
            if (r.status() / 100 != 2) {
                close();
                return;
            }
        } else if (r.status() / 100 != 2) {
            // Logged by the run when it was a failure; the client keeps the last good answer.
            return;
        }
        String payload = new String(r.body(), StandardCharsets.UTF_8);
        if (pending != null || sink.full()) {
            boolean waiting = pending != null;
            pending = payload; // the newest answer replaces one the client has not taken yet
            if (!waiting) {
                sink.onDrain(this::drained);
            }
            return;
        }
        sink.send(payload);
    }

    private void drained() {
        String p = pending;
        pending = null;
        if (p != null && !closed) {
            sink.send(p);
        }
    }

    /** {@link #close} on the stream's event loop, from any thread. */
    void closeOnLoop() {
        loop.runOnContext(v -> close());
    }

    /** Stops it: the client's connection closed, or the route is no longer served. Event loop. */
    void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        if (watch != null) {
            try {
                watch.close();
            } catch (Exception e) {
                log.debug("basilisk: closing the commit watch of {}: {}", bound.describe(), e.toString());
            }
        }
        sink.close();
        onClose.accept(this);
    }
}
