/**
 * Consumer groups with Kafka's classic protocol: the coordinator's state machine (join, sync,
 * heartbeat, leave, rebalance and session timeouts), committed offsets kept durably in the data
 * area, and the groups' description for the shell and the AdminClient.
 */
package io.hallows.messaging.impl.group;
