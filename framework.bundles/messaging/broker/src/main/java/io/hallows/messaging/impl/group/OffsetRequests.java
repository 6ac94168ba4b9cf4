package io.hallows.messaging.impl.group;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.message.OffsetCommitRequestData;
import org.apache.kafka.common.message.OffsetCommitRequestData.OffsetCommitRequestPartition;
import org.apache.kafka.common.message.OffsetCommitRequestData.OffsetCommitRequestTopic;
import org.apache.kafka.common.message.OffsetCommitResponseData;
import org.apache.kafka.common.message.OffsetCommitResponseData.OffsetCommitResponsePartition;
import org.apache.kafka.common.message.OffsetCommitResponseData.OffsetCommitResponseTopic;
import org.apache.kafka.common.message.OffsetFetchRequestData;
import org.apache.kafka.common.message.OffsetFetchResponseData;
import org.apache.kafka.common.message.OffsetFetchResponseData.OffsetFetchResponseGroup;
import org.apache.kafka.common.message.OffsetFetchResponseData.OffsetFetchResponsePartition;
import org.apache.kafka.common.message.OffsetFetchResponseData.OffsetFetchResponsePartitions;
import org.apache.kafka.common.message.OffsetFetchResponseData.OffsetFetchResponseTopic;
import org.apache.kafka.common.message.OffsetFetchResponseData.OffsetFetchResponseTopics;
import org.apache.kafka.common.protocol.Errors;
import org.osgi.service.log.Logger;

/**
 * OffsetCommit and OffsetFetch: the group's rules for who may commit, then the {@link OffsetStore}.
 * OffsetCommit v2–v9 (v10 names topics by id), OffsetFetch v1–v9 (v8+ several groups at once).
 */
final class OffsetRequests {
    private final GroupManager groups;
    private final OffsetStore store;
    private final GroupSettings settings;
    private final Logger log;

    OffsetRequests(GroupManager groups, OffsetStore store, GroupSettings settings, Logger log) {
        this.groups = groups;
        this.store = store;
        this.settings = settings;
        this.log = log;
    }

    OffsetCommitResponseData commit(OffsetCommitRequestData request, short version) {
        String group = request.groupId();
        int generation = request.generationIdOrMemberEpoch();
        String instanceId = version >= 7 ? request.groupInstanceId() : null;
        Errors groupError;
        if (groups.isClosed()) {
            groupError = Errors.NOT_COORDINATOR;
        } else if (group == null || group.isEmpty()) {
            groupError = Errors.INVALID_GROUP_ID;
        } else {
            // A commit without a generation (standalone consumers) creates its group; a group the
            // coordinator does not know (it restarted) makes a member rejoin: ILLEGAL_GENERATION,
            // which classic consumers handle (not v9's GROUP_ID_NOT_FOUND, which they do not).
            groupError = groups.withGroup(group, generation < 0, g -> g == null
                    ? Errors.ILLEGAL_GENERATION
                    : g.checkCommit(request.memberId(), instanceId, generation));
        }
        List<OffsetStore.Commit> commits = new ArrayList<>();
        Map<OffsetCommitResponsePartition, OffsetStore.Commit> written = new LinkedHashMap<>();
        OffsetCommitResponseData response = new OffsetCommitResponseData();
        for (OffsetCommitRequestTopic topic : request.topics()) {
            OffsetCommitResponseTopic answer = new OffsetCommitResponseTopic().setName(topic.name());
            response.topics().add(answer);
            for (OffsetCommitRequestPartition p : topic.partitions()) {
                OffsetCommitResponsePartition result = new OffsetCommitResponsePartition().setPartitionIndex(p.partitionIndex());
                answer.partitions().add(result);
                Errors error = groupError;
                if (error == Errors.NONE && p.committedMetadata() != null
                        && p.committedMetadata().length() > settings.maxMetadataBytes()) {
                    error = Errors.OFFSET_METADATA_TOO_LARGE;
                }
                result.setErrorCode(error.code());
                if (error == Errors.NONE) {
                    OffsetStore.Commit c = new OffsetStore.Commit(topic.name(), p.partitionIndex(), p.committedOffset(),
                            p.committedLeaderEpoch(), p.committedMetadata());
                    commits.add(c);
                    written.put(result, c);
                }
            }
        }
        try {
            store.commit(group, commits, System.currentTimeMillis());
        } catch (IOException e) {
            log.error("group {}: offsets not committed, the offsets file {} failed: {}", group, store.file(), e.toString());
            written.keySet().forEach(r -> r.setErrorCode(Errors.UNKNOWN_SERVER_ERROR.code()));
        }
        return response;
    }

