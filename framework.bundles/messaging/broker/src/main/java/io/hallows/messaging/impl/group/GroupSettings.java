package io.hallows.messaging.impl.group;

/**
 * The coordinator's settings, named after Kafka's broker settings.
 *
 * @param initialRebalanceDelayMs how long the first rebalance of an empty group waits for more members
 *        ({@code group.initial.rebalance.delay.ms}); each member that joins meanwhile extends the wait by
 *        as much, up to the rebalance timeout
 * @param minSessionTimeoutMs the shortest session a member may ask for ({@code group.min.session.timeout.ms})
 * @param maxSessionTimeoutMs the longest session a member may ask for ({@code group.max.session.timeout.ms})
 * @param maxMetadataBytes the longest metadata string of a committed offset ({@code offset.metadata.max.bytes})
 * @param forceOffsets whether a commit is forced to disk before it is answered (one force serves every
 *        commit that arrived meanwhile); {@code false} leaves the offsets file to the page cache
 */
public record GroupSettings(int initialRebalanceDelayMs, int minSessionTimeoutMs, int maxSessionTimeoutMs,
        int maxMetadataBytes, boolean forceOffsets) {
    /** Kafka's defaults, and offsets forced. */
    public static final GroupSettings DEFAULTS = new GroupSettings(3000, 6000, 1_800_000, 4096, true);

    /** @throws IllegalArgumentException if a value is negative or the session bounds are crossed */
    public GroupSettings {
        if (initialRebalanceDelayMs < 0 || minSessionTimeoutMs < 0 || maxMetadataBytes < 0) {
            throw new IllegalArgumentException("group settings must not be negative: " + initialRebalanceDelayMs
                    + " ms delay, " + minSessionTimeoutMs + " ms min session, " + maxMetadataBytes + " metadata bytes");
        }
        if (maxSessionTimeoutMs < minSessionTimeoutMs) {
            throw new IllegalArgumentException("group max session timeout " + maxSessionTimeoutMs
                    + " ms is below the min session timeout " + minSessionTimeoutMs + " ms");
        }
    }

    /** These settings with another initial rebalance delay. */
    public GroupSettings withInitialRebalanceDelayMs(int delayMs) {
        return new GroupSettings(delayMs, minSessionTimeoutMs, maxSessionTimeoutMs, maxMetadataBytes, forceOffsets);
    }

    /** These settings with other session bounds. */
    public GroupSettings withSessionTimeouts(int minMs, int maxMs) {
        return new GroupSettings(initialRebalanceDelayMs, minMs, maxMs, maxMetadataBytes, forceOffsets);
    }
}
