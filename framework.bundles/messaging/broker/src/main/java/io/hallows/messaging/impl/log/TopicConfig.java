package io.hallows.messaging.impl.log;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.record.TimestampType;

/**
 * A topic's settings, under Kafka's names where Kafka has one, so that Kafka's tools set them.
 *
 * @param flush when an append is acknowledged ({@code flush=batch|os}; Kafka's {@code flush.messages=1}
 *        means {@code batch})
 * @param retentionMs segments whose newest record is older are deleted ({@code retention.ms}, -1: never)
 * @param retentionBytes older segments are deleted while the partition is larger ({@code retention.bytes}, -1: never)
 * @param segmentBytes the active segment is rolled once this large ({@code segment.bytes})
 * @param segmentMs the active segment is rolled once its first record is this old ({@code segment.ms})
 * @param maxMessageBytes the largest record batch accepted ({@code max.message.bytes})
 * @param timestampType {@code message.timestamp.type}: the producer's CreateTime or the LogAppendTime
 */
public record TopicConfig(Flush flush, long retentionMs, long retentionBytes, int segmentBytes, long segmentMs,
        int maxMessageBytes, TimestampType timestampType) {
    public static final String FLUSH = "flush";
    public static final String FLUSH_MESSAGES = "flush.messages";
    public static final String RETENTION_MS = "retention.ms";
    public static final String RETENTION_BYTES = "retention.bytes";
    public static final String SEGMENT_BYTES = "segment.bytes";
    public static final String SEGMENT_MS = "segment.ms";
    public static final String MAX_MESSAGE_BYTES = "max.message.bytes";
    public static final String TIMESTAMP_TYPE = "message.timestamp.type";
    public static final String CLEANUP_POLICY = "cleanup.policy";
    public static final String MIN_INSYNC_REPLICAS = "min.insync.replicas";
    public static final String COMPRESSION_TYPE = "compression.type";
    /** The smallest segment size accepted: small enough for tests of retention, large enough for one index entry. */
    public static final int MIN_SEGMENT_BYTES = 1024;

    /** Kafka's defaults, with {@code flush=batch}: Hallows acknowledges what is on disk unless told otherwise. */
    public static final TopicConfig DEFAULTS = new TopicConfig(Flush.BATCH, 7L * 24 * 3600 * 1000, -1, 1 << 30,
            7L * 24 * 3600 * 1000, 1_048_588, TimestampType.CREATE_TIME);

    /** Every name {@link #parse} accepts, for DescribeConfigs and error messages. */
    public static final Set<String> NAMES = Set.of(FLUSH, FLUSH_MESSAGES, RETENTION_MS, RETENTION_BYTES, SEGMENT_BYTES, SEGMENT_MS,
            MAX_MESSAGE_BYTES, TIMESTAMP_TYPE, CLEANUP_POLICY, MIN_INSYNC_REPLICAS, COMPRESSION_TYPE);

    /**
     * These defaults overridden by {@code configs}. Settings Kafka has that a single broker
     * storing batches as produced cannot honour otherwise are accepted at their only meaningful
     * value ({@code cleanup.policy=delete}, {@code min.insync.replicas=1},
     * {@code compression.type=producer}).
     *
     * @throws LogException INVALID_CONFIG naming the setting, its value and what is accepted
     */
    public static TopicConfig parse(Map<String, String> configs, TopicConfig defaults) throws LogException {
        Flush flush = defaults.flush;
        long retentionMs = defaults.retentionMs;
        long retentionBytes = defaults.retentionBytes;
        int segmentBytes = defaults.segmentBytes;
        long segmentMs = defaults.segmentMs;
        int maxMessageBytes = defaults.maxMessageBytes;
        TimestampType timestampType = defaults.timestampType;
        for (Map.Entry<String, String> entry : configs.entrySet()) {
            String name = entry.getKey();
            String value = entry.getValue() == null ? "" : entry.getValue().trim();
            switch (name) {
                case FLUSH -> flush = switch (value.toLowerCase(Locale.ROOT)) {
                    case "batch" -> Flush.BATCH;
                    case "os" -> Flush.OS;
                    default -> throw invalid(name, value, "batch or os");
                };
                case FLUSH_MESSAGES -> flush = number(name, value, 1, Long.MAX_VALUE) == 1 ? Flush.BATCH : Flush.OS;
                case RETENTION_MS -> retentionMs = number(name, value, -1, Long.MAX_VALUE);
                case RETENTION_BYTES -> retentionBytes = number(name, value, -1, Long.MAX_VALUE);
                case SEGMENT_BYTES -> segmentBytes = (int) number(name, value, MIN_SEGMENT_BYTES, Integer.MAX_VALUE);
                case SEGMENT_MS -> segmentMs = number(name, value, 1, Long.MAX_VALUE);
                case MAX_MESSAGE_BYTES -> maxMessageBytes = (int) number(name, value, 0, Integer.MAX_VALUE);
                case TIMESTAMP_TYPE -> timestampType = switch (value) {
                    case "CreateTime" -> TimestampType.CREATE_TIME;
                    case "LogAppendTime" -> TimestampType.LOG_APPEND_TIME;
                    default -> throw invalid(name, value, "CreateTime or LogAppendTime");
                };
                case CLEANUP_POLICY -> only(name, value, "delete");
                case MIN_INSYNC_REPLICAS -> only(name, value, "1");
                case COMPRESSION_TYPE -> only(name, value, "producer");
                default -> throw new LogException(Errors.INVALID_CONFIG, "unknown topic setting '" + name + "': Hallows accepts "
                        + String.join(", ", NAMES.stream().sorted().toList()));
            }
        }
        return new TopicConfig(flush, retentionMs, retentionBytes, segmentBytes, segmentMs, maxMessageBytes, timestampType);
    }

    /** Every setting by name, as {@link #parse} reads them back (a topic's metadata file holds this). */
    public Map<String, String> toMap() {
        Map<String, String> map = new LinkedHashMap<>();
        map.put(FLUSH, flush.name().toLowerCase(Locale.ROOT));
        map.put(RETENTION_MS, Long.toString(retentionMs));
        map.put(RETENTION_BYTES, Long.toString(retentionBytes));
        map.put(SEGMENT_BYTES, Integer.toString(segmentBytes));
        map.put(SEGMENT_MS, Long.toString(segmentMs));
        map.put(MAX_MESSAGE_BYTES, Integer.toString(maxMessageBytes));
        map.put(TIMESTAMP_TYPE, timestampType == TimestampType.LOG_APPEND_TIME ? "LogAppendTime" : "CreateTime");
        map.put(CLEANUP_POLICY, "delete");
        map.put(MIN_INSYNC_REPLICAS, "1");
        map.put(COMPRESSION_TYPE, "producer");
        return map;
    }

    private static long number(String name, String value, long min, long max) throws LogException {
        long parsed;
        try {
            parsed = Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw invalid(name, value, "a whole number from " + min + " to " + max);
        }
        if (parsed < min || parsed > max) {
            throw invalid(name, value, "a whole number from " + min + " to " + max);
        }
        return parsed;
    }

    private static void only(String name, String value, String accepted) throws LogException {
        if (!accepted.equals(value)) {
            throw invalid(name, value, "only " + accepted + " (a single broker storing batches as produced)");
        }
    }

    private static LogException invalid(String name, String value, String accepted) {
        return new LogException(Errors.INVALID_CONFIG, "topic setting " + name + "='" + value + "' is not valid: use " + accepted);
    }
}
