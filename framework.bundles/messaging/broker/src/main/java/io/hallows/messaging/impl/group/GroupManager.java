package io.hallows.messaging.impl.group;

import io.hallows.kernel.api.PartitionExecutor;
import io.hallows.kernel.api.TaskHints;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;
import org.apache.kafka.common.message.DescribeGroupsRequestData;
import org.apache.kafka.common.message.DescribeGroupsResponseData;
import org.apache.kafka.common.message.HeartbeatRequestData;
import org.apache.kafka.common.message.HeartbeatResponseData;
import org.apache.kafka.common.message.JoinGroupRequestData;
import org.apache.kafka.common.message.JoinGroupResponseData;
import org.apache.kafka.common.message.LeaveGroupRequestData;
import org.apache.kafka.common.message.LeaveGroupResponseData;
import org.apache.kafka.common.message.LeaveGroupResponseData.MemberResponse;
import org.apache.kafka.common.message.ListGroupsRequestData;
import org.apache.kafka.common.message.ListGroupsResponseData;
import org.apache.kafka.common.message.OffsetCommitRequestData;
import org.apache.kafka.common.message.OffsetCommitResponseData;
import org.apache.kafka.common.message.OffsetFetchRequestData;
import org.apache.kafka.common.message.OffsetFetchResponseData;
import org.apache.kafka.common.message.SyncGroupRequestData;
import org.apache.kafka.common.message.SyncGroupResponseData;
import org.apache.kafka.common.protocol.Errors;
import org.osgi.service.log.Logger;

/**
 * The classic-protocol group coordinator of the single broker.
 *
 * <p>Each group has its own lock, taken by the requests of that group only: groups never wait for
 * one another. Timers (rebalance and session timeouts) are Vert.x timers whose work runs as a task
 * of the log partition with the group's key ({@code group:<name>}), under the same lock. Answers
 * to held join and sync requests are completed after the lock is released. Committed offsets are in
 * an {@link OffsetStore}, written outside any group lock so that commits of every group share forces.
 */
public final class GroupManager implements GroupCoordinator {
    private final ConcurrentHashMap<String, ClassicGroup> groups = new ConcurrentHashMap<>();
    private final OffsetStore offsets;
    private final PartitionExecutor executor;
    private final Vertx vertx;
    private final GroupSettings settings;
    private final Logger log;
    private final ClassicGroup.Timers timers = new ClassicGroup.Timers() {
        @Override
        public long schedule(ClassicGroup group, long delayMs, Runnable action) {
            return vertx.setTimer(Math.max(1, delayMs), id -> onTimer(group, action));
        }

        @Override
        public void cancel(long timerId) {
            if (timerId >= 0) {
                vertx.cancelTimer(timerId);
            }
        }
    };
    private final OffsetRequests offsetRequests;
    private volatile boolean closed;

    private GroupManager(OffsetStore offsets, PartitionExecutor executor, Vertx vertx, GroupSettings settings, Logger log) {
        this.offsets = offsets;
        this.executor = executor;
        this.vertx = vertx;
        this.settings = settings;
        this.log = log;
        this.offsetRequests = new OffsetRequests(this, offsets, settings, log);
    }

    /**
     * Opens the coordinator on the committed offsets kept in {@code directory} (created if missing).
     *
     * @param directory {@code <data area>/messaging/groups}
     * @throws IOException if the offsets file cannot be read or repaired
     */
    public static GroupManager open(Path directory, PartitionExecutor executor, Vertx vertx, GroupSettings settings,
            Logger log) throws IOException {
        OffsetStore store = OffsetStore.open(directory, settings.forceOffsets(), log);
        log.info("group coordinator: {} groups with committed offsets in {}", store.groups().size(), store.file());
        return new GroupManager(store, executor, vertx, settings, log);
    }

