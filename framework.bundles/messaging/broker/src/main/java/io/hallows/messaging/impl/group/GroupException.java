package io.hallows.messaging.impl.group;

import org.apache.kafka.common.protocol.Errors;

/** A group operation refused, with Kafka's error. */
public final class GroupException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient Errors error;

    public GroupException(Errors error, String message) {
        super(message);
        this.error = error;
    }

    public Errors error() {
        return error;
    }
}
