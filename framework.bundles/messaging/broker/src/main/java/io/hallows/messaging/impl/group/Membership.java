package io.hallows.messaging.impl.group;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Who is in a group: the members in the order they joined, the static members' instance ids, the
 * leader, and the protocols they agree on. Guarded by the group's lock.
 */
final class Membership {
    private final Map<String, Member> members = new LinkedHashMap<>();
    /** group.instance.id → the id of its member now. */
    private final Map<String, String> statics = new HashMap<>();
    private String leader;
    private String protocolType;

    Member get(String id) {
        return members.get(id);
    }

    Collection<Member> all() {
        return members.values();
    }

    boolean isEmpty() {
        return members.isEmpty();
    }

    int size() {
        return members.size();
    }

    /** The leader's member id, or null when there is no member. */
    String leader() {
        return leader;
    }

    /** The protocol type of the members ("consumer"), or null if no member ever joined. */
    String protocolType() {
        return protocolType;
    }

    /** The member id of a static member's instance now, or null. */
    String idOf(String instanceId) {
        return instanceId == null ? null : statics.get(instanceId);
    }

    /** Whether {@code memberId} is not the id that static instance {@code instanceId} has now. */
    boolean fenced(String memberId, String instanceId) {
        return instanceId != null && !memberId.equals(statics.get(instanceId));
    }

    /** Adds a member; the first member of an empty group sets its protocol type and leads it. */
    void add(Member member, String type) {
        if (members.isEmpty()) {
            protocolType = type;
        }
        members.put(member.id(), member);
        if (member.instanceId() != null) {
            statics.put(member.instanceId(), member.id());
        }
        if (leader == null) {
            leader = member.id();
        }
    }

    /** Removes a member; if it led, the longest-standing member leads. */
    void remove(Member member) {
        members.remove(member.id());
        if (member.instanceId() != null) {
            statics.remove(member.instanceId(), member.id());
        }
        if (member.id().equals(leader)) {
            leader = members.isEmpty() ? null : members.keySet().iterator().next();
        }
    }

    /** Gives the member {@code oldId} the id {@code newId} (a static member's restart); returns it. */
    Member rename(String oldId, String newId) {
        Member old = members.remove(oldId);
        Member member = old.withId(newId);
        members.put(newId, member);
        statics.put(member.instanceId(), newId);
        if (oldId.equals(leader)) {
            leader = newId;
        }
        return member;
    }

    /** An empty group takes any protocol; a group with members only one all of them support. */
    boolean accepts(String type, List<Member.Protocol> protocols) {
        if (type == null || type.isEmpty() || protocols.isEmpty()) {
            return false;
        }
        if (members.isEmpty()) {
            return true;
        }
        return type.equals(protocolType) && protocols.stream().anyMatch(p -> supportedByAll(p.name()));
    }

    private boolean supportedByAll(String protocol) {
        return members.values().stream().allMatch(m -> m.supports(protocol));
    }

    /** Each member votes for its first choice among the protocols every member supports (as Kafka). */
    String selectProtocol() {
        List<String> candidates = new ArrayList<>();
        for (Member.Protocol p : members.values().iterator().next().protocols()) {
            if (supportedByAll(p.name())) {
                candidates.add(p.name());
            }
        }
        Map<String, Integer> votes = new LinkedHashMap<>();
        candidates.forEach(c -> votes.put(c, 0));
        for (Member m : members.values()) {
            m.protocols().stream().map(Member.Protocol::name).filter(candidates::contains).findFirst()
                    .ifPresent(choice -> votes.merge(choice, 1, Integer::sum));
        }
        return votes.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    }

    boolean allJoined() {
        return members.values().stream().allMatch(m -> m.join() != null);
    }

    /** How long a rebalance waits for the members to rejoin: the longest any of them asked for. */
    int rebalanceTimeoutMs() {
        return members.values().stream().mapToInt(Member::rebalanceTimeoutMs).max().orElse(0);
    }
}
