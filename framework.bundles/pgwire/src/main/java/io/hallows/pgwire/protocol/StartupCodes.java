package io.hallows.pgwire.protocol;

/** The request codes of the untyped packets a connection starts with. */
final class StartupCodes {
    static final int PROTOCOL_3_0 = 3 << 16;
    static final int CANCEL_REQUEST = 80877102;
    static final int SSL_REQUEST = 80877103;
    static final int GSSENC_REQUEST = 80877104;

    private StartupCodes() {
    }

    /** An SSL or GSS encryption request: the client sends another untyped packet after it. */
    static boolean isNegotiation(int code) {
        return code == SSL_REQUEST || code == GSSENC_REQUEST;
    }
}
