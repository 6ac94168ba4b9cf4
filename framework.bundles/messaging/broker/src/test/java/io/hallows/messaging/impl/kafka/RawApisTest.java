package io.hallows.messaging.impl.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.message.FindCoordinatorRequestData;
import org.apache.kafka.common.message.FindCoordinatorResponseData;
import org.apache.kafka.common.message.InitProducerIdRequestData;
import org.apache.kafka.common.message.MetadataRequestData;
import org.apache.kafka.common.message.MetadataResponseData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.requests.FindCoordinatorResponse;
import org.apache.kafka.common.requests.InitProducerIdResponse;
import org.apache.kafka.common.requests.MetadataResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Request forms the Java clients of this version do not send, but older or other clients do. */
@Timeout(30)
class RawApisTest {
    private Fixture fixture;
    private RawClient client;

    @BeforeEach
    void start() throws Exception {
        fixture = new Fixture();
        client = new RawClient(fixture.server.port());
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        fixture.close();
        assertEquals(List.of(), fixture.lines("ERROR"));
    }

    @Test
    void findCoordinatorNamesThisBrokerInTheSingleAndTheBatchedForm() throws Exception {
        client.send(ApiKeys.FIND_COORDINATOR, (short) 3, 1, new FindCoordinatorRequestData().setKey("g").setKeyType((byte) 0));
        FindCoordinatorResponseData single = ((FindCoordinatorResponse) client.receive(ApiKeys.FIND_COORDINATOR, (short) 3, 1)).data();
        assertEquals(Errors.NONE.code(), single.errorCode());
        assertEquals(1, single.nodeId());
        assertEquals(fixture.server.port(), single.port());

        client.send(ApiKeys.FIND_COORDINATOR, (short) 4, 2, new FindCoordinatorRequestData().setKeyType((byte) 0)
                .setCoordinatorKeys(List.of("a", "b")));
        FindCoordinatorResponseData batched = ((FindCoordinatorResponse) client.receive(ApiKeys.FIND_COORDINATOR, (short) 4, 2)).data();
        assertEquals(List.of("a", "b"), batched.coordinators().stream().map(FindCoordinatorResponseData.Coordinator::key).toList());
        assertTrue(batched.coordinators().stream().allMatch(c -> c.nodeId() == 1 && c.errorCode() == 0));

        client.send(ApiKeys.FIND_COORDINATOR, (short) 4, 3, new FindCoordinatorRequestData().setKeyType((byte) 1)
                .setCoordinatorKeys(List.of("tx")));
        FindCoordinatorResponseData.Coordinator transaction = ((FindCoordinatorResponse) client.receive(ApiKeys.FIND_COORDINATOR, (short) 4, 3))
                .data().coordinators().get(0);
        assertEquals(Errors.INVALID_REQUEST.code(), transaction.errorCode());
        assertTrue(transaction.errorMessage().contains("does not support transactions"));
    }

    @Test
    void initProducerIdGivesFreshIdsAndRefusesTransactionalOnes() throws Exception {
        client.send(ApiKeys.INIT_PRODUCER_ID, (short) 4, 1, new InitProducerIdRequestData().setTransactionalId(null).setTransactionTimeoutMs(-1)
                .setProducerId(-1).setProducerEpoch((short) -1));
        InitProducerIdResponse first = (InitProducerIdResponse) client.receive(ApiKeys.INIT_PRODUCER_ID, (short) 4, 1);
        client.send(ApiKeys.INIT_PRODUCER_ID, (short) 4, 2, new InitProducerIdRequestData().setTransactionalId(null).setTransactionTimeoutMs(-1)
                .setProducerId(-1).setProducerEpoch((short) -1));
        InitProducerIdResponse second = (InitProducerIdResponse) client.receive(ApiKeys.INIT_PRODUCER_ID, (short) 4, 2);
        assertEquals(0, first.data().producerEpoch());
        assertTrue(second.data().producerId() > first.data().producerId());

        client.send(ApiKeys.INIT_PRODUCER_ID, (short) 4, 3, new InitProducerIdRequestData().setTransactionalId("tx").setTransactionTimeoutMs(1000)
                .setProducerId(-1).setProducerEpoch((short) -1));
        assertEquals(Errors.INVALID_REQUEST, ((InitProducerIdResponse) client.receive(ApiKeys.INIT_PRODUCER_ID, (short) 4, 3)).error());
    }

    @Test
    void metadataByIdByInvalidNameAndWithoutCreation() throws Exception {
        Uuid id = fixture.logs.createTopic("known", 2, Map.of(), false).id();
        MetadataRequestData data = new MetadataRequestData().setAllowAutoTopicCreation(false);
        data.topics().add(new MetadataRequestData.MetadataRequestTopic().setName(null).setTopicId(id));
        data.topics().add(new MetadataRequestData.MetadataRequestTopic().setName(null).setTopicId(Uuid.randomUuid()));
        data.topics().add(new MetadataRequestData.MetadataRequestTopic().setName("bad name!"));
        data.topics().add(new MetadataRequestData.MetadataRequestTopic().setName("not-created"));
        client.send(ApiKeys.METADATA, (short) 12, 1, data);
        MetadataResponseData answer = ((MetadataResponse) client.receive(ApiKeys.METADATA, (short) 12, 1)).data();
        List<MetadataResponseData.MetadataResponseTopic> topics = List.copyOf(answer.topics());
        assertEquals("known", topics.get(0).name());
        assertEquals(2, topics.get(0).partitions().size());
        assertEquals(List.of(1), topics.get(0).partitions().get(1).isrNodes());
        assertEquals(Errors.UNKNOWN_TOPIC_ID.code(), topics.get(1).errorCode());
        assertEquals(Errors.INVALID_TOPIC_EXCEPTION.code(), topics.get(2).errorCode());
        assertEquals(Errors.UNKNOWN_TOPIC_OR_PARTITION.code(), topics.get(3).errorCode());
        assertFalse(fixture.logs.topic("not-created").isPresent(), "the request did not allow auto-creation");
        assertEquals("hallows-test-cluster", answer.clusterId());
        assertEquals(1, answer.controllerId());
    }
}
