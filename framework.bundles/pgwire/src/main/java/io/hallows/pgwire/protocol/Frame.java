package io.hallows.pgwire.protocol;

/**
 * One message from a client: its type byte ({@link #UNTYPED} for the startup-phase packets, which
 * have none) and its body, without the length word.
 */
record Frame(byte type, byte[] body) {
    static final byte UNTYPED = 0;

    PayloadReader reader() {
        return new PayloadReader(body);
    }
}
