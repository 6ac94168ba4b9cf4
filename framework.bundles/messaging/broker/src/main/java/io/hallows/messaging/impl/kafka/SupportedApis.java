package io.hallows.messaging.impl.kafka;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import org.apache.kafka.common.message.ApiVersionsResponseData;
import org.apache.kafka.common.message.ApiVersionsResponseData.ApiVersion;
import org.apache.kafka.common.message.ApiVersionsResponseData.ApiVersionCollection;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.Errors;

/**
 * The APIs this broker answers and the newest version of each it really handles; the oldest is
 * the oldest kafka-clients knows. Capped where a newer version replaces topic names by topic ids
 * in a way the handlers (or the group coordinator they hand requests to) do not resolve:
 * Produce 13+, Fetch 13+, OffsetCommit 10+, OffsetFetch 10+.
 */
final class SupportedApis {
    private static final Map<ApiKeys, Short> NEWEST;

    static {
        Map<ApiKeys, Short> newest = new EnumMap<>(ApiKeys.class);
        newest.put(ApiKeys.API_VERSIONS, ApiKeys.API_VERSIONS.latestVersion());
        newest.put(ApiKeys.METADATA, ApiKeys.METADATA.latestVersion());
        newest.put(ApiKeys.PRODUCE, (short) 12);
        newest.put(ApiKeys.FETCH, (short) 12);
        newest.put(ApiKeys.LIST_OFFSETS, ApiKeys.LIST_OFFSETS.latestVersion());
        newest.put(ApiKeys.INIT_PRODUCER_ID, ApiKeys.INIT_PRODUCER_ID.latestVersion());
        newest.put(ApiKeys.FIND_COORDINATOR, ApiKeys.FIND_COORDINATOR.latestVersion());
        newest.put(ApiKeys.JOIN_GROUP, ApiKeys.JOIN_GROUP.latestVersion());
        newest.put(ApiKeys.SYNC_GROUP, ApiKeys.SYNC_GROUP.latestVersion());
        newest.put(ApiKeys.HEARTBEAT, ApiKeys.HEARTBEAT.latestVersion());
        newest.put(ApiKeys.LEAVE_GROUP, ApiKeys.LEAVE_GROUP.latestVersion());
        newest.put(ApiKeys.OFFSET_COMMIT, (short) 9);
        newest.put(ApiKeys.OFFSET_FETCH, (short) 9);
        newest.put(ApiKeys.LIST_GROUPS, ApiKeys.LIST_GROUPS.latestVersion());
        newest.put(ApiKeys.DESCRIBE_GROUPS, ApiKeys.DESCRIBE_GROUPS.latestVersion());
        newest.put(ApiKeys.CREATE_TOPICS, ApiKeys.CREATE_TOPICS.latestVersion());
        newest.put(ApiKeys.DELETE_TOPICS, ApiKeys.DELETE_TOPICS.latestVersion());
        newest.put(ApiKeys.DESCRIBE_CONFIGS, ApiKeys.DESCRIBE_CONFIGS.latestVersion());
        newest.put(ApiKeys.DESCRIBE_CLUSTER, ApiKeys.DESCRIBE_CLUSTER.latestVersion());
        NEWEST = Collections.unmodifiableMap(newest);
    }

    private SupportedApis() {
    }

    static boolean supports(ApiKeys api, short version) {
        Short newest = NEWEST.get(api);
        return newest != null && version >= api.oldestVersion() && version <= newest;
    }

    /** The versions handled, as the text of an UNSUPPORTED_VERSION message. */
    static String range(ApiKeys api) {
        Short newest = NEWEST.get(api);
        return newest == null ? "none (not implemented)" : api.oldestVersion() + " to " + newest;
    }

    static Map<ApiKeys, Short> newest() {
        return NEWEST;
    }

    /** The ApiVersions answer: every supported API with its range, and {@code error}. */
    static ApiVersionsResponseData response(Errors error) {
        ApiVersionCollection keys = new ApiVersionCollection(NEWEST.size());
        for (Map.Entry<ApiKeys, Short> entry : NEWEST.entrySet()) {
            keys.add(new ApiVersion().setApiKey(entry.getKey().id).setMinVersion(entry.getKey().oldestVersion())
                    .setMaxVersion(entry.getValue()));
        }
        return new ApiVersionsResponseData().setErrorCode(error.code()).setApiKeys(keys);
    }
}
