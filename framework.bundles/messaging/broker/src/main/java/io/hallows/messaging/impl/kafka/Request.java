package io.hallows.messaging.impl.kafka;

import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.requests.AbstractRequest;
import org.apache.kafka.common.requests.RequestHeader;

/** A parsed request, its header, the host of the client that sent it, and its connection's lane for blocking work. */
record Request(RequestHeader header, AbstractRequest body, String clientHost, BlockingLane lane) {
    ApiKeys api() {
        return header.apiKey();
    }

    short version() {
        return header.apiVersion();
    }

    String clientId() {
        return header.clientId();
    }
}
