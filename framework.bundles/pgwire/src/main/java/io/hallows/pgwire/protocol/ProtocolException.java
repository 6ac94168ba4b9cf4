package io.hallows.pgwire.protocol;

/**
 * A client broke the protocol (SQLSTATE {@code 08P01}: a malformed or misplaced message) or a
 * limit ({@code 54000}: a message too long): the connection answers with a FATAL ErrorResponse and
 * closes.
 */
public final class ProtocolException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String sqlState;

    public ProtocolException(String message) {
        this("08P01", message);
    }

    public ProtocolException(String sqlState, String message) {
        super(message, null, false, false);
        this.sqlState = sqlState;
    }

    public String sqlState() {
        return sqlState;
    }
}
