package io.hallows.messaging.impl.kafka;

import io.netty.buffer.ByteBuf;
import io.vertx.core.buffer.Buffer;
import java.nio.ByteBuffer;

/**
 * Cuts a client's byte stream into Kafka's size-prefixed frames ({@code int32 size, size bytes}).
 * A frame that arrives whole in one chunk is handed on as a view of that chunk's array (Vert.x
 * gives every read its own heap buffer, never reused), so a produce request's record batches stay
 * slices of the bytes read from the socket; a frame split across reads is gathered into one array,
 * grown as its bytes arrive (not allocated at its declared size up front: a size prefix alone must
 * not make the broker reserve {@code maxFrameBytes}). A size below zero or above the limit is
 * refused before anything is buffered.
 */
final class FrameDecoder {
    /** Receives each whole frame; returns false to stop decoding (the connection is closing). */
    interface Sink {
        boolean frame(ByteBuffer frame);
    }

    /** A size prefix that cannot be honoured: the stream is unreadable from here on. */
    static final class BadFrameException extends Exception {
        private static final long serialVersionUID = 1L;

        BadFrameException(String message) {
            super(message);
        }
    }

    private static final int FIRST_ALLOCATION = 64 * 1024;

    private final int maxFrameBytes;
    private int size;
    /** The declared length of the frame being gathered into {@link #partial}. */
    private int length;
    private int sizeBytes;
    private byte[] partial;
    private int filled;

    FrameDecoder(int maxFrameBytes) {
        this.maxFrameBytes = maxFrameBytes;
    }

    /** Decodes {@code chunk}, handing each whole frame to {@code sink} in order. */
    void feed(Buffer chunk, Sink sink) throws BadFrameException {
        ByteBuf in = chunk.getByteBuf();
        while (in.isReadable()) {
            if (partial != null) {
                int n = Math.min(in.readableBytes(), length - filled);
                if (filled + n > partial.length) {
                    partial = java.util.Arrays.copyOf(partial, (int) Math.min(length, Math.max(2L * partial.length, filled + n)));
                }
                in.readBytes(partial, filled, n);
                filled += n;
                if (filled < length) {
                    return;
                }
                ByteBuffer frame = ByteBuffer.wrap(partial);
                partial = null;
                if (!sink.frame(frame)) {
                    return;
                }
                continue;
            }
            while (sizeBytes < 4 && in.isReadable()) {
                size = size << 8 | in.readByte() & 0xFF;
                sizeBytes++;
            }
            if (sizeBytes < 4) {
                return;
            }
            length = size;
            size = 0;
            sizeBytes = 0;
            if (length < 0 || length > maxFrameBytes) {
                throw new BadFrameException("a frame of " + length + " bytes (the limit is " + maxFrameBytes + ")");
            }
            if (in.readableBytes() >= length && in.hasArray()) {
                ByteBuffer frame = ByteBuffer.wrap(in.array(), in.arrayOffset() + in.readerIndex(), length).slice();
                in.skipBytes(length);
                if (!sink.frame(frame)) {
                    return;
                }
            } else {
                partial = new byte[Math.min(length, FIRST_ALLOCATION)];
                filled = 0;
                if (length == 0) {
                    // An empty frame is whole at once (and malformed: the sink says so).
                    partial = null;
                    if (!sink.frame(ByteBuffer.allocate(0))) {
                        return;
                    }
                }
            }
        }
    }
}
