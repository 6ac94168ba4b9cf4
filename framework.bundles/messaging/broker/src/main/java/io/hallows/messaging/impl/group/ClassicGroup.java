package io.hallows.messaging.impl.group;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.kafka.common.message.JoinGroupRequestData;
import org.apache.kafka.common.message.JoinGroupResponseData;
import org.apache.kafka.common.message.SyncGroupRequestData;
import org.apache.kafka.common.message.SyncGroupResponseData;
import org.apache.kafka.common.protocol.Errors;
import org.osgi.service.log.Logger;

/**
 * One group of Kafka's classic protocol: its members and its state machine (join, sync,
 * heartbeat, leave, session and rebalance timeouts), as Kafka's classic coordinator runs it.
 *
 * <p>Every method must be called with {@link #lock()} held. Answers to held requests are not
 * completed under the lock: they are queued and {@link #drainCompletions()} hands them to the
 * caller, who runs them once it has unlocked.
 */
final class ClassicGroup {
    /** Runs an action on the group later, under its lock; the manager owns the threads. */
    interface Timers {
        long schedule(ClassicGroup group, long delayMs, Runnable action);

        void cancel(long timerId);
    }

    private final String name;
    private final Timers timers;
    private final Logger log;
    private final ReentrantLock lock = new ReentrantLock();
    private final Membership members = new Membership();
    /** Members told MEMBER_ID_REQUIRED, until they join with their id: id → expiry timer. */
    private final Map<String, Long> pending = new HashMap<>();
    private final List<Runnable> completions = new ArrayList<>();
    private final JoinDeadline joinDeadline;
    private GroupState state = GroupState.EMPTY;
    private int generation;
    private String protocol;

    ClassicGroup(String name, GroupSettings settings, Timers timers, Logger log) {
        this.name = name;
        this.timers = timers;
        this.log = log;
        this.joinDeadline = new JoinDeadline(this, timers, settings.initialRebalanceDelayMs());
    }

    void lock() {
        lock.lock();
    }

    void unlock() {
        lock.unlock();
    }

    /** The answers made ready since the last call, to run after unlocking. */
    List<Runnable> drainCompletions() {
        if (completions.isEmpty()) {
            return List.of();
        }
        List<Runnable> ready = List.copyOf(completions);
        completions.clear();
        return ready;
    }

    <T> void complete(CompletableFuture<T> future, T value) {
        completions.add(() -> future.complete(value));
    }

    // ---- join ------------------------------------------------------------------------------

    void join(JoinGroupRequestData req, short version, String clientId, String host,
            CompletableFuture<JoinGroupResponseData> future) {
        var waiting = new Member.Waiting<>(future, version);
        String memberId = req.memberId();
        if (state == GroupState.DEAD) {
            answerJoin(waiting, Errors.COORDINATOR_NOT_AVAILABLE, memberId);
            return;
        }
        List<Member.Protocol> protocols = Member.protocols(req.protocols());
        if (!members.accepts(req.protocolType(), protocols)) {
            answerJoin(waiting, Errors.INCONSISTENT_GROUP_PROTOCOL, memberId);
            return;
        }
        String instanceId = version >= 5 ? req.groupInstanceId() : null;
        int sessionMs = req.sessionTimeoutMs();
        int rebalanceMs = version >= 1 && req.rebalanceTimeoutMs() > 0 ? req.rebalanceTimeoutMs() : sessionMs;
        if (memberId.isEmpty()) {
            String newId = (instanceId != null ? instanceId : clientId) + "-" + UUID.randomUUID();
            if (members.idOf(instanceId) != null) {
                Member replaced = replaceStatic(members.idOf(instanceId), newId);
                rejoin(replaced, clientId, host, sessionMs, rebalanceMs, protocols, waiting);
            } else if (instanceId == null && version >= 4) {
                // KIP-394: the member must come back with the id it is given, so that a client that
                // gives up on a join does not leave a member behind that the group waits for.
                pending.put(newId, timers.schedule(this, sessionMs, () -> pendingExpired(newId)));
                answerJoin(waiting, Errors.MEMBER_ID_REQUIRED, newId);
            } else {
                add(new Member(newId, instanceId, clientId, host, sessionMs, rebalanceMs, protocols), req.protocolType(), waiting);
            }
            return;
        }
        Long pendingTimer = pending.remove(memberId);
        if (pendingTimer != null) {
            timers.cancel(pendingTimer);
            add(new Member(memberId, instanceId, clientId, host, sessionMs, rebalanceMs, protocols), req.protocolType(), waiting);
            return;
        }
        Member member = members.get(memberId);
        if (member == null) {
            answerJoin(waiting, Errors.UNKNOWN_MEMBER_ID, memberId);
        } else if (members.fenced(memberId, instanceId)) {
            answerJoin(waiting, Errors.FENCED_INSTANCE_ID, memberId);
        } else {
            rejoin(member, clientId, host, sessionMs, rebalanceMs, protocols, waiting);
        }
    }

