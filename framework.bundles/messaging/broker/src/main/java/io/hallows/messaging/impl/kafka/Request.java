package io.hallows.messaging.impl.kafka;

import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.requests.AbstractRequest;
import org.apache.kafka.common.requests.RequestHeader;

/** A parsed request, its header, and the host of the client that sent it. */
record Request(RequestHeader header, AbstractRequest body, String clientHost) {
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
