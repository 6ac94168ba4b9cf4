package io.hallows.messaging.api;

/**
 * A messaging operation failed. {@link #code()} is the name Kafka gives the error (for example
 * {@code UNKNOWN_TOPIC_OR_PARTITION}, {@code TOPIC_ALREADY_EXISTS}, {@code INVALID_CONFIG},
 * {@code RECORD_TOO_LARGE}, {@code KAFKA_STORAGE_ERROR}), so that code handling Kafka's errors
 * handles these.
 */
public class MessagingException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String code;

    public MessagingException(String code, String message) {
        super(message);
        this.code = code;
    }

    public MessagingException(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    /** Kafka's name for the error. */
    public String code() {
        return code;
    }
}