    private void add(Member member, String type, Member.Waiting<JoinGroupResponseData> waiting) {
        member.awaitJoin(waiting);
        member.heard(System.nanoTime());
        members.add(member, type);
        scheduleExpiry(member);
        log.info("group {}: member {} (client {}, {}) joined", name, member.id(), member.clientId(), member.host());
        if (state == GroupState.PREPARING_REBALANCE) {
            joinDeadline.memberAdded();
        }
        if (state.canRebalance()) {
            prepareRebalance("member " + member.id() + " joined");
        } else {
            checkJoined();
        }
    }

    private void rejoin(Member member, String clientId, String host, int sessionMs, int rebalanceMs,
            List<Member.Protocol> protocols, Member.Waiting<JoinGroupResponseData> waiting) {
        boolean changed = !member.sameProtocols(protocols);
        member.update(clientId, host, sessionMs, rebalanceMs, protocols);
        member.heard(System.nanoTime());
        switch (state) {
            case PREPARING_REBALANCE -> {
                awaitJoin(member, waiting);
                checkJoined();
            }
            case COMPLETING_REBALANCE, STABLE -> {
                // A follower that rejoins unchanged (it missed the answer) gets this generation again;
                // the leader rejoining, or a changed subscription, starts a new rebalance (as Kafka).
                boolean leaderInStable = state == GroupState.STABLE && member.id().equals(members.leader());
                if (changed || leaderInStable) {
                    awaitJoin(member, waiting);
                    prepareRebalance("member " + member.id() + (changed ? " changed its subscription" : " (the leader) rejoined"));
                } else {
                    complete(waiting.future(), joined(member));
                }
            }
            default -> answerJoin(waiting, Errors.UNKNOWN_MEMBER_ID, member.id());
        }
    }

    private void awaitJoin(Member member, Member.Waiting<JoinGroupResponseData> waiting) {
        Member.Waiting<JoinGroupResponseData> previous = member.awaitJoin(waiting);
        if (previous != null) {
            answerJoin(previous, Errors.REBALANCE_IN_PROGRESS, member.id());
        }
    }

    /** A static member that joins again without its id takes a new one; the old id is fenced. */
    private Member replaceStatic(String oldId, String newId) {
        Member old = members.get(oldId);
        timers.cancel(old.timerId());
        fence(old, Errors.FENCED_INSTANCE_ID);
        Member member = members.rename(oldId, newId);
        member.heard(System.nanoTime());
        scheduleExpiry(member);
        log.info("group {}: static member {} rejoined as {} (replacing {})", name, member.instanceId(), newId, oldId);
        return member;
    }

    private void answerJoin(Member.Waiting<JoinGroupResponseData> waiting, Errors error, String memberId) {
        complete(waiting.future(), GroupResponses.joinError(error, memberId, waiting.version()));
    }

    private JoinGroupResponseData joined(Member member) {
        return GroupResponses.joined(member, generation, members.protocolType(), protocol, members.leader(), members.all());
    }

    private void fence(Member member, Errors error) {
        Member.Waiting<JoinGroupResponseData> join = member.awaitJoin(null);
        if (join != null) {
            answerJoin(join, error, member.id());
        }
        Member.Waiting<SyncGroupResponseData> sync = member.awaitSync(null);
        if (sync != null) {
            complete(sync.future(), GroupResponses.syncError(error));
        }
    }

    // ---- rebalance -------------------------------------------------------------------------

    private void prepareRebalance(String reason) {
        if (state == GroupState.COMPLETING_REBALANCE) {
            // The leader's assignment for this generation will not come: the followers waiting
            // for it rejoin.
            for (Member m : members.all()) {
                Member.Waiting<SyncGroupResponseData> sync = m.awaitSync(null);
                if (sync != null) {
                    complete(sync.future(), GroupResponses.syncError(Errors.REBALANCE_IN_PROGRESS));
                }
            }
        }
        boolean first = state == GroupState.EMPTY;
        transition(GroupState.PREPARING_REBALANCE);
        members.all().forEach(m -> m.assign(null));
        log.info("group {}: rebalancing from generation {}: {}", name, generation, reason);
        joinDeadline.start(first, members.rebalanceTimeoutMs(), () -> {
            if (state == GroupState.PREPARING_REBALANCE) {
                completeJoin();
            }
        });
        checkJoined();
    }

