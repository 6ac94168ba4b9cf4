package io.hallows.messaging.impl.group;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.message.ConsumerProtocolAssignment;
import org.apache.kafka.common.message.DescribeGroupsRequestData;
import org.apache.kafka.common.message.DescribeGroupsResponseData;
import org.apache.kafka.common.message.DescribeGroupsResponseData.DescribedGroup;
import org.apache.kafka.common.message.DescribeGroupsResponseData.DescribedGroupMember;
import org.apache.kafka.common.message.ListGroupsRequestData;
import org.apache.kafka.common.message.ListGroupsResponseData;
import org.apache.kafka.common.message.ListGroupsResponseData.ListedGroup;
import org.apache.kafka.common.protocol.ByteBufferAccessor;
import org.apache.kafka.common.protocol.Errors;

/** ListGroups, DescribeGroups and the shell's summaries, made from {@link GroupView}s. */
final class GroupDescriptions {
    /** Every group here is a group of the classic protocol (ListGroups v5's type). */
    static final String CLASSIC = "classic";
    /** READ, DELETE and DESCRIBE (Kafka's AclOperation codes 3, 6, 8): what a group allows, without ACLs. */
    private static final int GROUP_OPERATIONS = (1 << 3) | (1 << 6) | (1 << 8);
    private static final byte[] NO_BYTES = new byte[0];

    private GroupDescriptions() {
    }

    static ListGroupsResponseData list(List<GroupView> views, ListGroupsRequestData request, short version) {
        List<String> states = version >= 4 ? request.statesFilter() : List.of();
        List<String> types = version >= 5 ? request.typesFilter() : List.of();
        ListGroupsResponseData response = new ListGroupsResponseData().setErrorCode(Errors.NONE.code());
        for (GroupView v : views) {
            if (matches(states, v.state().kafkaName()) && matches(types, CLASSIC)) {
                response.groups().add(new ListedGroup()
                        .setGroupId(v.name())
                        .setProtocolType(v.protocolType())
                        .setGroupState(v.state().kafkaName())
                        .setGroupType(CLASSIC));
            }
        }
        return response;
    }

    private static boolean matches(List<String> filter, String value) {
        return filter.isEmpty() || filter.stream().anyMatch(value::equalsIgnoreCase);
    }

    /**
     * As Kafka: the protocol, metadata and assignments only once the group is Stable; an unknown
     * group is Dead (GROUP_ID_NOT_FOUND from v6).
     */
    static DescribeGroupsResponseData describe(DescribeGroupsRequestData request, List<GroupView> views, short version) {
        boolean operations = version >= 3 && request.includeAuthorizedOperations();
        DescribeGroupsResponseData response = new DescribeGroupsResponseData();
        for (GroupView v : views) {
            DescribedGroup group = new DescribedGroup()
                    .setGroupId(v.name())
                    .setErrorCode(Errors.NONE.code())
                    .setGroupState(v.state().kafkaName())
                    .setProtocolType(v.protocolType())
                    .setProtocolData("")
                    .setAuthorizedOperations(operations ? GROUP_OPERATIONS : Integer.MIN_VALUE);
            response.groups().add(group);
            if (v.state() == GroupState.DEAD) {
                if (version >= 6) {
                    group.setErrorCode(Errors.GROUP_ID_NOT_FOUND.code())
                            .setErrorMessage("Group " + v.name() + " not found.");
                }
                continue;
            }
            boolean stable = v.state() == GroupState.STABLE;
            if (stable) {
                group.setProtocolData(v.protocol());
            }
            for (GroupView.MemberView m : v.members()) {
                group.members().add(new DescribedGroupMember()
                        .setMemberId(m.memberId())
                        .setGroupInstanceId(m.instanceId())
                        .setClientId(m.clientId())
                        .setClientHost(m.host())
                        .setMemberMetadata(stable ? m.metadata() : NO_BYTES)
                        .setMemberAssignment(stable ? m.assignment() : NO_BYTES));
            }
        }
        return response;
    }

    static List<GroupSummary> summaries(List<GroupView> views, OffsetStore offsets) {
        List<GroupSummary> list = new ArrayList<>();
        for (GroupView v : views) {
            List<GroupSummary.Member> members = new ArrayList<>();
            for (GroupView.MemberView m : v.members()) {
                List<String> assigned = "consumer".equals(v.protocolType()) ? partitions(m.assignment()) : List.of();
                members.add(new GroupSummary.Member(m.memberId(), m.clientId(), m.host(), assigned));
            }
            List<GroupSummary.Committed> committed = new ArrayList<>();
            offsets.offsets(v.name()).forEach((tp, c) ->
                    committed.add(new GroupSummary.Committed(tp.topic(), tp.partition(), c.offset())));
            list.add(new GroupSummary(v.name(), v.state().kafkaName(), v.protocolType(), v.protocol(), v.generation(),
                    members, committed));
        }
        return list;
    }

    /** The partitions of a consumer's assignment ("topic-partition"), or none if it cannot be read. */
    static List<String> partitions(byte[] assignment) {
        if (assignment.length < 2) {
            return List.of();
        }
        try {
            ByteBuffer buf = ByteBuffer.wrap(assignment);
            short version = (short) Math.min(buf.getShort(), ConsumerProtocolAssignment.HIGHEST_SUPPORTED_VERSION);
            ConsumerProtocolAssignment a = new ConsumerProtocolAssignment(new ByteBufferAccessor(buf), version);
            List<String> list = new ArrayList<>();
            a.assignedPartitions().forEach(t -> t.partitions().forEach(p -> list.add(t.topic() + "-" + p)));
            return list;
        } catch (RuntimeException e) {
            return List.of();
        }
    }
}