    void commitInJvm(String group, String topic, int partition, long offset) throws GroupException {
        if (groups.isClosed()) {
            throw new GroupException(Errors.NOT_COORDINATOR, "the group coordinator has closed");
        }
        Errors error = groups.withGroup(group, true, g -> g.hasMembers() ? Errors.REBALANCE_IN_PROGRESS : Errors.NONE);
        if (error != Errors.NONE) {
            throw new GroupException(error, "group " + group + " has Kafka consumers as members: the in-JVM channel"
                    + " cannot commit for it");
        }
        try {
            store.commit(group, List.of(new OffsetStore.Commit(topic, partition, offset, -1, "")),
                    System.currentTimeMillis());
        } catch (IOException e) {
            throw new GroupException(Errors.UNKNOWN_SERVER_ERROR, "group " + group + ": offset of " + topic + "-"
                    + partition + " not committed, the offsets file " + store.file() + " failed: " + e);
        }
    }

    OffsetFetchResponseData fetch(OffsetFetchRequestData request, short version) {
        OffsetFetchResponseData response = new OffsetFetchResponseData();
        if (version >= 8) {
            for (OffsetFetchRequestData.OffsetFetchRequestGroup g : request.groups()) {
                Map<String, List<Integer>> wanted = null;
                if (g.topics() != null) {
                    wanted = new LinkedHashMap<>();
                    for (var t : g.topics()) {
                        wanted.put(t.name(), t.partitionIndexes());
                    }
                }
                response.groups().add(group(g.groupId(), wanted));
            }
            return response;
        }
        Map<String, List<Integer>> wanted = null;
        if (request.topics() != null) {
            wanted = new LinkedHashMap<>();
            for (var t : request.topics()) {
                wanted.put(t.name(), t.partitionIndexes());
            }
        }
        // v1-v7 carry the same answer, one group, topics and partitions in their own classes.
        OffsetFetchResponseGroup one = group(request.groupId(), wanted);
        response.setErrorCode(one.errorCode());
        for (OffsetFetchResponseTopics t : one.topics()) {
            OffsetFetchResponseTopic topic = new OffsetFetchResponseTopic().setName(t.name());
            for (OffsetFetchResponsePartitions p : t.partitions()) {
                topic.partitions().add(new OffsetFetchResponsePartition().setPartitionIndex(p.partitionIndex())
                        .setCommittedOffset(p.committedOffset()).setCommittedLeaderEpoch(p.committedLeaderEpoch())
                        .setMetadata(p.metadata()).setErrorCode(p.errorCode()));
            }
            response.topics().add(topic);
        }
        return response;
    }

    /** The offsets of {@code wanted} partitions by topic, or of every partition with an offset if null. */
    private OffsetFetchResponseGroup group(String group, Map<String, List<Integer>> wanted) {
        OffsetFetchResponseGroup answer = new OffsetFetchResponseGroup().setGroupId(group);
        Map<String, OffsetFetchResponseTopics> topics = new LinkedHashMap<>();
        if (wanted == null) {
            for (var e : store.offsets(group).entrySet()) {
                TopicPartition tp = e.getKey();
                topics.computeIfAbsent(tp.topic(), n -> new OffsetFetchResponseTopics().setName(n)).partitions()
                        .add(partition(tp.partition(), e.getValue()));
            }
        } else {
            for (var e : wanted.entrySet()) {
                OffsetFetchResponseTopics topic = topics.computeIfAbsent(e.getKey(),
                        n -> new OffsetFetchResponseTopics().setName(n));
                for (int p : e.getValue()) {
                    topic.partitions().add(partition(p, store.get(group, e.getKey(), p).orElse(null)));
                }
            }
        }
        answer.topics().addAll(topics.values());
        return answer.setErrorCode(Errors.NONE.code());
    }

    /** A partition's committed offset, or -1 with no metadata (Kafka's answer for none). */
    private static OffsetFetchResponsePartitions partition(int index, OffsetStore.Committed c) {
        return new OffsetFetchResponsePartitions()
                .setPartitionIndex(index)
                .setCommittedOffset(c == null ? -1 : c.offset())
                .setCommittedLeaderEpoch(c == null ? -1 : c.leaderEpoch())
                .setMetadata(c == null || c.metadata() == null ? "" : c.metadata())
                .setErrorCode(Errors.NONE.code());
    }
}