    private void onTimer(ClassicGroup group, Runnable action) {
        if (closed) {
            return;
        }
        try {
            executor.execute(() -> locked(group, g -> {
                if (g.state() != GroupState.DEAD) {
                    action.run();
                }
                return null;
            }), TaskHints.key("group:" + group.name()));
        } catch (RejectedExecutionException e) {
            log.debug("group {}: timer dropped, the partition is stopping", group.name());
        }
    }

    /**
     * Runs {@code op} under the group's lock, then completes the answers it made ready. A group
     * left empty with no committed offsets is removed (Kafka's Dead).
     */
    private <T> T locked(ClassicGroup group, Function<ClassicGroup, T> op) {
        T result;
        List<Runnable> ready;
        group.lock();
        try {
            result = op.apply(group);
            if (group.unused() && !offsets.has(group.name())) {
                group.markDead();
                groups.remove(group.name(), group);
            }
            ready = group.drainCompletions();
        } finally {
            group.unlock();
        }
        ready.forEach(Runnable::run);
        return result;
    }

    /** Runs {@code op} on the group named, created if {@code create}; null if there is none. */
    <T> T withGroup(String name, boolean create, Function<ClassicGroup, T> op) {
        while (true) {
            ClassicGroup group = create ? groups.computeIfAbsent(name, n -> new ClassicGroup(n, settings, timers, log))
                    : groups.get(name);
            if (group == null) {
                return op.apply(null);
            }
            // A group removed while this request waited for its lock is looked up again.
            Object[] box = new Object[1];
            boolean alive = locked(group, g -> {
                if (g.state() == GroupState.DEAD) {
                    return false;
                }
                box[0] = op.apply(g);
                return true;
            });
            if (alive) {
                @SuppressWarnings("unchecked")
                T result = (T) box[0];
                return result;
            }
        }
    }

    @Override
    public CompletableFuture<JoinGroupResponseData> join(JoinGroupRequestData request, short version, String clientId,
            String clientHost) {
        CompletableFuture<JoinGroupResponseData> future = new CompletableFuture<>();
        Errors error = Errors.NONE;
        if (closed) {
            error = Errors.NOT_COORDINATOR;
        } else if (request.groupId() == null || request.groupId().isEmpty()) {
            error = Errors.INVALID_GROUP_ID;
        } else if (request.sessionTimeoutMs() < settings.minSessionTimeoutMs()
                || request.sessionTimeoutMs() > settings.maxSessionTimeoutMs()) {
            error = Errors.INVALID_SESSION_TIMEOUT;
        }
        if (error != Errors.NONE) {
            return CompletableFuture.completedFuture(GroupResponses.joinError(error, request.memberId(), version));
        }
        // A member id the coordinator does not know cannot create its group.
        boolean create = request.memberId().isEmpty();
        withGroup(request.groupId(), create, g -> {
            if (g == null) {
                future.complete(GroupResponses.joinError(Errors.UNKNOWN_MEMBER_ID, request.memberId(), version));
            } else {
                g.join(request, version, clientId, clientHost, future);
            }
            return null;
        });
        return future;
    }

    @Override
    public CompletableFuture<SyncGroupResponseData> sync(SyncGroupRequestData request, short version) {
        CompletableFuture<SyncGroupResponseData> future = new CompletableFuture<>();
        withGroup(request.groupId(), false, g -> {
            if (g == null || closed) {
                future.complete(GroupResponses.syncError(closed ? Errors.NOT_COORDINATOR : Errors.UNKNOWN_MEMBER_ID));
            } else {
                g.sync(request, version, future);
            }
            return null;
        });
        return future;
    }

    @Override
    public HeartbeatResponseData heartbeat(HeartbeatRequestData request, short version) {
        String instanceId = version >= 3 ? request.groupInstanceId() : null;
        Errors error = closed ? Errors.NOT_COORDINATOR : withGroup(request.groupId(), false, g -> g == null
                ? Errors.UNKNOWN_MEMBER_ID
                : g.heartbeat(request.memberId(), instanceId, request.generationId()));
        return new HeartbeatResponseData().setErrorCode(error.code());
    }

