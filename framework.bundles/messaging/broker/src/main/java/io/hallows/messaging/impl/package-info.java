/**
 * The broker's composition root: opens the storage, the group coordinator and the Kafka protocol
 * server on the log partition, registers the in-JVM {@code Messaging} service and the shell
 * commands, and runs retention periodically.
 */
package io.hallows.messaging.impl;
