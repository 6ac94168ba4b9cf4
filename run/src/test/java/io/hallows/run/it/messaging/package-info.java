/**
 * The messaging log in a real stack process, through Kafka's own client library: producers,
 * consumers and consumer groups, the AdminClient, retention, and crash safety under SIGKILL.
 */
package io.hallows.run.it.messaging;
