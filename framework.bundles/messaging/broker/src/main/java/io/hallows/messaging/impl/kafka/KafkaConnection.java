package io.hallows.messaging.impl.kafka;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.vertx.core.Context;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetSocket;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.apache.kafka.common.errors.UnsupportedVersionException;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.ApiMessage;
import org.apache.kafka.common.protocol.ByteBufferAccessor;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.requests.AbstractRequest;
import org.apache.kafka.common.requests.RequestHeader;

/**
 * One client connection, confined to its event loop: cuts the bytes into frames, parses each
 * request and hands it to the {@link Apis}, and writes the answers strictly in request order,
 * although produce and fetch complete asynchronously (a client pipelines up to
 * {@code max.in.flight.requests.per.connection}). Each request takes a slot in a queue when it
 * arrives; a slot's answer is written once every slot before it has been. While too many
 * answers are pending or the client reads too slowly, the socket is paused.
 *
 * <p>No exception leaves it: a bad frame, an unknown API key, a version kafka-clients cannot
 * parse or a malformed body closes this connection with a WARN naming the peer; a handler's
 * failure becomes the API's error response.
 */
final class KafkaConnection {
    private static final int MAX_PENDING = 256;

    private final NetSocket socket;
    private final Context context;
    private final Thread loop;
    private final Broker broker;
    private final Apis apis;
    private final FrameDecoder decoder;
    private final String peer;
    private final BlockingLane lane;
    private final ArrayDeque<Slot> slots = new ArrayDeque<>();
    private boolean paused;
    private boolean closed;

    /** A request waiting for its answer: the work, then the answer's frame (null if it could not be written). */
    private static final class Slot {
        CompletableFuture<? extends ApiMessage> work;
        boolean ready;
        Buffer frame;
    }

    KafkaConnection(NetSocket socket, Context context, Broker broker, Apis apis) {
        this.socket = socket;
        this.context = context;
        this.loop = Thread.currentThread();
        this.broker = broker;
        this.apis = apis;
        this.decoder = new FrameDecoder(broker.settings.maxFrameBytes());
        this.peer = String.valueOf(socket.remoteAddress());
        this.lane = new BlockingLane(broker.vertx);
        socket.drainHandler(v -> resumeIfPossible());
    }

    String peer() {
        return peer;
    }

    /** Bytes from the client. */
    void received(Buffer chunk) {
        if (closed) {
            return;
        }
        try {
            decoder.feed(chunk, this::request);
        } catch (FrameDecoder.BadFrameException e) {
            refuse(e.getMessage());
            return;
        } catch (RuntimeException e) {
            broker.log.error("kafka: closing the connection from {} after an internal error: {}", peer, e.toString(), e);
            close();
            return;
        }
        if (!paused && !closed && slots.size() >= MAX_PENDING) {
            paused = true;
            socket.pause();
        }
    }

    /** Closes the socket; answers not yet written are dropped, work in progress is cancelled. */
    void close() {
        if (!closed) {
            closed();
            socket.close();
        }
    }

    /** Closes from another thread (the server stops): on the connection's own thread. */
    void closeFromOutside() {
        context.runOnContext(v -> close());
    }

    /** The socket closed (either side). */
    void closed() {
        if (closed) {
            return;
        }
        closed = true;
        for (Slot slot : slots) {
            slot.work.cancel(false);
        }
        slots.clear();
    }

