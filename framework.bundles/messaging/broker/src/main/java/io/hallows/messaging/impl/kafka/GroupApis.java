package io.hallows.messaging.impl.kafka;

import io.hallows.messaging.impl.group.GroupCoordinator;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.message.DescribeGroupsRequestData;
import org.apache.kafka.common.message.FindCoordinatorRequestData;
import org.apache.kafka.common.message.FindCoordinatorResponseData;
import org.apache.kafka.common.message.HeartbeatRequestData;
import org.apache.kafka.common.message.InitProducerIdRequestData;
import org.apache.kafka.common.message.InitProducerIdResponseData;
import org.apache.kafka.common.message.JoinGroupRequestData;
import org.apache.kafka.common.message.LeaveGroupRequestData;
import org.apache.kafka.common.message.ListGroupsRequestData;
import org.apache.kafka.common.message.OffsetCommitRequestData;
import org.apache.kafka.common.message.OffsetFetchRequestData;
import org.apache.kafka.common.message.SyncGroupRequestData;
import org.apache.kafka.common.protocol.ApiMessage;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.requests.FindCoordinatorRequest;

/**
 * FindCoordinator (this broker, for groups), InitProducerId (idempotent producers only), and the
 * consumer group APIs, handed to the {@link GroupCoordinator} with their version. The
 * coordinator's synchronous calls may write committed offsets to disk, so they run on a worker
 * thread, never on the event loop.
 */
final class GroupApis {
    static final String NO_TRANSACTIONS = "Hallows does not support transactions (transactional.id): use the idempotent "
            + "producer (enable.idempotence=true, the default), which needs no transactional id";

    private final Broker broker;

    GroupApis(Broker broker) {
        this.broker = broker;
    }

    CompletableFuture<? extends ApiMessage> handle(Request request) {
        GroupCoordinator groups = broker.groups;
        short version = request.version();
        ApiMessage data = request.body().data();
        return switch (request.api()) {
            case JOIN_GROUP -> groups.join((JoinGroupRequestData) data, version, request.clientId(), request.clientHost());
            case SYNC_GROUP -> groups.sync((SyncGroupRequestData) data, version);
            case HEARTBEAT -> request.lane().run(() -> groups.heartbeat((HeartbeatRequestData) data, version));
            case LEAVE_GROUP -> request.lane().run(() -> groups.leave((LeaveGroupRequestData) data, version));
            case OFFSET_COMMIT -> request.lane().run(() -> groups.commitOffsets((OffsetCommitRequestData) data, version));
            case OFFSET_FETCH -> request.lane().run(() -> groups.fetchOffsets((OffsetFetchRequestData) data, version));
            case LIST_GROUPS -> request.lane().run(() -> groups.listGroups((ListGroupsRequestData) data, version));
            case DESCRIBE_GROUPS -> request.lane().run(() -> groups.describeGroups((DescribeGroupsRequestData) data, version));
            default -> throw new IllegalStateException("not a group API: " + request.api());
        };
    }

    /** A new producer id with epoch 0 for an idempotent producer; a transactional id is refused. */
    CompletableFuture<InitProducerIdResponseData> initProducerId(Request request) {
        InitProducerIdRequestData data = (InitProducerIdRequestData) request.body().data();
        if (data.transactionalId() != null) {
            broker.log.info("kafka: refused InitProducerId for transactional id '{}' from {}: {}", data.transactionalId(),
                    request.clientHost(), NO_TRANSACTIONS);
            return CompletableFuture.completedFuture(new InitProducerIdResponseData().setErrorCode(Errors.INVALID_REQUEST.code())
                    .setProducerId(-1).setProducerEpoch((short) -1));
        }
        return request.lane().run(() -> new InitProducerIdResponseData().setProducerId(broker.logs.nextProducerId()).setProducerEpoch((short) 0));
    }

    /** This broker for every group key, in the single-key form (v0 to v3) or the batched one (v4+). */
    FindCoordinatorResponseData findCoordinator(Request request) {
        FindCoordinatorRequestData data = (FindCoordinatorRequestData) request.body().data();
        String refusal = switch (data.keyType()) {
            case 0 -> null;
            case 1 -> NO_TRANSACTIONS;
            case 2 -> "Hallows does not support share groups: use a consumer group";
            default -> "unknown coordinator key type " + data.keyType();
        };
        FindCoordinatorResponseData response = new FindCoordinatorResponseData();
        if (request.version() < FindCoordinatorRequest.MIN_BATCHED_VERSION) {
            return refusal == null ? response.setNodeId(broker.nodeId()).setHost(broker.host()).setPort(broker.port())
                    : response.setErrorCode(Errors.INVALID_REQUEST.code()).setErrorMessage(refusal).setNodeId(-1).setHost("").setPort(-1);
        }
        List<FindCoordinatorResponseData.Coordinator> coordinators = new ArrayList<>();
        for (String key : data.coordinatorKeys()) {
            FindCoordinatorResponseData.Coordinator coordinator = new FindCoordinatorResponseData.Coordinator().setKey(key);
            coordinators.add(refusal == null ? coordinator.setNodeId(broker.nodeId()).setHost(broker.host()).setPort(broker.port())
                    : coordinator.setErrorCode(Errors.INVALID_REQUEST.code()).setErrorMessage(refusal).setNodeId(-1).setHost("").setPort(-1));
        }
        return response.setCoordinators(coordinators);
    }
}
