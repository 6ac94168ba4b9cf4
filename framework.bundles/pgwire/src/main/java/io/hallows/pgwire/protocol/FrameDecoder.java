package io.hallows.pgwire.protocol;

import java.util.function.Consumer;

/**
 * Cuts a client's byte stream into {@link Frame}s. Until the startup message, packets are
 * {@code int32 length, body} (the length counts itself; SSL and GSS encryption requests come
 * before it); from the next byte on, {@code byte type, int32 length, body}. A length below 4, or above the limit, is a {@link ProtocolException} ({@code
 * 08P01}, or {@code 54000} for too long) before any of the body is buffered.
 */
final class FrameDecoder {
    /** PostgreSQL's own limit for startup packets. */
    static final int MAX_STARTUP_BYTES = 10_000;

    private final int maxMessageBytes;
    private byte[] data = new byte[8192];
    private int start;
    private int end;
    private boolean typed;

    FrameDecoder(int maxMessageBytes) {
        this.maxMessageBytes = maxMessageBytes;
    }

    /** Bytes received but not yet part of a whole frame. */
    int buffered() {
        return end - start;
    }

    /** Appends {@code bytes} and hands each whole frame to {@code sink}, in order. */
    void feed(byte[] bytes, Consumer<Frame> sink) {
        append(bytes);
        while (true) {
            int header = typed ? 5 : 4;
            if (end - start < header) {
                break;
            }
            byte type = typed ? data[start] : Frame.UNTYPED;
            int length = intAt(start + header - 4);
            int limit = typed ? maxMessageBytes : MAX_STARTUP_BYTES;
            if (length < 4 || (!typed && length < 8)) {
                throw new ProtocolException("invalid message length " + length);
            }
            if (length > limit) {
                throw new ProtocolException("54000", "message of " + length + " bytes is longer than the limit of " + limit);
            }
            int total = header - 4 + length;
            if (end - start < total) {
                break;
            }
            byte[] body = java.util.Arrays.copyOfRange(data, start + header, start + total);
            start += total;
            if (!typed && !StartupCodes.isNegotiation(intAt(start - length + 4))) {
                // The startup message (not an SSL/GSS request) ends the untyped phase.
                typed = true;
            }
            sink.accept(new Frame(type, body));
        }
        if (start == end) {
            start = 0;
            end = 0;
        }
    }

    private void append(byte[] bytes) {
        if (end + bytes.length > data.length) {
            int used = end - start;
            byte[] target = used + bytes.length > data.length ? new byte[Math.max(data.length * 2, used + bytes.length)] : data;
            System.arraycopy(data, start, target, 0, used);
            data = target;
            start = 0;
            end = used;
        }
        System.arraycopy(bytes, 0, data, end, bytes.length);
        end += bytes.length;
    }

    private int intAt(int at) {
        return (data[at] & 0xFF) << 24 | (data[at + 1] & 0xFF) << 16 | (data[at + 2] & 0xFF) << 8 | data[at + 3] & 0xFF;
    }
}