    private boolean request(ByteBuffer frame) {
        if (frame.remaining() < 8) {
            return refuse("a frame of " + frame.remaining() + " bytes, shorter than a request header");
        }
        int at = frame.position();
        short key = frame.getShort(at);
        short version = frame.getShort(at + 2);
        int correlationId = frame.getInt(at + 4);
        if (key == ApiKeys.API_VERSIONS.id && !SupportedApis.supports(ApiKeys.API_VERSIONS, version)) {
            // As Kafka: a client newer than the broker learns the versions from a v0 answer.
            Slot slot = new Slot();
            slot.work = CompletableFuture.completedFuture(null);
            slot.frame = Responses.frame((short) 0, (short) 0, correlationId, SupportedApis.response(Errors.UNSUPPORTED_VERSION));
            slot.ready = true;
            slots.add(slot);
            writeReady();
            return !closed;
        }
        if (!ApiKeys.hasId(key)) {
            return refuse("unknown API key " + key + " (correlation id " + correlationId + ")");
        }
        ApiKeys api = ApiKeys.forId(key);
        if (!api.isVersionSupported(version)) {
            return refuse(api.name + " version " + version + ", which kafka-clients cannot read (it knows "
                    + api.oldestVersion() + " to " + api.latestVersion() + "; this broker " + SupportedApis.range(api) + ")");
        }
        RequestHeader header;
        AbstractRequest body;
        try {
            header = RequestHeader.parse(frame);
            body = AbstractRequest.parseRequest(api, version, new ByteBufferAccessor(frame)).request;
        } catch (RuntimeException e) {
            return refuse("a malformed " + api.name + " v" + version + " request: " + e.getMessage());
        }
        CompletableFuture<? extends ApiMessage> work;
        if (!SupportedApis.supports(api, version)) {
            try {
                work = CompletableFuture.completedFuture(body.getErrorResponse(0, new UnsupportedVersionException(
                        api.name + " version " + version + " is not supported: this broker handles " + SupportedApis.range(api))).data());
            } catch (RuntimeException e) {
                return refuse(api.name + " v" + version + ", which this broker does not handle and cannot answer: " + e);
            }
        } else {
            try {
                work = apis.handle(new Request(header, body, socket.remoteAddress().host(), lane));
            } catch (RuntimeException e) {
                work = CompletableFuture.failedFuture(e);
            }
            if (work == null) {
                return true; // a produce with acks=0: no answer
            }
        }
        Slot slot = new Slot();
        slot.work = work;
        slots.add(slot);
        work.whenComplete((message, failure) -> answered(slot, header, body, message, failure));
        return !closed;
    }

    private void answered(Slot slot, RequestHeader header, AbstractRequest body, ApiMessage message, Throwable failure) {
        Buffer frame = encode(header, body, message, failure);
        if (Thread.currentThread() == loop) {
            slot.frame = frame;
            slot.ready = true;
            writeReady();
        } else {
            context.runOnContext(v -> {
                slot.frame = frame;
                slot.ready = true;
                writeReady();
            });
        }
    }

    /** The answer's frame, or null if none can be written (the connection is then closed). */
    private Buffer encode(RequestHeader header, AbstractRequest body, ApiMessage message, Throwable failure) {
        ApiKeys api = header.apiKey();
        try {
            if (failure == null) {
                return Responses.frame(api, header.apiVersion(), header.correlationId(), message);
            }
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
            if (!(cause instanceof java.util.concurrent.CancellationException)) {
                broker.log.warn("kafka: {} v{} from {} failed: {}", api.name, header.apiVersion(), peer, cause.toString(), cause);
            }
            ApiMessage error = body.getErrorResponse(0, Errors.forException(cause).exception(cause.getMessage())).data();
            return Responses.frame(api, header.apiVersion(), header.correlationId(), error);
        } catch (RuntimeException e) {
            broker.log.warn("kafka: could not write the {} v{} answer to {}: {}", api.name, header.apiVersion(), peer, e.toString(), e);
            return null;
        }
    }

    private void writeReady() {
        if (closed) {
            return;
        }
        // Answers ready together (a group commit completes several appends) leave in one write.
        List<ByteBuf> ready = null;
        Buffer single = null;
        while (!slots.isEmpty() && slots.peek().ready) {
            Buffer frame = slots.poll().frame;
            if (frame == null) {
                close();
                return;
            }
            if (single == null) {
                single = frame;
            } else {
                if (ready == null) {
                    ready = new ArrayList<>();
                    ready.add(single.getByteBuf());
                }
                ready.add(frame.getByteBuf());
            }
        }
        if (ready != null) {
            socket.write(Buffer.buffer(Unpooled.wrappedBuffer(ready.toArray(ByteBuf[]::new))));
        } else if (single != null) {
            socket.write(single);
        }
        resumeIfPossible();
    }

    private void resumeIfPossible() {
        if (closed) {
            return;
        }
        if (socket.writeQueueFull()) {
            if (!paused) {
                paused = true;
                socket.pause();
            }
            return;
        }
        if (paused && slots.size() < MAX_PENDING / 2) {
            paused = false;
            socket.resume();
        }
    }

    /** Closes this connection (only) for a stream it cannot read, with a WARN naming the peer. */
    private boolean refuse(String reason) {
        broker.log.warn("kafka: closing the connection from {}: {}", peer, reason);
        close();
        return false;
    }
}