    /** Completes the join phase early once every member (and no pending one) has rejoined. */
    private void checkJoined() {
        if (state == GroupState.PREPARING_REBALANCE && joinDeadline.mayEndEarly() && pending.isEmpty()
                && members.allJoined()) {
            completeJoin();
        }
    }

    private void completeJoin() {
        joinDeadline.stop();
        for (Member m : List.copyOf(members.all())) {
            if (m.join() == null) {
                remove(m, "did not rejoin within the rebalance timeout", false);
            }
        }
        generation++;
        if (members.isEmpty()) {
            protocol = null;
            transition(GroupState.EMPTY);
            log.info("group {}: generation {} is empty", name, generation);
            return;
        }
        protocol = members.selectProtocol();
        transition(GroupState.COMPLETING_REBALANCE);
        long now = System.nanoTime();
        for (Member m : members.all()) {
            Member.Waiting<JoinGroupResponseData> join = m.awaitJoin(null);
            m.heard(now);
            complete(join.future(), joined(m));
        }
        log.info("group {}: generation {} with {} members, protocol {}, leader {}", name, generation, members.size(),
                protocol, members.leader());
        int syncing = generation;
        timers.schedule(this, members.rebalanceTimeoutMs(), () -> syncExpired(syncing));
    }

    /**
     * The leader's assignment did not come within the rebalance timeout: the members that have not
     * asked for theirs are removed, and the group rebalances (as Kafka's pending-sync timeout).
     */
    private void syncExpired(int syncing) {
        if (state != GroupState.COMPLETING_REBALANCE || generation != syncing) {
            return;
        }
        for (Member m : List.copyOf(members.all())) {
            if (m.sync() == null && state == GroupState.COMPLETING_REBALANCE) {
                remove(m, "did not sync within the rebalance timeout", true);
            }
        }
    }

    private void transition(GroupState next) {
        if (state != next && !state.next().contains(next)) {
            throw new IllegalStateException("group " + name + ": no transition from " + state + " to " + next);
        }
        state = next;
    }

    // ---- sync, heartbeat, leave ------------------------------------------------------------

    void sync(SyncGroupRequestData req, short version, CompletableFuture<SyncGroupResponseData> future) {
        Errors error = check(req.memberId(), version >= 3 ? req.groupInstanceId() : null, req.generationId());
        Member member = members.get(req.memberId());
        if (error == Errors.NONE && version >= 5 && (mismatch(req.protocolType(), members.protocolType())
                || mismatch(req.protocolName(), protocol))) {
            error = Errors.INCONSISTENT_GROUP_PROTOCOL;
        }
        if (error == Errors.NONE && state == GroupState.PREPARING_REBALANCE) {
            error = Errors.REBALANCE_IN_PROGRESS;
        }
        if (error != Errors.NONE) {
            complete(future, GroupResponses.syncError(error));
            return;
        }
        member.heard(System.nanoTime());
        if (state == GroupState.STABLE) {
            complete(future, GroupResponses.synced(members.protocolType(), protocol, member.assignment()));
            return;
        }
        Member.Waiting<SyncGroupResponseData> previous = member.awaitSync(new Member.Waiting<>(future, version));
        if (previous != null) {
            complete(previous.future(), GroupResponses.syncError(Errors.REBALANCE_IN_PROGRESS));
        }
        if (member.id().equals(members.leader())) {
            Map<String, byte[]> assignments = new HashMap<>();
            req.assignments().forEach(a -> assignments.put(a.memberId(), a.assignment()));
            transition(GroupState.STABLE);
            for (Member m : members.all()) {
                m.assign(assignments.get(m.id()));
                Member.Waiting<SyncGroupResponseData> sync = m.awaitSync(null);
                if (sync != null) {
                    complete(sync.future(), GroupResponses.synced(members.protocolType(), protocol, m.assignment()));
                }
            }
            log.info("group {}: generation {} is stable", name, generation);
        }
    }

    private static boolean mismatch(String requested, String actual) {
        return requested != null && !requested.equals(actual);
    }

    /**
     * Checks a member's identity and generation as heartbeats, syncs and commits need; an id that a
     * static member's instance no longer has is fenced, known or not (as Kafka).
     */
    private Errors check(String memberId, String instanceId, int generationId) {
        if (state == GroupState.DEAD) {
            return Errors.COORDINATOR_NOT_AVAILABLE;
        }
        if (members.idOf(instanceId) != null && members.fenced(memberId, instanceId)) {
            return Errors.FENCED_INSTANCE_ID;
        }
        if (members.get(memberId) == null) {
            return Errors.UNKNOWN_MEMBER_ID;
        }
        if (members.fenced(memberId, instanceId)) {
            return Errors.FENCED_INSTANCE_ID;
        }
        return generationId == generation ? Errors.NONE : Errors.ILLEGAL_GENERATION;
    }

