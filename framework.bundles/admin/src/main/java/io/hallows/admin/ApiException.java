package io.hallows.admin;

import io.hallows.kernel.api.CapabilityRevokedException;

/**
 * A request the admin API answers with an error: the HTTP status and the message for
 * {@code {"error": "..."}}. {@link #of} maps what the kernel throws to a status, following the
 * kernel's contracts (an unknown name is an {@link IllegalArgumentException}, a refused transition
 * an {@link IllegalStateException}, a missing right a {@link SecurityException}).
 */
final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;

    ApiException(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    int status() {
        return status;
    }

    /** The error to answer for {@code failure}; 500 for anything the kernel does not document. */
    static ApiException of(Throwable failure) {
        return switch (failure) {
            case ApiException e -> e;
            // A revoked capability is an IllegalStateException, but it means "no longer allowed".
            case CapabilityRevokedException e -> new ApiException(403, message(e));
            case SecurityException e -> new ApiException(403, message(e));
            case IllegalArgumentException e -> new ApiException(404, message(e));
            case IllegalStateException e -> new ApiException(409, message(e));
            default -> new ApiException(500, "internal error: " + failure);
        };
    }

    private static String message(Throwable e) {
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }
}
