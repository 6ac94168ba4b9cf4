package io.hallows.pgwire.protocol;

import java.nio.charset.StandardCharsets;

/**
 * Reads the fields of one message body in order; every read checks the bounds, so a message
 * shorter than its fields say is a {@link ProtocolException}, never an index error.
 */
final class PayloadReader {
    private final byte[] body;
    private int position;

    PayloadReader(byte[] body) {
        this.body = body;
    }

    int int8() {
        need(1);
        return body[position++];
    }

    int int16() {
        need(2);
        int value = (short) ((body[position] & 0xFF) << 8 | body[position + 1] & 0xFF);
        position += 2;
        return value;
    }

    int int32() {
        need(4);
        int value = (body[position] & 0xFF) << 24 | (body[position + 1] & 0xFF) << 16 | (body[position + 2] & 0xFF) << 8
                | body[position + 3] & 0xFF;
        position += 4;
        return value;
    }

    /** A NUL-terminated UTF-8 string. */
    String cstring() {
        int end = position;
        while (end < body.length && body[end] != 0) {
            end++;
        }
        if (end == body.length) {
            throw new ProtocolException("invalid string in message: no terminating NUL");
        }
        String value = new String(body, position, end - position, StandardCharsets.UTF_8);
        position = end + 1;
        return value;
    }

    byte[] bytes(int length) {
        if (length < 0) {
            throw new ProtocolException("invalid length " + length + " in message");
        }
        need(length);
        byte[] value = java.util.Arrays.copyOfRange(body, position, position + length);
        position += length;
        return value;
    }

    /** An int16 count that must be neither negative nor larger than the message could hold. */
    int count(int bytesPerItem) {
        int count = int16() & 0xFFFF;
        if ((long) count * bytesPerItem > remaining()) {
            throw new ProtocolException("invalid count " + count + " in message");
        }
        return count;
    }

    int remaining() {
        return body.length - position;
    }

    /** The message must end here: trailing bytes mean the client and server disagree on its layout. */
    void end() {
        if (position != body.length) {
            throw new ProtocolException("invalid message format: " + remaining() + " bytes left over");
        }
    }

    private void need(int length) {
        if (body.length - position < length) {
            throw new ProtocolException("invalid message format: message too short");
        }
    }
}