    Errors heartbeat(String memberId, String instanceId, int generationId) {
        Errors error = check(memberId, instanceId, generationId);
        if (error != Errors.NONE) {
            return error;
        }
        members.get(memberId).heard(System.nanoTime());
        return state == GroupState.PREPARING_REBALANCE ? Errors.REBALANCE_IN_PROGRESS : Errors.NONE;
    }

    Errors leave(String memberId, String instanceId) {
        String id = memberId;
        if (instanceId != null) {
            id = members.idOf(instanceId);
            if (id == null) {
                return Errors.UNKNOWN_MEMBER_ID;
            }
            if (!memberId.isEmpty() && !memberId.equals(id)) {
                return Errors.FENCED_INSTANCE_ID;
            }
        }
        Long pendingTimer = pending.remove(id);
        if (pendingTimer != null) {
            timers.cancel(pendingTimer);
            checkJoined();
            return Errors.NONE;
        }
        Member member = members.get(id);
        if (member == null) {
            return Errors.UNKNOWN_MEMBER_ID;
        }
        remove(member, "left the group", true);
        return Errors.NONE;
    }

    /**
     * Whether an offset commit of this member and generation may go ahead (Kafka's rules: a
     * generation below 0 commits for an empty group, as standalone consumers do).
     */
    Errors checkCommit(String memberId, String instanceId, int generationId) {
        if (state == GroupState.DEAD) {
            return Errors.COORDINATOR_NOT_AVAILABLE;
        }
        if (generationId < 0 && state == GroupState.EMPTY) {
            return Errors.NONE;
        }
        if (state == GroupState.COMPLETING_REBALANCE) {
            return Errors.REBALANCE_IN_PROGRESS;
        }
        Errors error = check(memberId, instanceId, generationId);
        if (error == Errors.NONE) {
            members.get(memberId).heard(System.nanoTime());
        }
        return error;
    }

    private void remove(Member member, String reason, boolean rebalanceNow) {
        members.remove(member);
        timers.cancel(member.timerId());
        fence(member, Errors.UNKNOWN_MEMBER_ID);
        log.info("group {}: member {} removed: {}", name, member.id(), reason);
        if (!rebalanceNow) {
            return;
        }
        if (state == GroupState.STABLE || state == GroupState.COMPLETING_REBALANCE) {
            prepareRebalance("member " + member.id() + " " + reason);
        } else {
            checkJoined();
        }
    }

    // ---- sessions ----------------------------------------------------------------------------

    private void scheduleExpiry(Member member) {
        long delayMs = Math.max(1, (member.deadlineNanos() - System.nanoTime()) / 1_000_000L + 1);
        member.timer(timers.schedule(this, delayMs, () -> expiryCheck(member)));
    }

    private void expiryCheck(Member member) {
        if (members.get(member.id()) != member) {
            return;
        }
        long now = System.nanoTime();
        if (member.waiting()) {
            member.heard(now);
        }
        if (now - member.deadlineNanos() >= 0) {
            remove(member, "session timed out after " + member.sessionTimeoutMs() + " ms", true);
        } else {
            scheduleExpiry(member);
        }
    }

    private void pendingExpired(String memberId) {
        if (pending.remove(memberId) != null) {
            log.info("group {}: member {} did not join with its new id in time", name, memberId);
            checkJoined();
        }
    }

    // ---- the group seen from outside -------------------------------------------------------

    String name() {
        return name;
    }

    GroupState state() {
        return state;
    }

    boolean hasMembers() {
        return !members.isEmpty();
    }

    /** Whether nothing is left in the group: no member, none about to join, no rebalance. */
    boolean unused() {
        return state == GroupState.EMPTY && members.isEmpty() && pending.isEmpty();
    }

    /** Removes an empty group: a request that still holds it must look it up again. */
    void markDead() {
        transition(GroupState.DEAD);
    }

    /** The coordinator closes: held requests get NOT_COORDINATOR (the client looks for another). */
    void close() {
        joinDeadline.stop();
        pending.values().forEach(timers::cancel);
        for (Member m : members.all()) {
            timers.cancel(m.timerId());
            fence(m, Errors.NOT_COORDINATOR);
        }
    }

    GroupView view() {
        List<GroupView.MemberView> list = new ArrayList<>(members.size());
        for (Member m : members.all()) {
            byte[] metadata = protocol == null ? null : m.metadata(protocol);
            list.add(new GroupView.MemberView(m.id(), m.instanceId(), m.clientId(), m.host(),
                    metadata == null ? new byte[0] : metadata, m.assignment()));
        }
        String protocolType = members.protocolType();
        return new GroupView(name, state, protocolType == null ? "" : protocolType, protocol == null ? "" : protocol,
                generation, list);
    }
}
