/**
 * Kafka's wire protocol on a Vert.x NetServer of the log partition: size-prefixed frames, request
 * headers and bodies read and responses written with kafka-clients' own generated message classes,
 * responses in request order per connection, long-polled fetches.
 *
 * <p>{@link io.hallows.messaging.impl.kafka.KafkaServer} is the entry point; each connection is a
 * {@code KafkaConnection} on one event loop, which hands parsed requests to {@code Apis}. The APIs
 * and the newest version of each handled are in {@code SupportedApis}: requests that name topics
 * by id only (Produce 13+, Fetch 13+, OffsetCommit 10+, OffsetFetch 10+) are not advertised, so
 * clients use names.
 */
package io.hallows.messaging.impl.kafka;
