/**
 * Kafka's wire protocol on a Vert.x NetServer of the log partition: size-prefixed frames, request
 * headers and bodies read and responses written with kafka-clients' own generated message classes,
 * responses in request order per connection, long-polled fetches.
 */
package io.hallows.messaging.impl.kafka;
