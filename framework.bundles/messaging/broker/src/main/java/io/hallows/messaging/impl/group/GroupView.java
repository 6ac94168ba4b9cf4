package io.hallows.messaging.impl.group;

import java.util.List;

/**
 * A group as it was when looked at, for descriptions made without its lock.
 *
 * @param protocolType the members' protocol type ("consumer"), or ""
 * @param protocol the chosen protocol (assignor), or ""
 */
record GroupView(String name, GroupState state, String protocolType, String protocol, int generation,
        List<MemberView> members) {
    GroupView {
        members = List.copyOf(members);
    }

    /** A member: its metadata for the chosen protocol and its assignment (empty when there is none). */
    record MemberView(String memberId, String instanceId, String clientId, String host, byte[] metadata,
            byte[] assignment) {
    }
}
