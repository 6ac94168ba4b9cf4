package io.hallows.pgwire.protocol;

import io.hallows.sql.api.SqlException;
import io.vertx.core.buffer.Buffer;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.BiConsumer;

/**
 * One client connection: cuts the bytes into messages, queues them and handles them strictly in
 * order, one at a time, waiting for the engine's future before the next (a client may pipeline
 * Parse/Bind/Execute/Sync). While the queue is long the socket is paused; while the client reads
 * slowly, handling waits for the write queue to drain. Replies collect in one buffer that is
 * flushed whenever the connection is about to wait for the client.
 *
 * <p>Confined to the wire's thread: {@link #received} and {@link #closed} are called there, and
 * engine futures hop back to it. No exception leaves it: a protocol violation is a FATAL
 * ErrorResponse and a close; anything unexpected is logged and ends the connection the same way.
 */
public final class PgConnection {
    private static final int MAX_QUEUED_FRAMES = 256;
    private static final int FLUSH_BYTES = 64 * 1024;

    private final Wire wire;
    private final Backend backend;
    private final FrameDecoder decoder;
    private final BackendWriter out = new BackendWriter();
    private final ArrayDeque<Object> queue = new ArrayDeque<>();
    private final StartupPhase startup;
    private SessionPhase session;
    private long queuedBytes;
    private boolean busy;
    private boolean draining;
    private boolean paused;
    private boolean waitingForDrain;
    private boolean closed;
    /** The stream broke (a bad length): bytes after it mean nothing. */
    private boolean unreadable;

    /** @param overLimit true when the server has too many connections: the client is told so at startup */
    public PgConnection(Wire wire, Backend backend, boolean overLimit) {
        this.wire = wire;
        this.backend = backend;
        this.decoder = new FrameDecoder(backend.maxMessageBytes());
        this.startup = new StartupPhase(this, backend, overLimit);
    }

    /** Bytes from the client. */
    public void received(Buffer data) {
        if (closed || unreadable) {
            return;
        }
        try {
            decoder.feed(data.getBytes(), frame -> {
                queue.add(frame);
                queuedBytes += frame.body().length;
            });
        } catch (RuntimeException e) {
            if (!(e instanceof ProtocolException)) {
                backend.log().error("pgwire: decoding failed: {}", e.toString(), e);
                e = new ProtocolException("XX000", "internal error while reading a message");
            }
            // Whatever came before the bad bytes is handled first; nothing after them is read.
            unreadable = true;
            queue.add(e);
            wire.pause();
            paused = true;
        }
        if (!paused && (queue.size() > MAX_QUEUED_FRAMES || queuedBytes > backend.maxMessageBytes())) {
            wire.pause();
            paused = true;
        }
        drain();
    }

    /** The client went away (or the wire closed): the session is released once no statement runs. */
    public void closed() {
        if (closed) {
            return;
        }
        closed = true;
        queue.clear();
        if (session != null) {
            guarded(busy ? session::cancelRunning : session::release);
        }
    }

    /** True once closed. */
    public boolean isClosed() {
        return closed;
    }

    /** True once the client is authenticated and its session open. */
    public boolean isEstablished() {
        return session != null;
    }

    /** True while the connection waits for the engine (not for the client). */
    public boolean isBusy() {
        return busy;
    }

    BackendWriter out() {
        return out;
    }

    Wire wire() {
        return wire;
    }

    /** No message is queued or buffered behind the one being handled. */
    boolean nothingMoreReceived() {
        return queue.isEmpty() && decoder.buffered() == 0;
    }

    void established(SessionPhase phase) {
        session = phase;
    }

    /** Sends what has been written so far. */
    void flush() {
        if (out.size() > 0 && !closed) {
            wire.write(out.take());
        }
    }

    /** Ends the connection with a FATAL ErrorResponse. */
    void fatal(SqlException error) {
        if (closed) {
            return;
        }
        out.error(error, true);
        flush();
        close();
    }

    /** Ends the connection (after what was written has been sent). */
    void close() {
        if (closed) {
            return;
        }
        flush();
        wire.close();
        closed();
    }

    /**
     * Continues with {@code then} (on this connection's thread) once {@code future} completes;
     * no other message is handled meanwhile. {@code then} gets the failure unwrapped.
     */
    <T> void await(CompletionStage<T> stage, BiConsumer<T, Throwable> then) {
        CompletableFuture<T> future = stage.toCompletableFuture();
        if (future.isDone()) {
            complete(future, then);
            return;
        }
        busy = true;
        future.whenComplete((value, failure) -> wire.thread().execute(() -> {
            busy = false;
            if (closed) {
                if (session != null) {
                    guarded(session::release);
                }
                return;
            }
            guarded(() -> complete(future, then));
            drain();
        }));
    }

    private static <T> void complete(CompletableFuture<T> future, BiConsumer<T, Throwable> then) {
        T value;
        try {
            value = future.join();
        } catch (CompletionException | java.util.concurrent.CancellationException e) {
            then.accept(null, e instanceof CompletionException && e.getCause() != null ? e.getCause() : e);
            return;
        }
        then.accept(value, null);
    }

    private void drain() {
        if (draining) {
            return;
        }
        draining = true;
        try {
            while (!busy && !closed) {
                if (wire.writeQueueFull()) {
                    flush();
                    if (!waitingForDrain) {
                        waitingForDrain = true;
                        wire.whenDrained(() -> {
                            waitingForDrain = false;
                            drain();
                        });
                    }
                    return;
                }
                Object next = queue.poll();
                if (next == null) {
                    break;
                }
                if (next instanceof ProtocolException e) {
                    fatal(new SqlException(e.sqlState(), e.getMessage()));
                    return;
                }
                Frame frame = (Frame) next;
                queuedBytes -= frame.body().length;
                guarded(() -> dispatch(frame));
                if (out.size() >= FLUSH_BYTES) {
                    flush();
                }
            }
            if (!busy && !closed && queue.isEmpty()) {
                flush();
            }
            if (paused && !closed && queue.size() <= MAX_QUEUED_FRAMES / 2 && queuedBytes <= backend.maxMessageBytes() / 2) {
                paused = false;
                wire.resume();
            }
        } finally {
            draining = false;
        }
    }

    private void dispatch(Frame frame) {
        if (session == null) {
            startup.handle(frame);
        } else {
            session.handle(frame);
        }
    }

    /** Runs {@code step}; a protocol violation or a bug ends the connection instead of escaping. */
    private void guarded(Runnable step) {
        try {
            step.run();
        } catch (ProtocolException e) {
            fatal(new SqlException(e.sqlState(), e.getMessage()));
        } catch (RuntimeException e) {
            backend.log().error("pgwire: connection closed after an internal error: {}", e.toString(), e);
            fatal(new SqlException("XX000", "internal error: " + e.getClass().getSimpleName()));
        }
    }
}
