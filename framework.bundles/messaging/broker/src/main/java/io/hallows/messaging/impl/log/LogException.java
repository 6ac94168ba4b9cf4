package io.hallows.messaging.impl.log;

import org.apache.kafka.common.protocol.Errors;

/** A topic operation failed with one of Kafka's errors and a message saying what and where. */
public final class LogException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient Errors error;

    public LogException(Errors error, String message) {
        super(message);
        this.error = error;
    }

    public LogException(Errors error, String message, Throwable cause) {
        super(message, cause);
        this.error = error;
    }

    public Errors error() {
        return error;
    }
}
