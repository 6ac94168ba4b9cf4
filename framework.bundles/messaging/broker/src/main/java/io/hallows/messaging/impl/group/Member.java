package io.hallows.messaging.impl.group;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.message.JoinGroupRequestData.JoinGroupRequestProtocol;
import org.apache.kafka.common.message.JoinGroupRequestData.JoinGroupRequestProtocolCollection;
import org.apache.kafka.common.message.JoinGroupResponseData;
import org.apache.kafka.common.message.SyncGroupResponseData;

/**
 * A member of a classic group: what it joined with, what it was assigned, the join or sync request
 * it is waiting on, and when its session ends. Guarded by its group's lock.
 */
final class Member {
    /** A protocol the member supports, with its metadata (the consumer's subscription). */
    record Protocol(String name, byte[] metadata) {
    }

    /** A request held until the rebalance answers it, with the version to answer in. */
    record Waiting<T>(CompletableFuture<T> future, short version) {
    }

    private final String id;
    private final String instanceId;
    private String clientId;
    private String host;
    private int sessionTimeoutMs;
    private int rebalanceTimeoutMs;
    private List<Protocol> protocols;
    private byte[] assignment = new byte[0];
    private Waiting<JoinGroupResponseData> join;
    private Waiting<SyncGroupResponseData> sync;
    private long deadlineNanos;
    private long timerId = -1;

    Member(String id, String instanceId, String clientId, String host, int sessionTimeoutMs, int rebalanceTimeoutMs,
            List<Protocol> protocols) {
        this.id = id;
        this.instanceId = instanceId;
        update(clientId, host, sessionTimeoutMs, rebalanceTimeoutMs, protocols);
    }

    /** The same member under a new id (a static member rejoining), without its waiting requests. */
    Member withId(String newId) {
        Member m = new Member(newId, instanceId, clientId, host, sessionTimeoutMs, rebalanceTimeoutMs, protocols);
        m.assignment = assignment;
        return m;
    }

    static List<Protocol> protocols(JoinGroupRequestProtocolCollection requested) {
        List<Protocol> list = new ArrayList<>(requested.size());
        for (JoinGroupRequestProtocol p : requested) {
            list.add(new Protocol(p.name(), p.metadata()));
        }
        return List.copyOf(list);
    }

    void update(String newClientId, String newHost, int sessionMs, int rebalanceMs, List<Protocol> newProtocols) {
        this.clientId = newClientId;
        this.host = newHost;
        this.sessionTimeoutMs = sessionMs;
        this.rebalanceTimeoutMs = rebalanceMs;
        this.protocols = newProtocols;
    }

    String id() {
        return id;
    }

    String instanceId() {
        return instanceId;
    }

    String clientId() {
        return clientId;
    }

    String host() {
        return host;
    }

    int sessionTimeoutMs() {
        return sessionTimeoutMs;
    }

    int rebalanceTimeoutMs() {
        return rebalanceTimeoutMs;
    }

    List<Protocol> protocols() {
        return protocols;
    }

    boolean supports(String protocol) {
        return metadata(protocol) != null;
    }

    /** The metadata the member gave for {@code protocol}, or null if it does not support it. */
    byte[] metadata(String protocol) {
        for (Protocol p : protocols) {
            if (p.name().equals(protocol)) {
                return p.metadata();
            }
        }
        return null;
    }

    /** Whether {@code other} are the protocols and metadata this member joined with. */
    boolean sameProtocols(List<Protocol> other) {
        if (other.size() != protocols.size()) {
            return false;
        }
        for (int i = 0; i < other.size(); i++) {
            Protocol a = protocols.get(i);
            Protocol b = other.get(i);
            if (!a.name().equals(b.name()) || !Arrays.equals(a.metadata(), b.metadata())) {
                return false;
            }
        }
        return true;
    }

    byte[] assignment() {
        return assignment;
    }

    void assign(byte[] bytes) {
        this.assignment = bytes == null ? new byte[0] : bytes;
    }

    Waiting<JoinGroupResponseData> join() {
        return join;
    }

    /** Holds a join request; returns the one it replaces, or null. */
    Waiting<JoinGroupResponseData> awaitJoin(Waiting<JoinGroupResponseData> waiting) {
        Waiting<JoinGroupResponseData> previous = join;
        join = waiting;
        return previous;
    }

    Waiting<SyncGroupResponseData> sync() {
        return sync;
    }

    /** Holds a sync request; returns the one it replaces, or null. */
    Waiting<SyncGroupResponseData> awaitSync(Waiting<SyncGroupResponseData> waiting) {
        Waiting<SyncGroupResponseData> previous = sync;
        sync = waiting;
        return previous;
    }

    /** A member waiting for the rebalance to answer it is alive, heartbeats or not (as in Kafka). */
    boolean waiting() {
        return join != null || sync != null;
    }

    long deadlineNanos() {
        return deadlineNanos;
    }

    /** Restarts the session: the member must be heard from again within its session timeout. */
    void heard(long nowNanos) {
        deadlineNanos = nowNanos + sessionTimeoutMs * 1_000_000L;
    }

    long timerId() {
        return timerId;
    }

    void timer(long id) {
        this.timerId = id;
    }
}