    @Override
    public LeaveGroupResponseData leave(LeaveGroupRequestData request, short version) {
        List<MemberResponse> leaving = new ArrayList<>();
        if (version >= 3) {
            request.members().forEach(m -> leaving.add(new MemberResponse().setMemberId(m.memberId())
                    .setGroupInstanceId(m.groupInstanceId())));
        } else {
            // MemberResponse's instance id defaults to "", not null: a dynamic member has none.
            leaving.add(new MemberResponse().setMemberId(request.memberId()).setGroupInstanceId(null));
        }
        withGroup(request.groupId(), false, g -> {
            for (MemberResponse m : leaving) {
                Errors e = g == null ? Errors.UNKNOWN_MEMBER_ID : g.leave(m.memberId(), m.groupInstanceId());
                m.setErrorCode(e.code());
            }
            return null;
        });
        LeaveGroupResponseData response = new LeaveGroupResponseData();
        if (version >= 3) {
            return response.setErrorCode(Errors.NONE.code()).setMembers(leaving);
        }
        // Before v3 one member leaves and its error is the answer's.
        return response.setErrorCode(leaving.get(0).errorCode());
    }

    @Override
    public OffsetCommitResponseData commitOffsets(OffsetCommitRequestData request, short version) {
        return offsetRequests.commit(request, version);
    }

    @Override
    public OffsetFetchResponseData fetchOffsets(OffsetFetchRequestData request, short version) {
        return offsetRequests.fetch(request, version);
    }

    @Override
    public ListGroupsResponseData listGroups(ListGroupsRequestData request, short version) {
        return GroupDescriptions.list(views(), request, version);
    }

    @Override
    public DescribeGroupsResponseData describeGroups(DescribeGroupsRequestData request, short version) {
        List<GroupView> found = new ArrayList<>();
        for (String name : request.groups()) {
            found.add(view(name));
        }
        return GroupDescriptions.describe(request, found, version);
    }

    @Override
    public OptionalLong committed(String group, String topic, int partition) {
        return offsets.get(group, topic, partition).map(c -> OptionalLong.of(c.offset())).orElse(OptionalLong.empty());
    }

    @Override
    public void commit(String group, String topic, int partition, long offset) throws GroupException {
        offsetRequests.commitInJvm(group, topic, partition, offset);
    }

    @Override
    public List<GroupSummary> groups() {
        return GroupDescriptions.summaries(views(), offsets);
    }

    @Override
    public void topicDeleted(String topic) {
        try {
            offsets.deleteTopic(topic);
        } catch (IOException e) {
            log.error("offsets file {}: cannot record the deletion of topic {}'s offsets: {}", offsets.file(), topic,
                    e.toString());
        }
    }

    /** A group as it is now; a group known only by its offsets (or not at all) is Empty or Dead. */
    private GroupView view(String name) {
        GroupView view = withGroup(name, false, g -> g == null ? null : g.view());
        if (view != null) {
            return view;
        }
        GroupState state = offsets.has(name) ? GroupState.EMPTY : GroupState.DEAD;
        return new GroupView(name, state, state == GroupState.EMPTY ? "consumer" : "", "", 0, List.of());
    }

    /** Every group: those with members and those with committed offsets only. */
    private List<GroupView> views() {
        TreeSet<String> names = new TreeSet<>(groups.keySet());
        names.addAll(offsets.groups());
        List<GroupView> list = new ArrayList<>();
        for (String name : names) {
            GroupView v = view(name);
            if (v.state() != GroupState.DEAD) {
                list.add(v);
            }
        }
        return list;
    }

    /** Whether the coordinator has closed: requests get NOT_COORDINATOR and look for another. */
    boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        closed = true;
        for (ClassicGroup g : groups.values()) {
            locked(g, group -> {
                group.close();
                return null;
            });
        }
        groups.clear();
        try {
            offsets.close();
        } catch (IOException e) {
            log.warn("offsets file {}: close failed: {}", offsets.file(), e.toString());
        }
    }
}
