package io.hallows.messaging.impl.kafka;

import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.protocol.ApiMessage;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.requests.ApiVersionsRequest;

/**
 * Routes a parsed request of a supported API and version to its handler. Every handler answers
 * with the response data for the request's version (written by the connection), as a future:
 * produce, fetch, join and sync complete later, on the log's or the coordinator's threads.
 */
final class Apis {
    private final ProduceHandler produce;
    private final FetchHandler fetch;
    private final MetadataHandler metadata;
    private final ListOffsetsHandler listOffsets;
    private final GroupApis groups;
    private final TopicAdmin topics;
    private final ConfigDescriber configs;

    Apis(Broker broker) {
        this.produce = new ProduceHandler(broker);
        this.fetch = new FetchHandler(broker);
        this.metadata = new MetadataHandler(broker);
        this.listOffsets = new ListOffsetsHandler(broker);
        this.groups = new GroupApis(broker);
        this.topics = new TopicAdmin(broker);
        this.configs = new ConfigDescriber(broker);
    }

    /** The answer, or null when the request gets none (a produce with acks=0). */
    CompletableFuture<? extends ApiMessage> handle(Request request) {
        return switch (request.api()) {
            case API_VERSIONS -> CompletableFuture.completedFuture(apiVersions((ApiVersionsRequest) request.body()));
            case METADATA -> metadata.metadata(request);
            case DESCRIBE_CLUSTER -> CompletableFuture.completedFuture(metadata.describeCluster(request));
            case PRODUCE -> produce.handle(request);
            case FETCH -> fetch.handle(request);
            case LIST_OFFSETS -> listOffsets.handle(request);
            case INIT_PRODUCER_ID -> groups.initProducerId(request);
            case FIND_COORDINATOR -> CompletableFuture.completedFuture(groups.findCoordinator(request));
            case JOIN_GROUP, SYNC_GROUP, HEARTBEAT, LEAVE_GROUP, OFFSET_COMMIT, OFFSET_FETCH, LIST_GROUPS, DESCRIBE_GROUPS ->
                    groups.handle(request);
            case CREATE_TOPICS -> topics.create(request);
            case DELETE_TOPICS -> topics.delete(request);
            case DESCRIBE_CONFIGS -> CompletableFuture.completedFuture(configs.handle(request));
            // SupportedApis lets nothing else through.
            default -> throw new IllegalStateException("no handler for " + request.api());
        };
    }

    private static ApiMessage apiVersions(ApiVersionsRequest request) {
        // Kafka checks the client's software name and version (KIP-511): a client sending
        // garbage there is told so rather than served.
        if (request.version() >= 3 && !request.isValid()) {
            return request.getErrorResponse(0, Errors.INVALID_REQUEST.exception()).data();
        }
        return SupportedApis.response(Errors.NONE);
    }
}
