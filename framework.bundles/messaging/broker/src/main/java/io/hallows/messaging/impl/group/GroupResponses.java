package io.hallows.messaging.impl.group;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.kafka.common.message.JoinGroupResponseData;
import org.apache.kafka.common.message.JoinGroupResponseData.JoinGroupResponseMember;
import org.apache.kafka.common.message.SyncGroupResponseData;
import org.apache.kafka.common.protocol.Errors;

/** The join and sync answers, filled as each version of Kafka's schema requires. */
final class GroupResponses {
    private static final byte[] NO_BYTES = new byte[0];

    private GroupResponses() {
    }

    /** A refused join; {@code memberId} is the id the member should use (MEMBER_ID_REQUIRED), or "". */
    static JoinGroupResponseData joinError(Errors error, String memberId, short version) {
        return new JoinGroupResponseData()
                .setErrorCode(error.code())
                .setGenerationId(-1)
                // ProtocolName is nullable from v7 only; older versions carry "" when there is none.
                .setProtocolName(version >= 7 ? null : "")
                .setProtocolType(null)
                .setLeader("")
                .setMemberId(memberId == null ? "" : memberId);
    }

    /**
     * A completed join: the group's generation, and for the leader every member with its metadata
     * for the chosen protocol (followers get no members).
     */
    static JoinGroupResponseData joined(Member member, int generation, String protocolType, String protocol,
            String leader, Collection<Member> members) {
        List<JoinGroupResponseMember> list = new ArrayList<>();
        if (member.id().equals(leader)) {
            for (Member m : members) {
                list.add(new JoinGroupResponseMember()
                        .setMemberId(m.id())
                        .setGroupInstanceId(m.instanceId())
                        .setMetadata(m.metadata(protocol)));
            }
        }
        return new JoinGroupResponseData()
                .setErrorCode(Errors.NONE.code())
                .setGenerationId(generation)
                .setProtocolType(protocolType)
                .setProtocolName(protocol)
                .setLeader(leader)
                .setMemberId(member.id())
                .setMembers(list);
    }

    static SyncGroupResponseData syncError(Errors error) {
        return new SyncGroupResponseData().setErrorCode(error.code()).setAssignment(NO_BYTES);
    }

    static SyncGroupResponseData synced(String protocolType, String protocol, byte[] assignment) {
        return new SyncGroupResponseData()
                .setErrorCode(Errors.NONE.code())
                .setProtocolType(protocolType)
                .setProtocolName(protocol)
                .setAssignment(assignment);
    }
}
