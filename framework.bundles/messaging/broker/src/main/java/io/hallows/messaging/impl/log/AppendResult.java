package io.hallows.messaging.impl.log;

import org.apache.kafka.common.protocol.Errors;

/**
 * What an append did: {@code error} NONE with the first offset given and the log append time
 * (-1: the topic uses the producer's create time), or an error with a message.
 */
public record AppendResult(Errors error, String message, long baseOffset, long logAppendTime, long logStartOffset) {
    public static AppendResult failed(Errors error, String message) {
        return new AppendResult(error, message, -1, -1, -1);
    }
}
