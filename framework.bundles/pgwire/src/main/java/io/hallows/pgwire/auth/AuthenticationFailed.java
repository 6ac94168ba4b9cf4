package io.hallows.pgwire.auth;

/**
 * An exchange that must end the connection: a wrong password or unknown user ({@link #rejected()},
 * SQLSTATE {@code 28P01}), or a malformed SCRAM message ({@code 08P01}).
 */
public final class AuthenticationFailed extends Exception {
    private static final long serialVersionUID = 1L;
    private final boolean rejected;

    AuthenticationFailed(String message, boolean rejected) {
        super(message, null, false, false);
        this.rejected = rejected;
    }

    /** True when the client proved nothing (wrong password, unknown user), false for a malformed message. */
    public boolean rejected() {
        return rejected;
    }
}
