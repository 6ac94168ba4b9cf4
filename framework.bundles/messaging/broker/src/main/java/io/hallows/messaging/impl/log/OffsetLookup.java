package io.hallows.messaging.impl.log;

import org.apache.kafka.common.protocol.Errors;

/** A ListOffsets answer for one partition: the offset and its timestamp (-1 when none is found). */
public record OffsetLookup(Errors error, long offset, long timestamp) {
}
